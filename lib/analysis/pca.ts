/**
 * Principal component analysis to two dimensions (npm `ml-pca`).
 *
 * @module
 */
import { PCA } from "ml-pca";

/** A 2-D PCA of a set of feature vectors. */
export interface Pca2D {
  /** Projected points, one `[pc1, pc2]` per input row. */
  points: [number, number][];
  /** The two principal axes (unit vectors), each of the input dimension. */
  components: [number[], number[]];
  /** Fraction of the total variance explained by each axis. */
  explainedVariance: [number, number];
  /** Column means subtracted before projection. */
  mean: number[];
}

/**
 * Projects `values` onto their first two principal components (centred, not
 * scaled). Each axis's sign is fixed so that its largest-magnitude entry is
 * positive, which makes the result unique.
 *
 * @param values row-major `[count][dim]`, count >= 2, dim >= 1
 * @returns the projection, axes, explained variance and mean
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { pca2d } from "./pca.ts";
 * const { components } = pca2d([[0, 0], [1, 1], [2, 2], [3, 3.01]]);
 * ok(Math.abs(components[0]![0]! - Math.SQRT1_2) < 1e-2);
 * ```
 */
export function pca2d(values: readonly (readonly number[])[]): Pca2D {
  const dim = checkMatrix(values, 2);
  const pca = new PCA(values.map((row) => [...row]), { center: true, scale: false });
  const vectors = pca.getEigenvectors().to2DArray();
  const variance = pca.getExplainedVariance();
  const mean = Array.from({ length: dim }, (_, j) => {
    let s = 0;
    for (const row of values) s += row[j]!;
    return s / values.length;
  });
  const axes: [number[], number[]] = [[], []];
  for (let k = 0; k < 2; k++) {
    const axis = vectors.map((row) => (k < row.length ? row[k]! : 0));
    let peak = 0;
    for (const v of axis) if (Math.abs(v) > Math.abs(peak)) peak = v;
    axes[k] = peak < 0 ? axis.map((v) => -v) : axis;
  }
  const points = values.map((row): [number, number] => {
    let a = 0;
    let b = 0;
    for (let j = 0; j < dim; j++) {
      const c = row[j]! - mean[j]!;
      a += c * axes[0][j]!;
      b += c * axes[1][j]!;
    }
    return [a, b];
  });
  return {
    points,
    components: axes,
    explainedVariance: [variance[0] ?? 0, variance[1] ?? 0],
    mean,
  };
}

/**
 * Checks that `values` is a non-ragged matrix of finite numbers with at least
 * `minRows` rows; returns its column count.
 */
export function checkMatrix(values: readonly (readonly number[])[], minRows: number): number {
  if (values.length < minRows) {
    throw new RangeError(
      `Features must have at least ${minRows} rows but found ${values.length}: save more features`,
    );
  }
  const dim = values[0]!.length;
  if (dim < 1) throw new RangeError("Features must have at least 1 column but found 0");
  values.forEach((row, i) => {
    if (row.length !== dim) {
      throw new RangeError(
        `Feature rows must all have length ${dim} but row ${i} has ${row.length}: fix the results`,
      );
    }
    for (const v of row) {
      if (!Number.isFinite(v)) {
        throw new RangeError(`Features must be finite but row ${i} holds ${v}: fix the results`);
      }
    }
  });
  return dim;
}
