/**
 * `analyze()`: every projection, decision grid and seed statistic the figures
 * need, computed once from a run's saved features.
 *
 * @module
 */
import {
  type Analysis,
  ANALYSIS_VERSION,
  MODEL_KINDS,
  type ModelAnalysis,
  type ModelKind,
  type Results,
  type SeedRun,
  summarizeRuns,
} from "../results/mod.ts";
import { sampleIndices, stream } from "../random/mod.ts";
import { decisionGrid } from "./decision_grid.ts";
import { pca2d } from "./pca.ts";
import { COMMON_WIDTH, pcaReduce } from "./cluster_quality.ts";
import { autoLearningRate, effectivePerplexity, tsne2d } from "./tsne.ts";
import { effectiveNeighbors, umap2d } from "./umap.ts";

/** Options of {@link analyze}. */
export interface AnalyzeOptions {
  /** Seed of every sample and layout. @default 0 */
  seed?: number;
  /** Most feature rows used for PCA, UMAP and decision grids. @default 1000 */
  maxPoints?: number;
  /**
   * Most rows given to t-SNE. tsne-js is exact, O(N^2) in time and memory:
   * 250 rows take seconds per model, enough to show cluster structure.
   * @default 250
   */
  tsnePoints?: number;
  /** t-SNE iterations. @default 500 */
  tsneIterations?: number;
  /** t-SNE perplexity. @default 30 */
  perplexity?: number;
  /** UMAP neighbours. @default 15 */
  umapNeighbors?: number;
  /** Decision grid cells per axis. @default 60 */
  gridResolution?: number;
  /** Neighbours voting for each grid cell. @default 7 */
  k?: number;
}

/** Fewest feature rows for which projections are computed. */
export const MIN_FEATURE_ROWS = 4;

/**
 * Computes the analysis of `results`: for every model with saved features
 * (`runs[0].features`), PCA, t-SNE and UMAP to 2-D and a decision grid in the
 * PCA plane (cells labelled by a k-NN vote of the model's predictions), plus
 * the summary over seeds of each model's metrics (`summarizeRuns`, the same one
 * `results.json` holds). Deterministic for a seed.
 *
 * @param results a run's results
 * @returns a JSON-serialisable {@link Analysis}
 */
export function analyze(
  results: Results,
  {
    seed = 0,
    maxPoints = 1000,
    tsnePoints = 250,
    tsneIterations = 500,
    perplexity = 30,
    umapNeighbors = 15,
    gridResolution = 60,
    k = 7,
  }: AnalyzeOptions = {},
): Analysis {
  const analysis: Analysis = {
    version: ANALYSIS_VERSION,
    dataset: results.dataset.name,
    resultsCreatedAt: results.createdAt,
    seed,
    models: {},
    statistics: {},
  };
  MODEL_KINDS.forEach((kind, m) => {
    const model = results.models[kind];
    if (!model || model.runs.length === 0) return;
    analysis.statistics[kind] = summarizeRuns(model.runs);
    const run = model.runs[0]!;
    const values = run.features?.values ?? [];
    if (values.length < MIN_FEATURE_ROWS) return;
    const modelSeed = seed * 7919 + m;
    analysis.models[kind] = analyzeFeatures(kind, run, {
      seed: modelSeed,
      maxPoints,
      tsnePoints,
      tsneIterations,
      perplexity,
      umapNeighbors,
      gridResolution,
      k,
    });
  });
  return analysis;
}

function analyzeFeatures(
  kind: ModelKind,
  run: SeedRun,
  options: Required<AnalyzeOptions>,
): ModelAnalysis {
  const { values, labels, predictions, layer } = run.features;
  const random = stream(options.seed, "analysis-subset");
  const rows = sampleIndices(values.length, options.maxPoints, random);
  const tsneRows = sampleIndices(rows.length, options.tsnePoints, random).map((i) => rows[i]!);
  const pick = (ids: number[]) => ({
    rows: ids,
    labels: ids.map((i) => labels[i]!),
    predictions: ids.map((i) => predictions[i]!),
  });
  const base = pick(rows);
  const pca = pca2d(rows.map((i) => values[i]!));
  const neighbours = effectiveNeighbors(rows.length, options.umapNeighbors);
  const tsneBase = pick(tsneRows);
  const grid = decisionGrid(pca.points, base.predictions, {
    resolution: options.gridResolution,
    k: options.k,
  });
  const tsneParameters = {
    seed: options.seed,
    perplexity: effectivePerplexity(tsneRows.length, options.perplexity),
    iterations: options.tsneIterations,
    learningRate: autoLearningRate(tsneRows.length),
  };
  const wide = values[0]!.length > COMMON_WIDTH;
  return {
    kind,
    runSeed: run.seed,
    layer,
    dim: values[0]!.length,
    pca: {
      method: "pca",
      ...base,
      points: pca.points,
      parameters: {},
      explainedVariance: pca.explainedVariance,
    },
    tsne: {
      method: "tsne",
      ...tsneBase,
      points: tsne2d(tsneRows.map((i) => values[i]!), {
        seed: options.seed,
        perplexity: options.perplexity,
        iterations: options.tsneIterations,
      }),
      parameters: {
        seed: options.seed,
        perplexity: effectivePerplexity(tsneRows.length, options.perplexity),
        iterations: options.tsneIterations,
        learningRate: autoLearningRate(tsneRows.length),
      },
    },
    ...(wide
      ? {
        tsne4: {
          method: "tsne" as const,
          ...tsneBase,
          points: tsne2d(pcaReduce(tsneRows.map((i) => values[i]!), COMMON_WIDTH), {
            seed: options.seed,
            perplexity: options.perplexity,
            iterations: options.tsneIterations,
          }),
          parameters: { ...tsneParameters, width: COMMON_WIDTH },
        },
      }
      : {}),
    umap: {
      method: "umap",
      ...base,
      points: umap2d(rows.map((i) => values[i]!), { seed: options.seed, nNeighbors: neighbours }),
      parameters: { seed: options.seed, nNeighbors: neighbours },
    },
    decision: { ...grid, projection: "pca", votedLabels: "predictions" },
  };
}
