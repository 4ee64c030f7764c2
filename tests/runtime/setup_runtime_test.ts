import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { inJupyter, seedGlobalRandom, setupRuntime } from "../../lib/runtime/mod.ts";
import { stream } from "../../lib/random/mod.ts";

const FAST_KERNELS = [
  "BatchMatMul",
  "Conv2DBackpropFilter",
  "Conv2DBackpropInput",
  "Identity",
  "MaxPoolGrad",
  "Sum",
];

/** By default the backend gets one thread per logical CPU; its pthread pool holds at most 8. */
const DEFAULT_THREADS = Math.min(navigator.hardwareConcurrency, 8);

Deno.test("setupRuntime() starts wasm and registers the training kernels", async () => {
  const info = await setupRuntime({ backend: "wasm", seed: 1 });
  assert.equal(tf.getBackend(), "wasm");
  assert.deepEqual(info, { backend: "wasm", threads: DEFAULT_THREADS, kernels: FAST_KERNELS });
  for (const name of FAST_KERNELS) assert.notEqual(tf.getKernel(name, "wasm"), undefined);
});

Deno.test("setupRuntime() is idempotent", async () => {
  const first = await setupRuntime({ backend: "wasm", seed: 3 });
  const kernel = tf.getKernel("Conv2DBackpropFilter", "wasm");
  const second = await setupRuntime({ backend: "wasm", seed: 3 });
  assert.deepEqual(second, first);
  assert.equal(tf.getKernel("Conv2DBackpropFilter", "wasm")?.kernelFunc !== undefined, true);
  assert.equal(tf.getKernel("Conv2DBackpropFilter", "wasm")?.kernelName, kernel?.kernelName);
  const sum = tf.tidy(() => tf.add(tf.tensor1d([1, 2]), 1).dataSync());
  assert.deepEqual([...sum], [2, 3]);
});

Deno.test("setupRuntime() switches to cpu and back", async () => {
  const cpu = await setupRuntime({ backend: "cpu" });
  assert.deepEqual(cpu, { backend: "cpu", threads: 1, kernels: [] });
  assert.equal(tf.getBackend(), "cpu");
  const wasm = await setupRuntime({ backend: "wasm" });
  assert.equal(wasm.backend, "wasm");
  assert.equal(tf.getBackend(), "wasm");
});

Deno.test("setupRuntime() with a seed makes tfjs initialisers reproducible", async () => {
  await setupRuntime({ backend: "wasm", seed: 42 });
  const a = tf.randomNormal([5]).dataSync();
  await setupRuntime({ backend: "wasm", seed: 42 });
  const b = tf.randomNormal([5]).dataSync();
  await setupRuntime({ backend: "wasm", seed: 43 });
  const c = tf.randomNormal([5]).dataSync();
  assert.deepEqual([...a], [...b]);
  assert.notDeepEqual([...a], [...c]);
});

Deno.test("setupRuntime() rejects a bad backend and thread count", async () => {
  await assert.rejects(
    () => setupRuntime({ backend: "webgl" as "cpu" }),
    new TypeError('Expected backend "wasm" or "cpu" but found webgl: pick one of them'),
  );
  await assert.rejects(
    () => setupRuntime({ threads: 0 }),
    new RangeError("Expected threads to be a positive integer but found 0: pass 1 or more"),
  );
});

Deno.test('seedGlobalRandom() makes Math.random the stream(seed, "tfjs") of lib/random', () => {
  try {
    seedGlobalRandom(7);
    const expected = stream(7, "tfjs");
    assert.deepEqual(
      Array.from({ length: 10 }, () => Math.random()),
      Array.from({ length: 10 }, () => expected()),
    );
  } finally {
    seedGlobalRandom(null);
  }
});

Deno.test("inJupyter() is false outside the Jupyter kernel", () => {
  assert.equal(inJupyter(), false);
});
