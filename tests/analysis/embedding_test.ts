import assert from "node:assert/strict";
import { tsne2d, umap2d } from "../../lib/analysis/mod.ts";

/** Three well-separated Gaussian-ish blobs in 8-D, seeded. */
function blobs(perClass: number): { rows: number[][]; labels: number[] } {
  let s = 12345;
  const random = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 3 * perClass; i++) {
    const label = i % 3;
    labels.push(label);
    rows.push(Array.from({ length: 8 }, (_, j) => (j === label ? 20 : 0) + random()));
  }
  return { rows, labels };
}

/** Every point is nearer to its own cluster's centroid than to any other. */
function separated(points: [number, number][], labels: number[]): boolean {
  const centroids = [0, 1, 2].map((c) => {
    const mine = points.filter((_, i) => labels[i] === c);
    return [0, 1].map((d) => mine.reduce((a, p) => a + p[d]!, 0) / mine.length);
  });
  return points.every((p, i) => {
    const dist = centroids.map((m) => (p[0] - m[0]!) ** 2 + (p[1] - m[1]!) ** 2);
    return dist.indexOf(Math.min(...dist)) === labels[i];
  });
}

Deno.test("tsne2d() is deterministic for a seed and restores Math.random", () => {
  const { rows } = blobs(10);
  const before = Math.random;
  const a = tsne2d(rows, { seed: 4, iterations: 150 });
  const b = tsne2d(rows, { seed: 4, iterations: 150 });
  const c = tsne2d(rows, { seed: 5, iterations: 150 });
  assert.equal(Math.random, before);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

Deno.test("tsne2d() keeps well-separated clusters separated", () => {
  const { rows, labels } = blobs(12);
  assert.ok(separated(tsne2d(rows, { seed: 1, iterations: 300 }), labels));
});

Deno.test("umap2d() is deterministic for a seed and keeps clusters separated", () => {
  const { rows, labels } = blobs(15);
  const a = umap2d(rows, { seed: 9 });
  assert.deepEqual(a, umap2d(rows, { seed: 9 }));
  assert.notDeepEqual(a, umap2d(rows, { seed: 10 }));
  assert.ok(separated(a, labels));
});

Deno.test("tsne2d() rejects too few rows", () => {
  assert.throws(() => tsne2d([[1], [2]]), {
    name: "RangeError",
    message: "Features must have at least 3 rows but found 2: save more features",
  });
});
