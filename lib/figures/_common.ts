/**
 * Pieces every figure file uses: header text, the models present, their legend
 * and per-epoch means over seeds.
 *
 * @module
 */
import {
  DATASET_LABELS,
  type EpochRecord,
  MODEL_KINDS,
  type ModelKind,
  type Results,
  type SeedRun,
} from "../results/mod.ts";
import { Figure } from "./figure.ts";
import { frame, type LegendItem } from "./frame.ts";
import type { Panel } from "./_plot.ts";
import { type FigureOptions, type NormalizedOptions, normalizeOptions } from "./options.ts";
import { MODEL_COLORS, MODEL_LABELS } from "./palette.ts";

/** Title, subtitle and stand-in warning of a figure about `what`. */
export function header(results: Results, what: string) {
  const d = results.dataset;
  const label = DATASET_LABELS[d.name];
  const seeds = results.config.seeds.length;
  const subtitle =
    `${label} · profile ${results.profile} · ${seeds} seed${seeds === 1 ? "" : "s"} · ` +
    `${results.config.epochs} epoch${results.config.epochs === 1 ? "" : "s"} · ` +
    `train/val/test ${d.sizes.train}/${d.sizes.val}/${d.sizes.test}`;
  const warning = d.provenance === "synthetic stand-in"
    ? `Synthetic stand-in data, not ${label}: run "${d.fetchCommand}" for the real data`
    : undefined;
  return { title: `${label}: ${what}`, subtitle, warning };
}

/** Caption suffix noting stand-in data. */
export function standInNote(results: Results): string {
  const d = results.dataset;
  return d.provenance === "synthetic stand-in"
    ? ` Drawn from synthetic stand-in data, not ${DATASET_LABELS[d.name]}.`
    : "";
}

/** Model kinds present in `results` (with at least one run), in palette order. */
export function modelsIn(results: Results): ModelKind[] {
  return MODEL_KINDS.filter((k) => (results.models[k]?.runs.length ?? 0) > 0);
}

/** Legend entries for model kinds. */
export function modelLegend(kinds: readonly ModelKind[], shape: LegendItem["shape"] = "swatch") {
  return kinds.map((k): LegendItem => ({ label: MODEL_LABELS[k], color: MODEL_COLORS[k], shape }));
}

/** The first seed's run of `kind`; throws a TypeError when `results` has none. */
export function firstRun(results: Results, kind: ModelKind): SeedRun {
  const run = results.models[kind]?.runs[0];
  if (!run) throw new TypeError(`Expected results for model "${kind}" but found none`);
  return run;
}

/** Mean over seeds of `get(epochRecord)` per epoch (epochs some seed lacks use the others). */
export function epochMeans(
  results: Results,
  kind: ModelKind,
  get: (h: EpochRecord) => number,
): { epoch: number; value: number }[] {
  const sums = new Map<number, { sum: number; n: number }>();
  for (const run of results.models[kind]?.runs ?? []) {
    for (const h of run.history) {
      const v = get(h);
      if (!Number.isFinite(v)) continue;
      const s = sums.get(h.epoch) ?? { sum: 0, n: 0 };
      s.sum += v;
      s.n++;
      sums.set(h.epoch, s);
    }
  }
  return [...sums.entries()].sort((a, b) => a[0] - b[0])
    .map(([epoch, { sum, n }]) => ({ epoch, value: sum / n }));
}

/** Builds a {@link Figure} from a header, legend and panels. */
export function makeFigure(
  results: Results,
  spec: {
    id: string;
    name: string;
    what: string;
    caption: string;
    legend?: LegendItem[];
    panels: Panel[];
    options: NormalizedOptions;
  },
): Figure {
  const caption = spec.caption + standInNote(results);
  return new Figure({
    id: spec.id,
    name: spec.name,
    caption,
    framed: frame({
      ...header(results, spec.what),
      width: spec.options.width,
      legend: spec.legend,
      panels: spec.panels,
      description: caption,
    }),
  });
}

export { normalizeOptions };
export type { FigureOptions, NormalizedOptions };
