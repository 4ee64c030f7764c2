/**
 * Every figure of one data set, in paper order.
 *
 * @module
 */
import { type Analysis, MODEL_KINDS, type ModelKind, type Results } from "../results/mod.ts";
import { accuracyFigure } from "./accuracy.ts";
import { architectureFigure } from "./architecture.ts";
import { circuitFigure } from "./circuit.ts";
import { classDistributionFigure } from "./class_distribution.ts";
import { confusionFigure } from "./confusion.ts";
import { decisionBoundaryFigure } from "./decision_boundary.ts";
import { f1Figure } from "./f1.ts";
import { featureSpaceFigure } from "./feature_space.ts";
import type { Figure } from "./figure.ts";
import { lossFigure } from "./loss.ts";
import { metricComparisonFigure } from "./metric_comparison.ts";
import type { FigureOptions } from "./options.ts";
import { cpuFigure, memoryFigure, timeFigure } from "./resources.ts";
import { robustnessFigure } from "./robustness.ts";
import { sampleImagesFigure } from "./sample_images.ts";
import { samplePredictionsFigure } from "./sample_predictions.ts";
import { testMetricsFigure } from "./test_metrics.ts";

/**
 * Renders every figure kind for `results` in paper order: architecture,
 * training curves and robustness, resources, test metrics, average
 * comparison, confusion matrices, feature spaces (PCA, t-SNE, UMAP),
 * decision boundaries, sample images, class distribution, sample
 * predictions and the circuit. Per-model kinds cover every model present.
 */
export function allFigures(
  results: Results,
  analysis: Analysis,
  options?: FigureOptions,
): Figure[] {
  const kinds: ModelKind[] = MODEL_KINDS.filter((k) => (results.models[k]?.runs.length ?? 0) > 0);
  const figures: Figure[] = [
    architectureFigure(results, analysis, options),
    lossFigure(results, analysis, options),
    accuracyFigure(results, analysis, options),
    f1Figure(results, analysis, options),
    robustnessFigure(results, analysis, options),
    timeFigure(results, analysis, options),
    cpuFigure(results, analysis, options),
    memoryFigure(results, analysis, options),
    testMetricsFigure(results, analysis, options),
    metricComparisonFigure(results, analysis, options),
    ...kinds.map((k) => confusionFigure(results, analysis, { ...options, kind: k })),
  ];
  for (const method of ["pca", "tsne", "umap"] as const) {
    for (const k of kinds) {
      figures.push(featureSpaceFigure(results, analysis, { ...options, kind: k, method }));
    }
  }
  for (const k of kinds) {
    if (analysis.models[k]?.tsne4) {
      figures.push(featureSpaceFigure(results, analysis, { ...options, kind: k, method: "tsne4" }));
    }
  }
  figures.push(
    ...kinds.map((k) => decisionBoundaryFigure(results, analysis, { ...options, kind: k })),
  );
  for (const split of ["train", "val", "test"] as const) {
    figures.push(sampleImagesFigure(results, analysis, { ...options, split }));
  }
  figures.push(classDistributionFigure(results, analysis, options));
  figures.push(
    ...kinds.map((k) => samplePredictionsFigure(results, analysis, { ...options, kind: k })),
  );
  if (results.models.hybrid) figures.push(circuitFigure(results, analysis, options));
  return figures.sort((a, b) => a.id.localeCompare(b.id));
}
