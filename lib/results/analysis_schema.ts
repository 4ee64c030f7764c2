/**
 * The schema of `analysis.json`: projections, decision grids and seed
 * statistics derived from a `results.json` by `lib/analysis`. Plain JSON, no
 * class instances. It lives on the ground floor so that figures read it without
 * importing the code that computes it.
 *
 * @module
 */
import type { DatasetName, ModelKind } from "./names.ts";
import type { SeedStatistic } from "./schema.ts";

/** Class regions on a regular grid over a 2-D plane. */
export interface DecisionGrid {
  /** How cells were labelled, in words (figure captions quote it). */
  method: string;
  /** Neighbours per vote. */
  k: number;
  /** Cell centres along x (ascending). */
  xs: number[];
  /** Cell centres along y (ascending). */
  ys: number[];
  /** Cell width and height. */
  cellWidth: number;
  cellHeight: number;
  /** Row-major `[ys.length][xs.length]` class of each cell: `classes[iy * xs.length + ix]`. */
  classes: number[];
  /** Fraction of the input points whose own cell has their label. */
  agreement: number;
}

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
