/**
 * Decision regions in a 2-D projection: a grid of points each labelled by a
 * k-nearest-neighbour vote of labelled projected points.
 *
 * @module
 */
import type { DecisionGrid } from "../results/mod.ts";

/** Options of {@link decisionGrid}. */
export interface DecisionGridOptions {
  /** Cells along each axis. @default 60 */
  resolution?: number;
  /** Neighbours per vote; clamped to the point count. @default 7 */
  k?: number;
  /** Margin added around the points' bounding box, as a fraction of its size. @default 0.05 */
  padding?: number;
}

/** Extent used for an axis along which all points coincide. */
const DEGENERATE_EXTENT = 1;

/**
 * Labels every cell of a `resolution` x `resolution` grid covering `points` by
 * the majority of its `k` nearest points' labels (Euclidean distance in the
 * plane; a tie goes to the tied class with the nearest member).
 *
 * @param points projected points `[x, y]`
 * @param labels one class per point (e.g. the model's predictions)
 * @returns the labelled grid
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { decisionGrid } from "./decision_grid.ts";
 * const g = decisionGrid([[0, 0], [0, 1], [5, 0], [5, 1]], [0, 0, 1, 1], { resolution: 4, k: 1 });
 * ok(g.classes[0] === 0 && g.classes[3] === 1);
 * ```
 */
export function decisionGrid(
  points: readonly (readonly [number, number])[],
  labels: readonly number[],
  { resolution = 60, k = 7, padding = 0.05 }: DecisionGridOptions = {},
): DecisionGrid {
  if (points.length === 0) {
    throw new RangeError("Points must hold at least one point but found none: save features");
  }
  if (labels.length !== points.length) {
    throw new RangeError(
      `Labels must have one entry per point (${points.length}) but found ${labels.length}`,
    );
  }
  if (!Number.isInteger(resolution) || resolution < 2) {
    throw new RangeError(`Resolution must be an integer >= 2 but found ${resolution}`);
  }
  const neighbours = Math.max(1, Math.min(Math.floor(k), points.length));
  const [x0, x1] = paddedExtent(points.map((p) => p[0]), padding);
  const [y0, y1] = paddedExtent(points.map((p) => p[1]), padding);
  const cellWidth = (x1 - x0) / resolution;
  const cellHeight = (y1 - y0) / resolution;
  const xs = Array.from({ length: resolution }, (_, i) => x0 + (i + 0.5) * cellWidth);
  const ys = Array.from({ length: resolution }, (_, i) => y0 + (i + 0.5) * cellHeight);
  const classes: number[] = [];
  for (const y of ys) for (const x of xs) classes.push(vote(x, y, points, labels, neighbours));
  let agree = 0;
  points.forEach(([x, y], i) => {
    const ix = Math.min(resolution - 1, Math.floor((x - x0) / cellWidth));
    const iy = Math.min(resolution - 1, Math.floor((y - y0) / cellHeight));
    if (classes[iy * resolution + ix] === labels[i]) agree++;
  });
  return {
    method: `${neighbours}-nearest-neighbour majority vote in the plane`,
    k: neighbours,
    xs,
    ys,
    cellWidth,
    cellHeight,
    classes,
    agreement: agree / points.length,
  };
}

function paddedExtent(values: number[], padding: number): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi - lo === 0) {
    lo -= DEGENERATE_EXTENT / 2;
    hi += DEGENERATE_EXTENT / 2;
  }
  const pad = (hi - lo) * padding;
  return [lo - pad, hi + pad];
}

function vote(
  x: number,
  y: number,
  points: readonly (readonly [number, number])[],
  labels: readonly number[],
  k: number,
): number {
  // Keep the k nearest in a small sorted buffer: k is tiny, so insertion is cheapest.
  const bestD: number[] = [];
  const bestL: number[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const d = (p[0] - x) ** 2 + (p[1] - y) ** 2;
    if (bestD.length === k && d >= bestD[k - 1]!) continue;
    let j = bestD.length === k ? k - 1 : bestD.length;
    while (j > 0 && bestD[j - 1]! > d) {
      bestD[j] = bestD[j - 1]!;
      bestL[j] = bestL[j - 1]!;
      j--;
    }
    bestD[j] = d;
    bestL[j] = labels[i]!;
  }
  const counts = new Map<number, number>();
  for (const l of bestL) counts.set(l, (counts.get(l) ?? 0) + 1);
  const top = Math.max(...counts.values());
  return bestL.find((l) => counts.get(l) === top)!;
}
