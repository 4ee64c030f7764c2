/**
 * Seeded stratified splits and subsets, and selecting images by index.
 *
 * @module
 */
import { shuffleInPlace, stream } from "../random/mod.ts";
import type { LabeledImages } from "./types.ts";

/** Fraction of each official training set held out for validation. */
export const VALIDATION_FRACTION = 0.1;

/** Result of {@link stratifiedSplit}: positions into the label array, each ascending. */
export interface StratifiedSplit {
  /** The `n` chosen positions. */
  chosen: Uint32Array;
  /** Every other position. */
  rest: Uint32Array;
}

/**
 * Chooses `n` positions of `labels` so that every class keeps its share
 * (largest-remainder rounding), members drawn at random with `seed`.
 *
 * @param labels class id per item.
 * @param n how many to choose, 0..labels.length.
 * @param seed seed of the draw; the same seed gives the same split.
 * @returns chosen and remaining positions, both ascending.
 * @throws {RangeError} when `n` is not an integer in 0..labels.length.
 *
 * @example
 * ```ts
 * import { stratifiedSplit } from "./splits.ts";
 * const { chosen, rest } = stratifiedSplit([0, 0, 0, 0, 1, 1], 3, 7);
 * if (chosen.length !== 3 || rest.length !== 3) throw new Error();
 * ```
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  n: number,
  seed: number,
): StratifiedSplit {
  const total = labels.length;
  if (!Number.isInteger(n) || n < 0 || n > total) {
    throw new RangeError(
      `Subset size must be an integer in 0..${total} but found ${n}: pass a smaller size`,
    );
  }
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < total; i++) {
    const l = labels[i]!;
    let members = byClass.get(l);
    if (!members) byClass.set(l, members = []);
    members.push(i);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const quotas = classes.map((c) => (n * byClass.get(c)!.length) / total);
  const take = quotas.map(Math.floor);
  let left = n - take.reduce((a, b) => a + b, 0);
  const order = classes.map((_, k) => k).sort((a, b) =>
    (quotas[b]! - take[b]!) - (quotas[a]! - take[a]!) || a - b
  );
  for (const k of order) {
    if (left === 0) break;
    take[k]!++;
    left--;
  }
  const random = stream(seed);
  const isChosen = new Uint8Array(total);
  classes.forEach((c, k) => {
    const members = shuffleInPlace(byClass.get(c)!.slice(), random);
    for (let j = 0; j < take[k]!; j++) isChosen[members[j]!] = 1;
  });
  const chosen = new Uint32Array(n);
  const rest = new Uint32Array(total - n);
  let a = 0, b = 0;
  for (let i = 0; i < total; i++) {
    if (isChosen[i]) chosen[a++] = i;
    else rest[b++] = i;
  }
  return { chosen, rest };
}

/**
 * Copies the images at `indices` (in that order) into a new set.
 *
 * @param split the source images.
 * @param indices positions into `split`.
 * @returns a new set with `indices.length` images (extra per-image arrays such as `coarseLabels` are not kept).
 * @throws {RangeError} when an index is out of range.
 */
export function selectImages(split: LabeledImages, indices: ArrayLike<number>): LabeledImages {
  const { height, width, channels } = split;
  const pixels = height * width * channels;
  const images = new Uint8Array(indices.length * pixels);
  const labels = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k]!;
    if (!(i >= 0 && i < split.count)) {
      throw new RangeError(
        `Image index must be in 0..${split.count - 1} but found ${i}: pass valid indices`,
      );
    }
    images.set(split.images.subarray(i * pixels, (i + 1) * pixels), k * pixels);
    labels[k] = split.labels[i]!;
  }
  return { images, labels, count: indices.length, height, width, channels };
}

/** Counts of each label 0..classes-1 in `labels`. */
export function classCounts(labels: ArrayLike<number>, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]!]!++;
  return counts;
}
