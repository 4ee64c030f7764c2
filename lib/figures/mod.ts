/**
 * Every figure of the paper as a pure function of a run's results (and its
 * analysis): Observable Plot charts rendered with a linkedom DOM, composed into
 * standalone SVGs with SVG titles and legends, rasterised with resvg. Each
 * figure object displays inline in Deno's Jupyter kernel.
 *
 * @example
 * ```ts ignore
 * import { loadResults } from "../results/mod.ts";
 * import { analyze } from "../analysis/mod.ts";
 * import { lossFigure, renderAll } from "./mod.ts";
 * const results = await loadResults("data/runs/smoke/mnist/results.json");
 * const analysis = analyze(results, { seed: 0 });
 * lossFigure(results, analysis); // shows inline in a notebook
 * await renderAll(results, analysis, { outDir: "figures/mnist" });
 * ```
 *
 * @module
 */
export { accuracyFigure } from "./accuracy.ts";
export { allFigures } from "./all_figures.ts";
export { architectureBoxes, architectureFigure } from "./architecture.ts";
export { circuitFigure } from "./circuit.ts";
export { classDistributionFigure } from "./class_distribution.ts";
export { confusionFigure } from "./confusion.ts";
export { decisionBoundaryFigure } from "./decision_boundary.ts";
export { f1Figure } from "./f1.ts";
export {
  featureSpaceFigure,
  type FeatureSpaceOptions,
  type ProjectionMethod,
} from "./feature_space.ts";
export { Figure, type FigureInit } from "./figure.ts";
export { frame, type Framed, type FrameSpec, type LegendItem, type Region } from "./frame.ts";
export { lossFigure } from "./loss.ts";
export { metricComparisonFigure } from "./metric_comparison.ts";
export { figureId, type NumberedKind } from "./numbering.ts";
export {
  type FigureOptions,
  FONT_FAMILY,
  type ModelFigureOptions,
  type NormalizedOptions,
  normalizeOptions,
} from "./options.ts";
export { ALERT_COLOR, classColor, MODEL_COLORS, MODEL_LABELS } from "./palette.ts";
export { DEFAULT_FONT_FAMILY, FONT_DIRS, type PngOptions, type RenderedPNG, toPNG } from "./png.ts";
export { crc32, encodePNG } from "./png_encode.ts";
export {
  type FigureFile,
  indexHtml,
  indexMarkdown,
  renderAll,
  type RenderAllOptions,
  writeTopIndex,
} from "./render_all.ts";
export { cpuFigure, memoryFigure, timeFigure } from "./resources.ts";
export { robustnessFigure } from "./robustness.ts";
export { sampleImagesFigure, type SampleImagesOptions, type Split } from "./sample_images.ts";
export { samplePredictionsFigure } from "./sample_predictions.ts";
export { testMetricsFigure } from "./test_metrics.ts";
