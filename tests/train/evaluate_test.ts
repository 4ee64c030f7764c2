import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { classificationMetrics, evaluate, extractFeatures } from "../../lib/train/mod.ts";
import { bandImages, tinyModel } from "./_fixtures.ts";
import { useBackend } from "../_shared.ts";

const LOSS_TOLERANCE = 1e-5;

Deno.test("evaluate() agrees with model.predict over the whole split", async () => {
  await useBackend("wasm", 1);
  const model = tinyModel(4);
  const split = bandImages(300, 4, 3); // more than one evaluation batch
  const result = evaluate(model, split, { classes: 4, batchSize: 128 });
  const x = tf.tensor4d(Float32Array.from(split.images, (v) => v / 255), [300, 4, 4, 1]);
  const probs = model.predict(x) as tf.Tensor2D;
  const expected = Array.from(probs.argMax(-1).dataSync());
  assert.deepEqual(result.predictions, expected);
  assert.deepEqual(result.metrics, classificationMetrics(Array.from(split.labels), expected, 4));
  const rows = probs.arraySync();
  const loss = -rows.reduce((s, row, i) => s + Math.log(row[split.labels[i]!]!), 0) / 300;
  if (Math.abs(result.loss - loss) > LOSS_TOLERANCE) {
    throw new Error(`loss ${result.loss} != ${loss}`);
  }
  tf.dispose([x, probs]);
  model.dispose();
});

Deno.test("extractFeatures() reads the penultimate layer of the chosen images", async () => {
  await useBackend("wasm", 1);
  const model = tinyModel(4);
  const split = bandImages(20, 4, 3);
  const indices = [7, 2, 19];
  const features = extractFeatures(model, split, indices, { batchSize: 2 });
  assert.equal(features.length, 3);
  assert.equal(features[0]!.length, 8);
  // by hand: relu(x W + b) of the hidden layer
  const [w, b] = model.getLayer("hidden").getWeights() as [tf.Tensor2D, tf.Tensor1D];
  const wv = w.arraySync(), bv = b.arraySync();
  indices.forEach((index, row) => {
    const pixels = Array.from(split.images.subarray(index * 16, index * 16 + 16), (v) => v / 255);
    bv.forEach((bias, unit) => {
      const z = Math.max(0, pixels.reduce((s, p, k) => s + p * wv[k]![unit]!, bias));
      if (Math.abs(features[row]![unit]! - z) > LOSS_TOLERANCE) {
        throw new Error(`feature ${row},${unit}`);
      }
    });
  });
  model.dispose();
});

Deno.test("evaluate() and extractFeatures() leave no tensors behind", async () => {
  await useBackend("wasm", 1);
  const model = tinyModel(4);
  const split = bandImages(40, 4, 3);
  const before = tf.memory().numTensors;
  evaluate(model, split, { classes: 4, batchSize: 16 });
  extractFeatures(model, split, [1, 2, 3], { batchSize: 2 });
  assert.equal(tf.memory().numTensors, before);
  model.dispose();
});
