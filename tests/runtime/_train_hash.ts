// Test helper run as a subprocess: trains a small CNN for a few seeded steps with the thread
// count and kernel set given as arguments and prints
// `<threads> <kernel path> <hash of the final weights' bits>`.
import * as tf from "@tensorflow/tfjs";
import { type KernelSet, setupRuntime } from "../../lib/runtime/mod.ts";

const STEPS = 3;
const info = await setupRuntime({
  backend: "wasm",
  seed: 7,
  threads: Number(Deno.args[0]),
  kernels: (Deno.args[1] ?? "fast") as KernelSet,
});
const model = tf.sequential();
model.add(tf.layers.conv2d({
  inputShape: [16, 16, 3],
  filters: 16,
  kernelSize: 3,
  activation: "relu",
}));
model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
model.add(tf.layers.conv2d({ filters: 32, kernelSize: 3, strides: 2, padding: "same" }));
model.add(tf.layers.flatten());
model.add(tf.layers.dense({ units: 10, activation: "softmax" }));
model.compile({ optimizer: tf.train.adam(1e-3), loss: "sparseCategoricalCrossentropy" });
const x = tf.randomUniform([32, 16, 16, 3], 0, 1, "float32", 1);
const y = tf.randomUniform([32], 0, 10, "int32", 2).cast("float32");
for (let i = 0; i < STEPS; i++) await model.trainOnBatch(x, y);
let hash = 0;
for (const w of model.getWeights()) {
  const bits = new Uint32Array(Float32Array.from(await w.data() as Float32Array).buffer);
  for (const b of bits) hash = (Math.imul(hash, 31) + b) >>> 0;
}
console.log(`${info.threads} ${info.path.path} ${hash.toString(16)}`);
