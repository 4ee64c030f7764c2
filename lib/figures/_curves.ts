/**
 * Per-epoch line charts with one line per model (mean over seeds) and, for
 * several seeds, a faint line per seed.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { EpochRecord, ModelKind, Results } from "../results/mod.ts";
import { epochMeans, makeFigure, modelLegend, modelsIn, normalizeOptions } from "./_common.ts";
import { type Panel, plotPanel } from "./_plot.ts";
import type { Figure } from "./figure.ts";
import type { LegendItem } from "./frame.ts";
import { figureId } from "./numbering.ts";
import type { FigureOptions } from "./options.ts";
import { MODEL_COLORS } from "./palette.ts";

/** One quantity drawn per model. */
export interface Series {
  get: (h: EpochRecord) => number;
  dashed?: boolean;
}

/** Axis of an epoch chart. */
export interface EpochAxis {
  label: string;
  /** Fixed domain, e.g. [0, 1] for accuracies. */
  domain?: [number, number];
  /** Show the y values as percentages. */
  percent?: boolean;
}

/** Draws `series` for every kind in `kinds` against the epoch. */
export function epochChart(
  results: Results,
  { kinds, series, axis, width, height }: {
    /** Models drawn. */
    kinds: readonly ModelKind[];
    /** Curves drawn per model. */
    series: readonly Series[];
    /** The y axis. */
    axis: EpochAxis;
    /** Panel width in pixels. */
    width: number;
    /** Panel height in pixels. */
    height: number;
  },
): Panel {
  const marks: Plot.Markish[] = [Plot.gridY({ strokeOpacity: 0.12 })];
  let maxEpoch = 1;
  for (const kind of kinds) {
    const color = MODEL_COLORS[kind];
    const runs = results.models[kind]?.runs ?? [];
    for (const s of series) {
      const dash = s.dashed ? "5,3" : undefined;
      if (runs.length > 1) {
        for (const run of runs) {
          const rows = run.history.map((h) => ({ epoch: h.epoch, value: s.get(h) }));
          marks.push(
            Plot.line(rows, {
              x: "epoch",
              y: "value",
              stroke: color,
              strokeOpacity: 0.25,
              strokeDasharray: dash,
            }),
          );
        }
      }
      const means = epochMeans(results, kind, s.get);
      for (const m of means) maxEpoch = Math.max(maxEpoch, m.epoch);
      marks.push(
        Plot.line(means, {
          x: "epoch",
          y: "value",
          stroke: color,
          strokeWidth: 2,
          strokeDasharray: dash,
        }),
        // Hollow dots mark dashed series, so they stay apart when there is one epoch.
        Plot.dot(means, {
          x: "epoch",
          y: "value",
          fill: s.dashed ? "#ffffff" : color,
          stroke: color,
          r: 3,
        }),
      );
    }
  }
  const ticks = maxEpoch <= 12 ? Array.from({ length: maxEpoch }, (_, i) => i + 1) : undefined;
  return plotPanel(
    {
      marginLeft: 56,
      marginBottom: 40,
      x: {
        label: "epoch",
        ticks,
        tickFormat: "d",
        domain: maxEpoch === 1 ? [0.5, 1.5] : undefined,
      },
      y: {
        label: axis.label,
        // Plot applies `percent` before the domain, so the domain is in percent too.
        domain: axis.domain && axis.percent
          ? [axis.domain[0] * 100, axis.domain[1] * 100]
          : axis.domain,
        percent: axis.percent,
        nice: !axis.domain,
      },
      marks,
    },
    width,
    height,
  );
}

/** What a training-curve figure (fig02a-c and its CIFAR-100/STL-10 twins) draws. */
export interface EpochFigureSpec {
  /** Panel letter within the "training" figure number. */
  letter: string;
  name: string;
  /** Header text after the data set label. */
  what: string;
  caption: string;
  series: readonly Series[];
  axis: EpochAxis;
  /** Legend entries after the models'. */
  extraLegend?: readonly LegendItem[];
}

/** A figure with one {@link epochChart} of every model present in `results`. */
export function epochFigure(
  results: Results,
  options: FigureOptions | undefined,
  spec: EpochFigureSpec,
): Figure {
  const o = normalizeOptions(options);
  const kinds = modelsIn(results);
  return makeFigure(results, {
    id: figureId(results.dataset.name, "training", spec.letter),
    name: spec.name,
    what: spec.what,
    caption: spec.caption,
    legend: [...modelLegend(kinds), ...(spec.extraLegend ?? [])],
    panels: [epochChart(results, {
      kinds,
      series: spec.series,
      axis: spec.axis,
      width: o.width - 24,
      height: o.height,
    })],
    options: o,
  });
}
