import assert from "node:assert/strict";
import {
  deriveSeed,
  mulberry32,
  sampleIndices,
  SeededRandom,
  shuffleInPlace,
  stream,
} from "../../lib/random/mod.ts";
import { batches } from "../../lib/data/mod.ts";
import { seedGlobalRandom } from "../../lib/runtime/mod.ts";
import { useBackend } from "../_shared.ts";

const FNV_1A_OF_A = 0xe40c292c; // the published 32-bit FNV-1a hash of "a"

function draw(random: () => number, count = 8): number[] {
  return Array.from({ length: count }, () => random());
}

Deno.test("deriveSeed() is the seed itself without labels and a hash of seed and labels with them", () => {
  assert.equal(deriveSeed(7), 7);
  assert.equal(deriveSeed(-1), 0xffffffff);
  assert.equal(deriveSeed(7.9), 7);
  assert.notEqual(deriveSeed(7, 1), deriveSeed(7, 2));
  assert.notEqual(deriveSeed(7, 1), deriveSeed(8, 1));
  assert.notEqual(deriveSeed(7, 1, 2), deriveSeed(7, 2, 1));
  assert.ok(Number.isInteger(deriveSeed(7, "init")) && deriveSeed(7, "init") < 2 ** 32);
});

Deno.test("deriveSeed() hashes a string label with FNV-1a", () => {
  assert.equal(deriveSeed(3, "a"), deriveSeed(3, FNV_1A_OF_A));
});

Deno.test("deriveSeed() rejects a seed or label that is not finite", () => {
  assert.throws(() => deriveSeed(NaN), {
    name: "RangeError",
    message: "Expected a finite seed but found NaN: pass an integer",
  });
  assert.throws(() => stream(1, Infinity), {
    name: "RangeError",
    message: "Expected a finite stream label but found Infinity: pass an integer or a string",
  });
});

Deno.test("stream() is mulberry32 seeded with deriveSeed()", () => {
  assert.deepEqual(draw(stream(5)), draw(mulberry32(5)));
  assert.deepEqual(draw(stream(5, "tsne")), draw(mulberry32(deriveSeed(5, "tsne"))));
  assert.notDeepEqual(draw(stream(5, "tsne")), draw(stream(5, "umap")));
});

Deno.test("SeededRandom draws the numbers of stream() and resumes from its state", () => {
  const saved = new SeededRandom(42, "epochs");
  assert.deepEqual(draw(() => saved.next()), draw(stream(42, "epochs")).slice(0, 8));
  const resumed = SeededRandom.fromState(saved.state);
  assert.deepEqual(draw(() => resumed.next()), draw(() => saved.next()));
});

Deno.test("the same seed gives the same stream everywhere: runtime, data and random agree", async () => {
  await useBackend("cpu");
  const native = Math.random;
  try {
    seedGlobalRandom(9);
    assert.deepEqual(draw(Math.random), draw(stream(9, "tfjs")));
  } finally {
    seedGlobalRandom(null);
  }
  assert.equal(Math.random, native);
  const split = {
    images: new Uint8Array(10),
    labels: new Uint8Array(10),
    count: 10,
    height: 1,
    width: 1,
    channels: 1,
  };
  const order: number[] = [];
  for (const batch of batches(split, { batchSize: 4, shuffle: true, seed: 3 })) {
    order.push(...batch.indices);
    batch.x.dispose();
    batch.y.dispose();
  }
  const expected = shuffleInPlace(Array.from({ length: 10 }, (_, i) => i), stream(3, 0x5eed));
  assert.deepEqual(order, expected);
});

Deno.test("sampleIndices() returns distinct sorted indices, seeded", () => {
  const a = sampleIndices(1000, 50, stream(3));
  assert.equal(new Set(a).size, 50);
  assert.deepEqual(a, [...a].sort((x, y) => x - y));
  assert.ok(a.every((i) => i >= 0 && i < 1000));
  assert.deepEqual(sampleIndices(1000, 50, stream(3)), a);
  assert.notDeepEqual(sampleIndices(1000, 50, stream(4)), a);
  assert.deepEqual(sampleIndices(5, 10, stream(1)), [0, 1, 2, 3, 4]);
});

Deno.test("sampleIndices() rejects a negative or fractional size", () => {
  assert.throws(() => sampleIndices(-1, 2, stream(1)), {
    name: "RangeError",
    message: "Expected n to be a non-negative integer but found -1: pass e.g. 10",
  });
  assert.throws(() => sampleIndices(4, 1.5, stream(1)), {
    name: "RangeError",
    message: "Expected count to be a non-negative integer but found 1.5: pass e.g. 10",
  });
});

Deno.test("shuffleInPlace() permutes every element once", () => {
  const a = shuffleInPlace(Array.from({ length: 20 }, (_, i) => i), stream(2));
  assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i));
  assert.notDeepEqual(a, Array.from({ length: 20 }, (_, i) => i));
});
