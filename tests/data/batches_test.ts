import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import {
  augmentationFor,
  augmentImage,
  batches,
  type LabeledImages,
  toImageTensor,
} from "../../lib/data/mod.ts";

await tf.setBackend("cpu");

/** Largest difference allowed between float32 pixels and value / 255. */
const PIXEL_TOLERANCE = 1e-6;

function tinySplit(count: number, size = 4, channels = 3): LabeledImages {
  const pixels = size * size * channels;
  return {
    images: Uint8Array.from({ length: count * pixels }, (_, i) => (i * 37) % 256),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 3),
    count,
    height: size,
    width: size,
    channels,
  };
}

Deno.test("batches() yields [b, H, W, C] float pixels in [0, 1] equal to uint8 / 255", () => {
  const split = tinySplit(5);
  const seen: number[] = [];
  for (const { x, y, indices } of batches(split, { batchSize: 2 })) {
    assert.deepEqual(x.shape.slice(1), [4, 4, 3]);
    assert.equal(x.dtype, "float32");
    assert.equal(y.dtype, "int32");
    const values = x.dataSync();
    const labels = y.dataSync();
    indices.forEach((i, k) => {
      assert.equal(labels[k], split.labels[i]);
      for (let p = 0; p < 48; p++) {
        assert.ok(
          Math.abs(values[k * 48 + p]! - split.images[i * 48 + p]! / 255) < PIXEL_TOLERANCE,
        );
      }
    });
    seen.push(...indices);
    x.dispose();
    y.dispose();
  }
  assert.deepEqual(seen, [0, 1, 2, 3, 4]);
  assert.equal(tf.memory().numTensors, 0);
});

Deno.test("batches() shuffles with a seed, visits every image once and can drop the last batch", () => {
  const split = tinySplit(10);
  const order = (seed: number, dropLast = false) =>
    [...batches(split, { batchSize: 4, shuffle: true, seed, dropLast })].flatMap((b) => {
      b.x.dispose();
      b.y.dispose();
      return b.indices;
    });
  const a = order(1);
  assert.deepEqual([...a].sort((p, q) => p - q), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(order(1), a);
  assert.notDeepEqual(order(2), a);
  assert.equal(order(1, true).length, 8);
  assert.throws(() => [...batches(split, { batchSize: 0 })], RangeError);
});

Deno.test("augmentImage() flips columns and crops with zero padding", () => {
  const shape = [2, 3, 1] as const;
  const src = Uint8Array.from([1, 2, 3, 4, 5, 6]);
  const out = new Uint8Array(6);
  // random() < 0.5 -> flip; no padding.
  augmentImage(src, out, {
    shape,
    spec: { cropPadding: 0, horizontalFlip: true },
    random: () => 0.1,
  });
  assert.deepEqual([...out], [3, 2, 1, 6, 5, 4]);
  // Padding 1: draws 0.99 -> offset +1 in rows and columns, then 0.9 -> no flip.
  const draws = [0.99, 0.99, 0.9];
  augmentImage(src, out, {
    shape,
    spec: { cropPadding: 1, horizontalFlip: true },
    random: () => draws.shift()!,
  });
  assert.deepEqual([...out], [5, 6, 0, 0, 0, 0]);
  const reflectDraws = [0.0, 0.0, 0.9];
  augmentImage(src, out, {
    shape,
    spec: { cropPadding: 1, horizontalFlip: false, padMode: "reflect" },
    random: () => reflectDraws.shift()!,
  });
  assert.deepEqual([...out], [5, 4, 5, 2, 1, 2]);
});

Deno.test("batches() applies augmentation deterministically per seed, keeping the pixel values", () => {
  const split = tinySplit(6, 8);
  const spec = { cropPadding: 2, horizontalFlip: true };
  const run = (seed: number) =>
    [...batches(split, { batchSize: 6, seed, augment: spec })].map((b) => {
      const values = Array.from(b.x.dataSync());
      b.x.dispose();
      b.y.dispose();
      return values;
    })[0]!;
  assert.deepEqual(run(3), run(3));
  assert.notDeepEqual(run(3), run(4));
  const allowed = new Set([0, ...Array.from(split.images, (v) => Math.fround(v / 255))]);
  for (const v of run(3)) assert.ok(allowed.has(v));
});

Deno.test("augmentationFor() gives crop + flip for RGB sets and nothing for MNIST", () => {
  assert.equal(augmentationFor("mnist"), null);
  assert.deepEqual(augmentationFor("cifar100"), {
    cropPadding: 4,
    horizontalFlip: true,
    padMode: "zero",
  });
  assert.deepEqual(augmentationFor("stl10"), {
    cropPadding: 12,
    horizontalFlip: true,
    padMode: "zero",
  });
});

Deno.test("toImageTensor() returns the chosen images in order", () => {
  const split = tinySplit(4, 2, 1);
  const x = toImageTensor(split, [3, 1]);
  assert.deepEqual(x.shape, [2, 2, 2, 1]);
  const expected = [...split.images.subarray(12, 16), ...split.images.subarray(4, 8)].map((v) =>
    v / 255
  );
  Array.from(x.dataSync()).forEach((v, i) =>
    assert.ok(Math.abs(v - expected[i]!) < PIXEL_TOLERANCE)
  );
  x.dispose();
});
