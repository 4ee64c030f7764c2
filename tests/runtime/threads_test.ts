import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { setupRuntime } from "../../lib/runtime/mod.ts";
import { randomValues, REL_TOLERANCE, relativeError } from "./_compare.ts";

// Each test file runs in its own isolate, so this file's first setupRuntime() call starts the
// wasm backend, here with its threaded build, whatever the machine's core count.
const THREADS = 2;
// Large enough that XNNPACK splits the convolutions and products between the threads; the
// batch is split for the max-pool gradient.
const X_SHAPE: [number, number, number, number] = [8, 16, 16, 8];
const W_SHAPE: [number, number, number, number] = [3, 3, 8, 32];

/** Gradients of `sum(r * relu(conv(maxPool(relu(conv(x, w1))), w2)))` for x, w1, w2. */
async function convGradients(backend: "cpu" | "wasm"): Promise<Float32Array[]> {
  if (backend === "cpu") await tf.setBackend("cpu");
  else await setupRuntime({ backend: "wasm", threads: THREADS, kernels: "fast" });
  const x = tf.tensor4d(randomValues(X_SHAPE, 11), X_SHAPE);
  const w1 = tf.tensor4d(randomValues(W_SHAPE, 12), W_SHAPE);
  const w2Shape: [number, number, number, number] = [2, 3, 32, 16];
  const w2 = tf.tensor4d(randomValues(w2Shape, 13), w2Shape);
  const rShape = [8, 4, 3, 16];
  const r = tf.tensor(randomValues(rShape, 14), rShape);
  const grads = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => {
    const h = tf.relu(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, "same"));
    const pooled = tf.maxPool(h, 2, 2, "valid");
    const y = tf.relu(tf.conv2d(pooled, c as tf.Tensor4D, 2, "valid"));
    return tf.sum(tf.mul(y, r));
  })([x, w1, w2]);
  const values = await Promise.all(grads.map((g) => g.data() as Promise<Float32Array>));
  tf.dispose([x, w1, w2, r, ...grads]);
  return values;
}

Deno.test("setupRuntime() with threads starts that many threads", async () => {
  const info = await setupRuntime({ backend: "wasm", threads: THREADS, kernels: "fast" });
  assert.equal(info.threads, THREADS);
  assert.equal(tf.getBackend(), "wasm");
});

Deno.test("setupRuntime() threaded wasm gives the cpu backend's conv and pool gradients", async () => {
  const expected = await convGradients("cpu");
  const actual = await convGradients("wasm");
  assert.equal((await setupRuntime({ backend: "wasm", kernels: "fast" })).threads, THREADS);
  assert.equal(actual.length, 3);
  for (const [i, values] of actual.entries()) {
    const error = relativeError(values, expected[i]!);
    assert.ok(error < REL_TOLERANCE, `gradient ${i}: relative error ${error}`);
  }
});

Deno.test("setupRuntime() threaded wasm repeats conv and pool gradients bit for bit", async () => {
  const first = await convGradients("wasm");
  const second = await convGradients("wasm");
  for (const [i, values] of first.entries()) {
    assert.deepEqual(new Uint32Array(values.buffer), new Uint32Array(second[i]!.buffer));
  }
});

Deno.test("setupRuntime() threaded wasm leaves the global Worker alone", async () => {
  await setupRuntime({ backend: "wasm", threads: THREADS, kernels: "fast" });
  const worker = new Worker(
    `data:application/javascript,${encodeURIComponent("postMessage(21 * 2)")}`,
    { type: "module" },
  );
  const answer = await new Promise((resolve) => worker.onmessage = (e) => resolve(e.data));
  worker.terminate();
  assert.equal(answer, 42);
});

/** Runs `_train_hash.ts` in a fresh process with `threads` threads; returns its output. */
async function trainHash(threads: number): Promise<string> {
  const script = new URL("./_train_hash.ts", import.meta.url).pathname;
  const { code, stdout, stderr } = await new Deno.Command("deno", {
    args: ["run", "--allow-read", "--allow-env", script, String(threads)],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  assert.equal(code, 0, decoder.decode(stderr));
  return decoder.decode(stdout).trim();
}

Deno.test("setupRuntime() trains bit for bit alike with 1 thread and with 2 threads", async () => {
  const [one, two] = await Promise.all([trainHash(1), trainHash(2)]);
  const [oneThreads, , oneHash] = one.split(" ");
  const [twoThreads, , twoHash] = two.split(" ");
  assert.deepEqual([oneThreads, twoThreads], ["1", "2"]);
  assert.equal(twoHash, oneHash);
});
