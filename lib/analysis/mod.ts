/**
 * Analysis of a run's saved results: PCA, t-SNE and UMAP of each model's
 * features, decision-boundary grids in the PCA plane, and the seed statistics
 * (from `lib/results`). The result is plain JSON (schema in `lib/results`)
 * saved as `analysis.json` beside `results.json`; {@link analysisFor} is the one
 * way every entry point gets it.
 *
 * @example
 * ```ts
 * import { pca2d } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * equal(pca2d([[0, 0], [1, 0], [2, 0]]).points.length, 3);
 * ```
 *
 * @module
 */
export { analyze, type AnalyzeOptions, MIN_FEATURE_ROWS } from "./analyze.ts";
export { analysisFor, type AnalysisForOptions, PROFILE_ANALYSIS } from "./analysis_for.ts";
export { decisionGrid, type DecisionGridOptions } from "./decision_grid.ts";
export { ANALYSIS_FILE, analysisPathFor, loadAnalysis, saveAnalysis } from "./io.ts";
export { type Pca2D, pca2d } from "./pca.ts";
export { COMMON_WIDTH, pcaReduce, silhouette } from "./cluster_quality.ts";
export { tsne2d, type TsneOptions } from "./tsne.ts";
export { umap2d, type UmapOptions } from "./umap.ts";
