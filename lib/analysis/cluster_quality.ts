/**
 * How tight and separated the classes are in a feature space: the mean silhouette by true
 * class, at the features' own width and at a common width (PCA to 4 dimensions, the hybrid's
 * width), so that "tighter clusters" is not a dimensionality effect.
 *
 * @module
 */
import { PCA } from "ml-pca";
import { checkMatrix } from "./pca.ts";

/** The width every model's features are compared at: the circuit's 4 outputs. */
export const COMMON_WIDTH = 4;

/**
 * Projects rows onto their first `k` principal components (centred, not scaled); rows
 * already `k` wide or narrower are returned unchanged.
 *
 * @param values `[count][dim]`.
 * @param k target width.
 * @returns `[count][min(k, dim)]`.
 */
export function pcaReduce(values: readonly (readonly number[])[], k: number): number[][] {
  const dim = checkMatrix(values, 2);
  if (dim <= k) return values.map((row) => [...row]);
  const pca = new PCA(values.map((row) => [...row]), { center: true, scale: false });
  return pca.predict(values.map((row) => [...row]), { nComponents: k }).to2DArray();
}

/**
 * Mean silhouette of the rows grouped by `labels` (Euclidean): for each row,
 * `(b - a) / max(a, b)` with `a` its mean distance to its own class and `b` the smallest mean
 * distance to another class; rows of a class of one score 0. In [-1, 1]; higher is tighter
 * and better separated. O(count^2 dim).
 *
 * @example
 * ```ts
 * import { silhouette } from "./cluster_quality.ts";
 * const s = silhouette([[0, 0], [0, 1], [10, 0], [10, 1]], [0, 0, 1, 1]);
 * if (!(s > 0.85)) throw new Error(); // two tight, far-apart classes
 * ```
 */
export function silhouette(
  values: readonly (readonly number[])[],
  labels: readonly number[],
): number {
  checkMatrix(values, 2);
  if (labels.length !== values.length) {
    throw new RangeError(
      `Expected one label per row (${values.length}) but found ${labels.length}: pass matching arrays`,
    );
  }
  const classes = [...new Set(labels)];
  if (classes.length < 2) {
    throw new RangeError(`Expected at least 2 classes but found ${classes.length}: pass more rows`);
  }
  const n = values.length;
  const distance = (i: number, j: number) => {
    let s = 0;
    const a = values[i]!, b = values[j]!;
    for (let d = 0; d < a.length; d++) s += (a[d]! - b[d]!) ** 2;
    return Math.sqrt(s);
  };
  let total = 0;
  for (let i = 0; i < n; i++) {
    const sums = new Map<number, { sum: number; count: number }>();
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const entry = sums.get(labels[j]!) ?? { sum: 0, count: 0 };
      entry.sum += distance(i, j);
      entry.count += 1;
      sums.set(labels[j]!, entry);
    }
    const own = sums.get(labels[i]!);
    if (own === undefined) continue;
    const a = own.sum / own.count;
    let b = Infinity;
    for (const [label, { sum, count }] of sums) {
      if (label !== labels[i]) b = Math.min(b, sum / count);
    }
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / n;
}
