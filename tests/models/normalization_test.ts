import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { PixelNormalization } from "../../lib/models/mod.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";

const CLOSE = 1e-6;

Deno.test("PixelNormalization() subtracts the mean and divides by the std of each channel", async () => {
  await setupRuntime({ backend: "wasm" });
  const layer = new PixelNormalization({ mean: [0.1, 0.5, 0.9], std: [0.5, 0.25, 2] });
  const x = tf.tensor4d([0, 0.5, 1, 1, 0, 0.5], [1, 1, 2, 3]);
  const y = (layer.apply(x) as tf.Tensor).dataSync();
  const expected = [
    (0 - 0.1) / 0.5,
    (0.5 - 0.5) / 0.25,
    (1 - 0.9) / 2,
    (1 - 0.1) / 0.5,
    (0 - 0.5) / 0.25,
    (0.5 - 0.9) / 2,
  ];
  expected.forEach((e, i) => assert.ok(Math.abs(y[i]! - e) < CLOSE, `${i}: ${y[i]} != ${e}`));
  x.dispose();
});

Deno.test("PixelNormalization() survives a save/load round trip of its model", async () => {
  await setupRuntime({ backend: "wasm" });
  const model = tf.sequential({
    layers: [
      new PixelNormalization({ mean: [0.25], std: [0.5], inputShape: [2, 2, 1] }),
      tf.layers.flatten(),
    ],
  });
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler((artifacts) => {
    saved = artifacts;
    return Promise.resolve({
      modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" },
    });
  }));
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
  const x = tf.tensor4d([0, 0.25, 0.5, 1], [1, 2, 2, 1]);
  assert.deepEqual(Array.from((loaded.predict(x) as tf.Tensor).dataSync()), [-0.5, 0, 0.5, 1.5]);
  x.dispose();
});

Deno.test("PixelNormalization() rejects mismatched or non-positive constants", () => {
  assert.throws(() => new PixelNormalization({ mean: [0, 0], std: [1] }), {
    name: "RangeError",
    message:
      "Expected one mean and one std per channel but found 2 and 1: pass equal-length arrays",
  });
  assert.throws(() => new PixelNormalization({ mean: [0], std: [0] }), {
    name: "RangeError",
    message: "Expected positive std values but found [0]: pass the data set's std",
  });
});
