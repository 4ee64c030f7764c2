/**
 * The analysis record (`analysis.json`): projections, decision grids and seed
 * statistics derived from a `results.json`. Plain JSON, no class instances.
 *
 * @module
 */
import type { DatasetName, ModelKind, SeedStatistic } from "../experiment/results_schema.ts";
import type { DecisionGrid } from "./decision_grid.ts";

/** Version of the analysis format; loading another version fails clearly. */
export const ANALYSIS_VERSION = 1;

/** A 2-D projection of (a sample of) one model's saved features. */
export interface Projection {
  method: "pca" | "tsne" | "umap";
  /** Rows of `results.models[kind].runs[0].features.values` that were projected. */
  rows: number[];
  /** True class of each projected row. */
  labels: number[];
  /** The model's predicted class of each projected row. */
  predictions: number[];
  /** One `[x, y]` per projected row. */
  points: [number, number][];
  /** Parameters the method used (perplexity, iterations, neighbours, seed, ...). */
  parameters: Record<string, number>;
}

/** A PCA projection, with its explained variance. */
export interface PcaProjection extends Projection {
  method: "pca";
  /** Fraction of variance explained by PC1 and PC2. */
  explainedVariance: [number, number];
}

/** Decision regions of one model in the PCA plane of its features. */
export interface DecisionAnalysis extends DecisionGrid {
  /** The plane the grid lies in. */
  projection: "pca";
  /** Which labels voted: the model's predictions for the projected rows. */
  votedLabels: "predictions";
}

/** Everything derived from one model's features. */
export interface ModelAnalysis {
  kind: ModelKind;
  /** Seed of the run whose features were used (`runs[0]`). */
  runSeed: number;
  /** Layer the features were read from. */
  layer: string;
  /** Feature dimension. */
  dim: number;
  pca: PcaProjection;
  tsne: Projection;
  /**
   * t-SNE of the features reduced by PCA to the common 4-D width, for models whose features
   * are wider (the classical model), so its picture is comparable with the 4-D hybrid's.
   */
  tsne4?: Projection;
  umap: Projection;
  decision: DecisionAnalysis;
}

/** The analysis of one dataset's run. */
export interface Analysis {
  version: typeof ANALYSIS_VERSION;
  dataset: DatasetName;
  /** `createdAt` of the results analysed, to detect a stale analysis. */
  resultsCreatedAt: string;
  /** Seed of every random choice made here. */
  seed: number;
  /** Per model; absent where the model has no (or too few) saved features. */
  models: Partial<Record<ModelKind, ModelAnalysis>>;
  /** Mean and 95 % CI over seeds per model and metric (testAccuracy, testF1, ...). */
  statistics: Partial<Record<ModelKind, Record<string, SeedStatistic>>>;
}
