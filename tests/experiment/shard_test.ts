import assert from "node:assert/strict";
import {
  experimentGrid,
  parseShard,
  shardCells,
  shardFileName,
} from "../../lib/experiment/shard.ts";

Deno.test("parseShard() reads k/N", () => {
  assert.deepEqual(parseShard("3/5"), { index: 3, count: 5 });
});

Deno.test("parseShard() rejects malformed and out-of-range shards", () => {
  assert.throws(() => parseShard("3-5"), {
    name: "TypeError",
    message: 'Expected a shard like 2/4 but found "3-5": pass --shard k/N',
  });
  assert.throws(() => parseShard("0/4"), {
    name: "RangeError",
    message: "Expected 1 <= k <= N in --shard k/N but found 0/4: shards are numbered 1..N",
  });
  assert.throws(() => parseShard("5/4"), RangeError);
});

Deno.test("shardCells() covers the grid exactly once for every shard count", () => {
  const grid = experimentGrid(["mnist", "cifar100", "stl10"], ["hybrid", "classical", "control"], [
    1,
    2,
    3,
  ]);
  assert.equal(grid.length, 27);
  for (let count = 1; count <= 30; count++) {
    const seen = new Map<string, number>();
    for (let index = 1; index <= count; index++) {
      for (const c of shardCells(grid, { index, count })) {
        const key = `${c.dataset}/${c.model}/${c.seed}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    assert.equal(seen.size, 27, `count ${count}`);
    assert.ok([...seen.values()].every((n) => n === 1), `count ${count}`);
  }
});

Deno.test("shardCells() is deterministic and balanced within one cell", () => {
  const grid = experimentGrid(["mnist", "stl10"], ["hybrid", "classical"], [1, 2]);
  const sizes = [1, 2, 3].map((index) => shardCells(grid, { index, count: 3 }).length);
  assert.deepEqual(sizes, [3, 3, 2]);
  assert.deepEqual(
    shardCells(grid, { index: 2, count: 3 }),
    shardCells(grid, { index: 2, count: 3 }),
  );
  assert.equal(shardFileName({ index: 2, count: 3 }), "2-of-3.json");
});
