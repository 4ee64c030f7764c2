/**
 * The hybrid model with several circuits, side by side (notebook 05): test accuracy and FGSM
 * robust accuracy with 95 % confidence intervals over seeds, epoch time, trainable circuit
 * weights and the gradient variance at initialisation; and the circuits' drawings.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Results, SeedStatistic } from "../results/mod.ts";
import { CircuitBuilder } from "../quantum/drawing.ts";
import { Figure } from "./figure.ts";
import { frame } from "./frame.ts";
import { type Panel, plotPanel } from "./_plot.ts";
import { svgSize, text } from "./_svg.ts";
import { DATASET_LABELS } from "../results/mod.ts";
import { type FigureOptions, normalizeOptions } from "./options.ts";
import { classColor } from "./palette.ts";

/** One circuit's hybrid run, as the comparison figures read it. */
export interface CircuitComparisonEntry {
  /** A label for the circuit (from the notebook's list). */
  name: string;
  /** `circuitHash(circuit)`. */
  hash: string;
  /** Results of a run that trained the hybrid with this circuit. */
  results: Results;
  /** Mean gradient variance of the circuit's weights at initialisation (see `gradientVariance`). */
  gradientVariance?: number;
}

const PANEL_GAP = 12;

function hybridStat(r: Results, key: string): SeedStatistic | undefined {
  return r.models.hybrid?.summary[key];
}

function subtitle(entries: readonly CircuitComparisonEntry[]): string {
  const r = entries[0]!.results;
  const seeds = r.config.seeds.length;
  return `${DATASET_LABELS[r.dataset.name]} · profile ${r.profile} · ${seeds} seed${
    seeds === 1 ? "" : "s"
  } · ${r.config.epochs} epoch${r.config.epochs === 1 ? "" : "s"} · circuits ${
    entries.map((e) => e.hash.slice(0, 6)).join(", ")
  }`;
}

function warningOf(entries: readonly CircuitComparisonEntry[]): string | undefined {
  const d = entries[0]!.results.dataset;
  return d.provenance === "synthetic stand-in"
    ? `Synthetic stand-in data, not ${
      DATASET_LABELS[d.name]
    }: run "${d.fetchCommand}" for the real data`
    : undefined;
}

interface Bar {
  name: string;
  value: number;
  low?: number;
  high?: number;
}

function barPanel(
  bars: Bar[],
  names: string[],
  label: string,
  width: number,
  height: number,
  { percent = false, log = false } = {},
): Panel {
  const k = percent ? 100 : 1;
  const rows = bars.map((b) => ({
    ...b,
    value: k * b.value,
    low: b.low === undefined ? undefined : k * b.low,
    high: b.high === undefined ? undefined : k * b.high,
    fill: classColor(names.indexOf(b.name), names.length),
  }));
  const ranged = rows.filter((r) => r.low !== undefined && r.high !== undefined);
  const format = (v: number) => log ? v.toExponential(1) : percent ? v.toFixed(1) : v.toFixed(2);
  return plotPanel(
    {
      marginLeft: 54,
      marginBottom: 70,
      marginTop: 20,
      x: { label: null, domain: names, tickRotate: -35 },
      y: log
        ? { label, type: "log", grid: true, tickFormat: ".1e", ticks: 4, insetTop: 16 }
        : { label, grid: true, insetTop: 16, ...(percent ? { domain: [0, 100] } : { zero: true }) },
      marks: [
        log ? Plot.dot(rows, { x: "name", y: "value", fill: "fill", r: 5 }) : Plot.barY(rows, {
          x: "name",
          y: "value",
          fill: "fill",
        }),
        Plot.ruleX(ranged, {
          x: "name",
          y1: "low",
          y2: "high",
          stroke: "#000000",
          strokeWidth: 1.5,
        }),
        Plot.text(rows, {
          x: "name",
          y: "value",
          text: (d: { value: number }) => format(d.value),
          dy: -8,
          fontSize: 10,
        }),
      ],
    },
    width,
    height,
  );
}

/**
 * Test accuracy, FGSM robust accuracy (mean and 95 % CI over seeds), epoch time and the
 * gradient variance of the circuit weights at initialisation, one panel each, for the hybrid
 * model trained with each circuit.
 *
 * @param entries One per circuit (at least one), each with hybrid results.
 * @returns figure `fig05c_circuit_comparison`.
 * @throws {TypeError} When `entries` is empty or an entry has no hybrid results.
 */
