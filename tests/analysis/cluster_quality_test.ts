import assert from "node:assert/strict";
import { pcaReduce, silhouette } from "../../lib/analysis/mod.ts";

Deno.test("silhouette() matches a hand computation", () => {
  // Points 0, 1 (class 0) and 4 (class 1) on a line:
  // s(0) = (4 - 1) / 4, s(1) = (3 - 1) / 3, s(4) = 0 (a class of one).
  const s = silhouette([[0], [1], [4]], [0, 0, 1]);
  assert.ok(Math.abs(s - (0.75 + 2 / 3 + 0) / 3) < 1e-12);
});

Deno.test("silhouette() is unchanged by scaling, so width and scale do not decide it", () => {
  const v = [[0, 0], [0, 1], [5, 0], [5, 2], [1, 1]];
  const labels = [0, 0, 1, 1, 0];
  const scaled = v.map((r) => r.map((x) => 3 * x));
  assert.ok(Math.abs(silhouette(v, labels) - silhouette(scaled, labels)) < 1e-12);
});

Deno.test("pcaReduce() keeps narrow features and reduces wide ones to k columns", () => {
  const narrow = [[1, 2], [3, 4], [5, 7]];
  assert.deepEqual(pcaReduce(narrow, 4), narrow);
  const wide = Array.from(
    { length: 10 },
    (_, i) => Array.from({ length: 8 }, (_, j) => (i * j) % 7),
  );
  const reduced = pcaReduce(wide, 4);
  assert.deepEqual([reduced.length, reduced[0]!.length], [10, 4]);
});

Deno.test("silhouette() rejects a single class with a clear message", () => {
  assert.throws(() => silhouette([[0], [1]], [0, 0]), {
    name: "RangeError",
    message: "Expected at least 2 classes but found 1: pass more rows",
  });
});
