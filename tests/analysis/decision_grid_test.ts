import assert from "node:assert/strict";
import { decisionGrid } from "../../lib/analysis/mod.ts";

Deno.test("decisionGrid() splits linearly separable data along the separating line", () => {
  // Class 0 left of x = 0, class 1 right of it; symmetric, so the boundary is x = 0.
  const points: [number, number][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 10; i++) {
    for (const side of [-1, 1]) {
      points.push([side * (1 + (i % 3)), i - 4.5]);
      labels.push(side < 0 ? 0 : 1);
    }
  }
  const grid = decisionGrid(points, labels, { resolution: 20, k: 3, padding: 0 });
  assert.equal(grid.classes.length, 400);
  grid.ys.forEach((_, iy) => {
    grid.xs.forEach((x, ix) => {
      assert.equal(grid.classes[iy * 20 + ix], x < 0 ? 0 : 1);
    });
  });
  assert.equal(grid.agreement, 1);
  assert.match(grid.method, /3-nearest-neighbour/);
});

Deno.test("decisionGrid() covers the padded bounding box with cell centres", () => {
  const grid = decisionGrid([[0, 0], [10, 20]], [0, 1], { resolution: 10, k: 1, padding: 0.1 });
  assert.ok(Math.abs(grid.xs[0]! - (-1 + 0.6)) < 1e-12);
  assert.ok(Math.abs(grid.ys[9]! - (22 - 1.2)) < 1e-12);
  assert.equal(grid.cellWidth, 1.2);
});

Deno.test("decisionGrid() breaks a vote tie by the nearest point", () => {
  // k = 2 with one neighbour of each class: the nearer one wins.
  const grid = decisionGrid([[0, 0], [10, 0]], [3, 7], { resolution: 2, k: 2, padding: 0 });
  assert.deepEqual(grid.classes, [3, 7, 3, 7]);
});

Deno.test("decisionGrid() rejects mismatched labels", () => {
  assert.throws(() => decisionGrid([[0, 0]], [1, 2]), {
    name: "RangeError",
    message: "Labels must have one entry per point (1) but found 2",
  });
});
