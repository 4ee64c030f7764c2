/**
 * The outer SVG of every figure: title, subtitle, stand-in warning and legend
 * drawn as SVG text and shapes, with the chart panels nested below.
 *
 * @module
 */
import { esc, num, text, textWidth } from "./_svg.ts";
import type { Panel } from "./_plot.ts";
import { ALERT_COLOR, MUTED_COLOR } from "./palette.ts";

/** One legend entry. */
export interface LegendItem {
  label: string;
  color: string;
  /** Swatch shape. @default "swatch" */
  shape?: "swatch" | "line" | "dashed" | "dot" | "outline";
}

/** A rectangle in figure pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What {@link frame} lays out. */
export interface FrameSpec {
  width: number;
  title: string;
  subtitle?: string;
  /** Shown in red under the subtitle (stand-in data). */
  warning?: string;
  legend?: LegendItem[];
  panels: Panel[];
  /** Text for the SVG `<desc>` (the caption). */
  description?: string;
}

/** A composed figure SVG with the regions tests and viewers look at. */
export interface Framed {
  svg: string;
  width: number;
  height: number;
  regions: { title: Region; warning?: Region; legend?: Region; body: Region };
}

const MARGIN = 12;
const TITLE_SIZE = 16;
const SUBTITLE_SIZE = 12;
const LEGEND_SIZE = 12;
const LINE = 18;
const SWATCH = 12;
const PANEL_GAP = 12;

/**
 * Composes a figure: header text, an SVG legend that wraps to several rows,
 * then the panels side by side (nested `<svg>` elements, translated).
 */
export function frame(spec: FrameSpec): Framed {
  const panelsWidth = spec.panels.reduce((a, p) => a + p.width, 0) +
    PANEL_GAP * Math.max(0, spec.panels.length - 1);
  const width = Math.max(spec.width, panelsWidth + 2 * MARGIN);
  const parts: string[] = [];
  let y = MARGIN + TITLE_SIZE;
  parts.push(text(spec.title, { x: MARGIN, y, size: TITLE_SIZE, weight: "bold" }));
  const title: Region = { x: 0, y: 0, width, height: y + 6 };
  if (spec.subtitle) {
    y += LINE;
    parts.push(text(spec.subtitle, { x: MARGIN, y, size: SUBTITLE_SIZE, fill: MUTED_COLOR }));
  }
  let warning: Region | undefined;
  if (spec.warning) {
    y += LINE;
    warning = { x: 0, y: y - SUBTITLE_SIZE, width, height: SUBTITLE_SIZE + 4 };
    parts.push(
      text(spec.warning, { x: MARGIN, y, size: SUBTITLE_SIZE, fill: ALERT_COLOR, weight: "bold" }),
    );
  }
  let legend: Region | undefined;
  if (spec.legend && spec.legend.length > 0) {
    y += 8;
    const top = y;
    let x = MARGIN;
    y += LINE - 4;
    for (const item of spec.legend) {
      const itemWidth = SWATCH + 6 + textWidth(item.label, LEGEND_SIZE) + 18;
      if (x > MARGIN && x + itemWidth > width - MARGIN) {
        x = MARGIN;
        y += LINE;
      }
      parts.push(swatch(x, y - SWATCH + 2, item));
      parts.push(text(item.label, { x: x + SWATCH + 6, y, size: LEGEND_SIZE }));
      x += itemWidth;
    }
    legend = { x: 0, y: top, width, height: y + 6 - top };
  }
  y += 10;
  const bodyTop = y;
  let x = Math.max(MARGIN, (width - panelsWidth) / 2);
  let bodyHeight = 0;
  for (const panel of spec.panels) {
    parts.push(`<g transform="translate(${num(x)},${num(bodyTop)})">${panel.svg}</g>`);
    x += panel.width + PANEL_GAP;
    bodyHeight = Math.max(bodyHeight, panel.height);
  }
  const height = Math.ceil(bodyTop + bodyHeight + MARGIN);
  const desc = spec.description ? `<desc>${esc(spec.description)}</desc>` : "";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"` +
    ` width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>${esc(spec.title)}</title>${desc}` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` + parts.join("") + `</svg>`;
  return {
    svg,
    width,
    height,
    regions: { title, warning, legend, body: { x: 0, y: bodyTop, width, height: bodyHeight } },
  };
}

function swatch(x: number, y: number, item: LegendItem): string {
  const mid = y + SWATCH / 2;
  switch (item.shape ?? "swatch") {
    case "line":
    case "dashed": {
      // A dot on the line: filled for solid series, hollow for dashed ones (as in the charts).
      const dash = item.shape === "dashed" ? ` stroke-dasharray="3,2"` : "";
      const dotFill = item.shape === "dashed" ? "#ffffff" : item.color;
      return `<line x1="${num(x - 2)}" y1="${num(mid)}" x2="${num(x + SWATCH + 2)}" ` +
        `y2="${num(mid)}" stroke="${item.color}" stroke-width="2"${dash}/>` +
        `<circle cx="${num(x + SWATCH / 2)}" cy="${num(mid)}" r="3" fill="${dotFill}" ` +
        `stroke="${item.color}"/>`;
    }
    case "dot":
      return `<circle cx="${num(x + SWATCH / 2)}" cy="${num(mid)}" r="${
        SWATCH / 2.5
      }" fill="${item.color}"/>`;
    case "outline":
      return `<rect x="${num(x + 1)}" y="${num(y + 1)}" width="${SWATCH - 2}" height="${
        SWATCH - 2
      }" fill="none" stroke="${item.color}" stroke-width="2"/>`;
    default:
      return `<rect x="${num(x)}" y="${
        num(y)
      }" width="${SWATCH}" height="${SWATCH}" fill="${item.color}"/>`;
  }
}
