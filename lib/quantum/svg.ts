/**
 * Standalone SVG diagrams of circuits: wires as lines, gates as labelled boxes, controls as
 * dots, CNOT targets as circled plus signs, measurements as boxes at the right. All text is
 * SVG `<text>` so the figure stays searchable and sharp at any size.
 *
 * @module
 */
import type { CompiledCircuit } from "./ops.ts";
import type { Step } from "./compile.ts";
import {
  type DrawItem,
  itemSpan,
  layout,
  type LayoutOptions,
  measurementLabels,
} from "./_layout.ts";

/** Options of `Circuit.toSVG()`. */
export interface SVGOptions extends LayoutOptions {
  /** Title drawn above the circuit, or none. @default {undefined} */
  title?: string;
  /** Font size in px; the whole drawing scales with it. @default {14} */
  fontSize?: number;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(
    /"/g,
    "&quot;",
  );
}

function pretty(label: string): string {
  return label.replace(/^<(.*)>$/, "⟨$1⟩").replace(/> </g, "⟩ ⟨");
}

/**
 * Renders a circuit as a standalone SVG document.
 *
 * @returns The SVG text, starting with `<svg`.
 */
export function drawSVG(
  c: CompiledCircuit,
  steps: Step[],
  { title, fontSize = 14, ...layoutOptions }: SVGOptions = {},
): string {
  const items = layout(c, steps, layoutOptions);
  const charW = fontSize * 0.62;
  const pad = fontSize * 0.6;
  const boxH = fontSize * 2.2;
  const rowH = fontSize * 3.4;
  const gap = fontSize * 1.2;
  const top = (title ? fontSize * 2.6 : 0) + rowH / 2 + 4;
  const left = fontSize * 3;
  const y = (w: number) => top + w * rowH;
  const boxW = (i: DrawItem) => {
    if (i.gate === "CNOT" || i.gate === "SWAP" || (i.gate === "CZ" && i.targets.length === 1)) {
      return fontSize * 1.8;
    }
    return Math.max(fontSize * 2.2, i.label.length * charW + 2 * pad);
  };
  const columns = items.reduce((m, i) => Math.max(m, i.column + 1), 0);
  const widths = new Array<number>(columns).fill(0);
  for (const i of items) widths[i.column] = Math.max(widths[i.column]!, boxW(i));
  const xs: number[] = [];
  let x = left + gap;
  for (const w of widths) {
    xs.push(x + w / 2);
    x += w + gap;
  }
  const labels = measurementLabels(c).map(pretty);
  const measureW = Math.max(fontSize * 2.6, ...labels.map((l) => l.length * charW + 2 * pad));
  const measureX = x + measureW / 2;
  const width = Math.ceil(x + measureW + gap);
  const height = Math.ceil(y(c.wires - 1) + rowH / 2 + 4);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="${fontSize}">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
  if (title) {
    out.push(
      `<text x="${width / 2}" y="${fontSize * 1.6}" text-anchor="middle" font-weight="bold">${
        esc(title)
      }</text>`,
    );
  }
  for (let w = 0; w < c.wires; w++) {
    out.push(
      `<line x1="${left}" y1="${y(w)}" x2="${labels[w] ? measureX : x}" y2="${
        y(w)
      }" stroke="black" stroke-width="1.2"/>`,
    );
    out.push(
      `<text x="${left - 6}" y="${y(w)}" text-anchor="end" dominant-baseline="central">${w}</text>`,
    );
  }
  const box = (cx: number, cy: number, w: number, h: number, text: string, fill = "#e8f0fe") => {
    out.push(
      `<rect x="${cx - w / 2}" y="${
        cy - h / 2
      }" width="${w}" height="${h}" rx="3" fill="${fill}" stroke="black" stroke-width="1.2"/>`,
    );
    out.push(
      `<text x="${cx}" y="${cy}" text-anchor="middle" dominant-baseline="central">${
        esc(text)
      }</text>`,
    );
  };
  for (const item of items) {
    const cx = xs[item.column]!;
    const [lo, hi] = itemSpan(item);
    if (item.kind === "block") {
      const h = y(hi) - y(lo) + boxH;
      box(cx, (y(lo) + y(hi)) / 2, widths[item.column]!, h, item.label, "#fdf1d6");
      continue;
    }
    if (lo !== hi) {
      out.push(
        `<line x1="${cx}" y1="${y(lo)}" x2="${cx}" y2="${
          y(hi)
        }" stroke="black" stroke-width="1.2"/>`,
      );
    }
    for (const w of item.controls) {
      out.push(`<circle cx="${cx}" cy="${y(w)}" r="${fontSize * 0.32}" fill="black"/>`);
    }
    for (const w of item.targets) {
      if (item.gate === "CNOT") {
        const r = fontSize * 0.75;
        out.push(
          `<circle cx="${cx}" cy="${
            y(w)
          }" r="${r}" fill="white" stroke="black" stroke-width="1.2"/>`,
        );
        out.push(
          `<path d="M ${cx - r} ${y(w)} H ${cx + r} M ${cx} ${y(w) - r} V ${
            y(w) + r
          }" stroke="black" stroke-width="1.2"/>`,
        );
      } else if (item.gate === "SWAP") {
        const r = fontSize * 0.4;
        out.push(
          `<path d="M ${cx - r} ${y(w) - r} L ${cx + r} ${y(w) + r} M ${cx - r} ${y(w) + r} L ${
            cx + r
          } ${y(w) - r}" stroke="black" stroke-width="1.6"/>`,
        );
      } else {
        box(cx, y(w), boxW(item), boxH, item.label);
      }
    }
  }
  labels.forEach((l, w) => {
    if (l) box(measureX, y(w), measureW, boxH, l, "#e6f4ea");
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}
