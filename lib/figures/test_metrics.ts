/**
 * Final test performance: accuracy, precision, recall and F1 on the test split.
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
  ["accuracy", "accuracy"],
  ["precision", "precision (macro)"],
  ["recall", "recall (macro)"],
  ["f1", "F1 (macro)"],
] as const;

/**
 * Test-split accuracy, macro precision, recall and F1 of every model: bars are
 * the mean over seeds, dots the single seeds.
 *
 * @returns figure `fig04_test_metrics` (15 CIFAR-100, 26 STL-10)
 */
export function testMetricsFigure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  const o = normalizeOptions(options);
  const kinds = modelsIn(results);
  const bars: MetricBar[] = [];
  for (const kind of kinds) {
    const runs = results.models[kind]!.runs;
    for (const [key, label] of METRICS) {
      const seeds = runs.map((r) => r.test[key]);
      bars.push({
        kind,
        metric: label,
        value: seeds.reduce((a, b) => a + b, 0) / seeds.length,
        seeds,
      });
    }
  }
  return makeFigure(results, {
    id: figureId(results.dataset.name, "test"),
    name: "test_metrics",
    what: "final test performance",
    caption: `Accuracy and macro-averaged precision, recall and F1 on the test split ` +
      `(${results.dataset.sizes.test} images) after the last epoch; bars are means over seeds, ` +
      `dots single seeds, numbers the mean in percent.`,
    legend: modelLegend(kinds),
    panels: [
      metricBars(bars, {
        metrics: METRICS.map((m) => m[1]),
        kinds,
        yLabel: "test score (%)",
        width: o.width - 24,
        height: o.height,
      }),
    ],
    options: o,
  });
}
