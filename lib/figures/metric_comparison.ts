/**
 * Average metric comparison: mean and 95 % confidence interval over seeds.
 *
 * @module
 */
import type { Analysis, Results } from "../results/mod.ts";
import { makeFigure, modelLegend, modelsIn, normalizeOptions } from "./_common.ts";
import { type MetricBar, metricBars } from "./_bars.ts";
import type { Figure } from "./figure.ts";
import type { FigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";

const METRICS = [
  ["testAccuracy", "test accuracy"],
  ["testF1", "test F1"],
  ["valAccuracy", "val accuracy"],
  ["valF1", "val F1"],
  ["fgsmAccuracy", "FGSM accuracy"],
] as const;

/**
 * Each model's metrics averaged over seeds side by side, with 95 % Student-t
 * confidence intervals (`analysis.statistics`, see `meanCI95`).
 *
 * @returns figure `fig05_metric_comparison` (16 CIFAR-100, 27 STL-10)
 */
export function metricComparisonFigure(
  results: Results,
  analysis: Analysis,
  options?: FigureOptions,
): Figure {
  const o = normalizeOptions(options);
  const kinds = modelsIn(results);
  const bars: MetricBar[] = [];
  for (const kind of kinds) {
    for (const [key, label] of METRICS) {
      const s = analysis.statistics[kind]?.[key];
      if (!s) continue;
      const spread = s.ci95 > 0;
      bars.push({
        kind,
        metric: label,
        value: s.mean,
        low: spread ? Math.max(0, s.mean - s.ci95) : undefined,
        high: spread ? Math.min(1, s.mean + s.ci95) : undefined,
      });
    }
  }
  const n = results.config.seeds.length;
  return makeFigure(results, {
    id: figureId(results.dataset.name, "average"),
    name: "metric_comparison",
    what: "average metric comparison",
    caption: `Mean over ${n} seed${n === 1 ? "" : "s"} of test accuracy and F1, final-epoch ` +
      `validation accuracy and F1, and FGSM robust accuracy; error bars are 95 % confidence ` +
      `intervals of the mean (Student t with n - 1 degrees of freedom` +
      `${n === 1 ? "; zero width with one seed" : ""}), clipped to 0-100 %.`,
    legend: modelLegend(kinds),
    panels: [
      metricBars(bars, {
        metrics: METRICS.map((m) => m[1]),
        kinds,
        yLabel: "mean score (%)",
        width: o.width - 24,
        height: o.height,
      }),
    ],
    options: o,
  });
}
