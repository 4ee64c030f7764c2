import assert from "node:assert/strict";
import { pca2d } from "../../lib/analysis/mod.ts";

const AXIS_TOLERANCE = 1e-9;

Deno.test("pca2d() finds the known axes of a rotated rectangle of points", () => {
  // Points (±3, ±1) rotated by 30 degrees: PC1 = (cos 30, sin 30), variance 9 vs 1.
  const angle = Math.PI / 6;
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  const base = [[3, 1], [3, -1], [-3, 1], [-3, -1]];
  const rows = base.map(([a, b]) => [5 + c * a! - s * b!, -2 + s * a! + c * b!]);
  const { components, explainedVariance, mean, points } = pca2d(rows);
  assert.ok(Math.abs(components[0][0]! - c) < AXIS_TOLERANCE);
  assert.ok(Math.abs(components[0][1]! - s) < AXIS_TOLERANCE);
  assert.ok(Math.abs(Math.abs(components[1][0]!) - s) < AXIS_TOLERANCE);
  assert.ok(Math.abs(explainedVariance[0] - 0.9) < AXIS_TOLERANCE);
  assert.ok(Math.abs(explainedVariance[1] - 0.1) < AXIS_TOLERANCE);
  assert.ok(Math.abs(mean[0]! - 5) < AXIS_TOLERANCE && Math.abs(mean[1]! + 2) < AXIS_TOLERANCE);
  assert.ok(Math.abs(points[0]![0] - 3) < AXIS_TOLERANCE);
  assert.ok(Math.abs(Math.abs(points[0]![1]) - 1) < AXIS_TOLERANCE);
});

Deno.test("pca2d() fixes the sign so the largest entry of each axis is positive", () => {
  const rows = [[0, 0, 0], [-4, 1, 0], [4, -1, 0.5], [1, 2, -0.5]];
  const { components } = pca2d(rows);
  for (const axis of components) {
    const peak = axis.reduce((m, v) => (Math.abs(v) > Math.abs(m) ? v : m), 0);
    assert.ok(peak > 0);
  }
});

Deno.test("pca2d() rejects ragged rows", () => {
  assert.throws(() => pca2d([[1, 2], [3]]), {
    name: "RangeError",
    message: "Feature rows must all have length 2 but row 1 has 1: fix the results",
  });
});