export function circuitComparisonFigure(
  entries: readonly CircuitComparisonEntry[],
  options?: FigureOptions,
): Figure {
  if (entries.length === 0) {
    throw new TypeError("Expected at least one circuit but found none: pass the compared runs");
  }
  for (const e of entries) {
    if (e.results.models.hybrid === undefined) {
      throw new TypeError(
        `Expected hybrid results for circuit ${e.name} (${e.hash}) but found none: train the hybrid model`,
      );
    }
  }
  const o = normalizeOptions({ width: 1100, ...options });
  const names = entries.map((e) => e.name);
  const stat = (key: string, clip: boolean): Bar[] =>
    entries.flatMap((e) => {
      const s = hybridStat(e.results, key);
      if (s === undefined) return [];
      const spread = s.ci95 > 0;
      return [{
        name: e.name,
        value: s.mean,
        low: spread ? (clip ? Math.max(0, s.mean - s.ci95) : s.mean - s.ci95) : undefined,
        high: spread ? (clip ? Math.min(1, s.mean + s.ci95) : s.mean + s.ci95) : undefined,
      }];
    });
  const variance = entries.flatMap((e) =>
    e.gradientVariance !== undefined && e.gradientVariance > 0
      ? [{ name: e.name, value: e.gradientVariance }]
      : []
  );
  const w = Math.floor((o.width - 24 - 3 * PANEL_GAP) / 4);
  const panels = [
    barPanel(stat("testAccuracy", true), names, "test accuracy (%)", w, o.height, {
      percent: true,
    }),
    barPanel(stat("fgsmAccuracy", true), names, "FGSM ε = 0.1 accuracy (%)", w, o.height, {
      percent: true,
    }),
    barPanel(stat("epochSeconds", false), names, "seconds per epoch", w, o.height),
    barPanel(variance, names, "Var[∂⟨Z0⟩/∂θ] at init", w, o.height, { log: true }),
  ];
  const n = entries[0]!.results.config.seeds.length;
  const caption =
    `The hybrid model trained with each circuit (${
      entries.map((e) => `${e.name}: ${e.hash}`).join("; ")
    }). Test accuracy and FGSM robust accuracy at ε = 0.1 are means over ${n} seed${
      n === 1 ? "" : "s"
    } with 95 % confidence intervals (Student t${
      n === 1 ? "; none with one seed" : ""
    }); seconds per epoch are measured on this machine; the last panel is the variance, over random ` +
    `initialisations, of the gradient of the first output with respect to each circuit weight, ` +
    `averaged over weights (a barren-plateau probe; log scale, circuits without weights omitted).`;
  return new Figure({
    id: "fig05c",
    name: "circuit_comparison",
    caption,
    framed: frame({
      title: `${DATASET_LABELS[entries[0]!.results.dataset.name]}: the hybrid with each circuit`,
      subtitle: subtitle(entries),
      warning: warningOf(entries),
      width: o.width,
      panels,
      description: caption,
    }),
  });
}

/**
 * The compared circuits' drawings side by side (two per row), each titled with its name and
 * hash.
 *
 * @param entries Name, hash and `Circuit.toJSON()` of each circuit.
 * @returns figure `fig05d_circuit_drawings`.
 */
export function circuitDrawingsFigure(
  entries: readonly { name: string; hash: string; circuit: unknown }[],
  options?: FigureOptions,
): Figure {
  const o = normalizeOptions({ width: 1100, ...options });
  const columns = 2;
  const cellWidth = Math.floor((o.width - 24 - PANEL_GAP) / columns);
  const cells = entries.map((e) => {
    const circuit = CircuitBuilder.fromJSON(e.circuit);
    const svg = circuit.toSVG({ expand: false });
    const shots = circuit.toJSON().shots;
    const { width, height } = svgSize(svg);
    const scale = Math.min(1.2, cellWidth / width);
    return {
      title: `${e.name} (${e.hash})${shots === null ? "" : `, ${shots.shots} shots`}`,
      inner: svg.replace(/^<\?xml[^>]*>/, "").replace(/<svg\b[^>]*>/, "").replace(
        /<\/svg>\s*$/,
        "",
      ),
      width,
      height,
      w: Math.round(width * scale),
      h: Math.round(height * scale),
    };
  });
  const parts: string[] = [];
  let y = 0;
  for (let i = 0; i < cells.length; i += columns) {
    const row = cells.slice(i, i + columns);
    const rowHeight = Math.max(...row.map((c) => c.h)) + 22;
    row.forEach((c, j) => {
      const x = j * (cellWidth + PANEL_GAP);
      parts.push(text(c.title, { x, y: y + 14, size: 12, weight: "bold" }));
      parts.push(
        `<svg x="${x}" y="${
          y + 20
        }" width="${c.w}" height="${c.h}" viewBox="0 0 ${c.width} ${c.height}">${c.inner}</svg>`,
      );
    });
    y += rowHeight + 8;
  }
  const width = o.width - 24;
  const panel: Panel = {
    svg: `<svg width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">${parts.join("")}</svg>`,
    width,
    height: y,
  };
  const caption = `The compared circuits, templates drawn as blocks (Circuit.toSVG({ expand: ` +
    `false })), each with its short hash, which also names its results folder.`;
  return new Figure({
    id: "fig05d",
    name: "circuit_drawings",
    caption,
    framed: frame({
      title: "The compared circuits",
      subtitle: entries.map((e) => `${e.name}: ${e.hash}`).join(" · "),
      width: o.width,
      panels: [panel],
      description: caption,
    }),
  });
}
