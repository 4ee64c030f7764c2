/**
 * Analysis of a run's saved results: PCA, t-SNE and UMAP of each model's
 * features, decision-boundary grids in the PCA plane, and mean with 95 %
 * confidence intervals over seeds. The result is plain JSON saved as
 * `analysis.json` beside `results.json`.
 *
 * @example
 * ```ts
 * import { meanCI95, pca2d } from "./mod.ts";
 * const { mean } = meanCI95([0.9, 0.92, 0.94]);
 * console.assert(Math.abs(mean - 0.92) < 1e-12);
 * console.assert(pca2d([[0, 0], [1, 0], [2, 0]]).points.length === 3);
 * ```
 *
 * @module
 */
export { analyze, type AnalyzeOptions, MIN_FEATURE_ROWS, seedStatistics } from "./analyze.ts";
export { type DecisionGrid, decisionGrid, type DecisionGridOptions } from "./decision_grid.ts";
export { ANALYSIS_FILE, analysisPathFor, loadAnalysis, saveAnalysis } from "./io.ts";
export { type Pca2D, pca2d } from "./pca.ts";
export { COMMON_WIDTH, pcaReduce, silhouette } from "./cluster_quality.ts";
export { CONFIDENCE, meanCI95, studentTCdf, studentTQuantile } from "./stats.ts";
export { tsne2d, type TsneOptions } from "./tsne.ts";
export {
  type Analysis,
  ANALYSIS_VERSION,
  type DecisionAnalysis,
  type ModelAnalysis,
  type PcaProjection,
  type Projection,
} from "./types.ts";
export { umap2d, type UmapOptions } from "./umap.ts";
