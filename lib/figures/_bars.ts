/**
 * Grouped bars of metrics per model with optional error bars, shared by the
 * final-test and average-comparison figures.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { ModelKind } from "../results/mod.ts";
import { type Panel, plotPanel } from "./_plot.ts";
import { MODEL_COLORS, MODEL_LABELS } from "./palette.ts";

/** One bar: a metric's value (0-1) for a model, with optional interval and seed values. */
export interface MetricBar {
  kind: ModelKind;
  metric: string;
  value: number;
  low?: number;
  high?: number;
  seeds?: number[];
}

/** Draws bars grouped by metric (facets), one colour per model, values printed above. */
export function metricBars(
  bars: readonly MetricBar[],
  { metrics, kinds, yLabel, width, height }: {
    /** Metric labels, in facet order. */
    metrics: readonly string[];
    /** Models, in colour order. */
    kinds: readonly ModelKind[];
    /** Label of the y axis. */
    yLabel: string;
    /** Panel width in pixels. */
    width: number;
    /** Panel height in pixels. */
    height: number;
  },
): Panel {
  const rows = bars.map((b) => ({
    ...b,
    label: MODEL_LABELS[b.kind],
    value: 100 * b.value,
    low: b.low === undefined ? undefined : 100 * b.low,
    high: b.high === undefined ? undefined : 100 * b.high,
  }));
  const seeds = rows.flatMap((r) =>
    (r.seeds ?? []).map((v) => ({ metric: r.metric, label: r.label, value: 100 * v }))
  );
  const ranged = rows.filter((r) => r.low !== undefined && r.high !== undefined);
  return plotPanel(
    {
      marginLeft: 52,
      marginBottom: 30,
      marginTop: 24,
      fx: { label: null, domain: [...metrics] },
      x: { axis: null, domain: kinds.map((k) => MODEL_LABELS[k]), paddingInner: 0.15 },
      y: { label: yLabel, domain: [0, 100], grid: true },
      marks: [
        Plot.barY(rows, {
          fx: "metric",
          x: "label",
          y: "value",
          fill: (d) => MODEL_COLORS[d.kind as ModelKind],
        }),
        Plot.ruleX(ranged, {
          fx: "metric",
          x: "label",
          y1: "low",
          y2: "high",
          stroke: "#222222",
          strokeWidth: 1.5,
        }),
        Plot.tickY(ranged, { fx: "metric", x: "label", y: "low", stroke: "#222222", inset: 6 }),
        Plot.tickY(ranged, { fx: "metric", x: "label", y: "high", stroke: "#222222", inset: 6 }),
        Plot.dot(seeds, {
          fx: "metric",
          x: "label",
          y: "value",
          r: 2,
          fill: "#222222",
          fillOpacity: 0.6,
        }),
        Plot.text(rows, {
          fx: "metric",
          x: "label",
          y: (d) => Math.max(d.value, d.high ?? 0),
          text: (d) => d.value.toFixed(1),
          dy: -7,
          fontSize: 9,
        }),
        Plot.ruleY([0]),
      ],
    },
    width,
    height,
  );
}
