/**
 * t-SNE to two dimensions (npm `tsne-js`, exact O(N^2) gradient), made
 * reproducible with a seed.
 *
 * @module
 */
// @ts-types="./_tsne_js.d.ts"
import TSNE from "tsne-js";
import { stream } from "../random/mod.ts";
import { checkMatrix } from "./pca.ts";

/** Options of {@link tsne2d}. */
export interface TsneOptions {
  /** Seed of the initial layout. @default 0 */
  seed?: number;
  /** Perplexity; clamped to (count - 1) / 3 for small inputs. @default 30 */
  perplexity?: number;
  /** Gradient-descent iterations. @default 500 */
  iterations?: number;
  /**
   * Learning rate. By default count / 4 clamped to [10, 200]: tsne-js stalls
   * (and stops early) with large rates on a few dozen points.
   */
  learningRate?: number;
  /** Early exaggeration factor. @default 4 */
  earlyExaggeration?: number;
}

/** Smallest perplexity passed to tsne-js. */
const MIN_PERPLEXITY = 2;
/** Bounds of the automatic learning rate. */
const LEARNING_RATE_RANGE = [10, 200] as const;

/** The learning rate {@link tsne2d} uses by default for `count` points. */
export function autoLearningRate(count: number): number {
  return Math.min(LEARNING_RATE_RANGE[1], Math.max(LEARNING_RATE_RANGE[0], count / 4));
}

/**
 * Embeds `values` in two dimensions with t-SNE. tsne-js has no seed option: its
 * only randomness is the Gaussian initial layout drawn from `Math.random`, so
 * `Math.random` is replaced by a seeded generator for the duration of the
 * (synchronous) call and restored afterwards. The same seed and input give the
 * same output. Cost grows as count^2: keep count to a few hundred.
 *
 * @param values row-major `[count][dim]`, count >= 3
 * @returns one `[x, y]` per row
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { tsne2d } from "./tsne.ts";
 * const rows = [[0, 0], [0, 1], [1, 0], [9, 9], [9, 10], [10, 9]];
 * const a = tsne2d(rows, { seed: 1, iterations: 100 });
 * const b = tsne2d(rows, { seed: 1, iterations: 100 });
 * ok(JSON.stringify(a) === JSON.stringify(b));
 * ```
 */
export function tsne2d(
  values: readonly (readonly number[])[],
  {
    seed = 0,
    perplexity = 30,
    iterations = 500,
    learningRate,
    earlyExaggeration = 4,
  }: TsneOptions = {},
): [number, number][] {
  checkMatrix(values, 3);
  if (!(iterations >= 1)) {
    throw new RangeError(`Iterations must be >= 1 but found ${iterations}: pass e.g. 500`);
  }
  const original = Math.random;
  Math.random = stream(seed, "tsne");
  try {
    const model = new TSNE({
      dim: 2,
      perplexity: effectivePerplexity(values.length, perplexity),
      earlyExaggeration,
      learningRate: learningRate ?? autoLearningRate(values.length),
      nIter: iterations,
      metric: "euclidean",
    });
    model.init({ data: values.map((row) => [...row]), type: "dense" });
    model.run();
    const output = model.getOutput();
    return output.map((row): [number, number] => [row[0] ?? 0, row[1] ?? 0]);
  } finally {
    Math.random = original;
  }
}

/** The perplexity {@link tsne2d} uses for `count` points and a requested value. */
export function effectivePerplexity(count: number, perplexity: number): number {
  return Math.max(MIN_PERPLEXITY, Math.min(perplexity, (count - 1) / 3));
}
