import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { Adam } from "../../lib/train/mod.ts";
import { maxDiff, useBackend } from "../_shared.ts";

/** Float32 rounding of 20 steps on weights of size ~3 (measured: ~1.4e-7). */
const FLOAT64_TOLERANCE = 1e-6;
/** tfjs accumulates beta^t in float32 by repeated multiplication (measured: ~7e-6 off float64). */
const TFJS_TOLERANCE = 2e-5;

const TARGET = [1, -2, 3], SCALE = [2, 0.2, 20];

/** Adam in float64 on the same quadratic, straight from the paper's update rule. */
function float64Adam(start: number[], steps: number, lr: number): number[] {
  const w = [...start], m = w.map(() => 0), v = w.map(() => 0);
  for (let t = 1; t <= steps; t++) {
    w.forEach((wi, i) => {
      const g = (wi - TARGET[i]!) * SCALE[i]!;
      m[i] = 0.9 * m[i]! + 0.1 * g;
      v[i] = 0.999 * v[i]! + 0.001 * g * g;
      const mHat = m[i]! / (1 - 0.9 ** t), vHat = v[i]! / (1 - 0.999 ** t);
      w[i] = wi - (lr * mHat) / (Math.sqrt(vHat) + 1e-7);
    });
  }
  return w;
}

function quadraticGrads(w: tf.Variable): tf.Tensor[] {
  // d/dw of sum((w - target)^2 * scale)
  return tf.tidy(() => [tf.mul(tf.sub(w, tf.tensor1d(TARGET)), tf.tensor1d(SCALE))]);
}

Deno.test("Adam.apply() matches a float64 Adam and tf.train.adam", async () => {
  await useBackend("wasm", 1);
  const a = tf.variable(tf.tensor1d([0.5, 0.5, 0.5]));
  const b = tf.variable(tf.tensor1d([0.5, 0.5, 0.5]));
  const ours = new Adam([a], { learningRate: 0.05 });
  const reference = tf.train.adam(0.05, 0.9, 0.999, 1e-7);
  for (let step = 0; step < 20; step++) {
    const ga = quadraticGrads(a);
    ours.apply(ga);
    const gb = quadraticGrads(b);
    reference.applyGradients([{ name: b.name, tensor: gb[0]! }]);
    tf.dispose([...ga, ...gb]);
  }
  const exact = float64Adam([0.5, 0.5, 0.5], 20, 0.05);
  const vsExact = maxDiff(a.dataSync(), exact), vsTfjs = maxDiff(a.dataSync(), b.dataSync());
  if (vsExact > FLOAT64_TOLERANCE) {
    throw new Error(`Adam differs from the float64 rule by ${vsExact}`);
  }
  if (vsTfjs > TFJS_TOLERANCE) throw new Error(`Adam differs from tf.train.adam by ${vsTfjs}`);
  assert.deepEqual(ours.step, 20);
  ours.dispose();
  reference.dispose();
  tf.dispose([a, b]);
});

Deno.test("Adam.setState() continues bit for bit", async () => {
  await useBackend("wasm", 1);
  const a = tf.variable(tf.tensor1d([0.5, 0.5, 0.5]));
  const first = new Adam([a], { learningRate: 0.05 });
  for (let step = 0; step < 5; step++) {
    const g = quadraticGrads(a);
    first.apply(g);
    tf.dispose(g);
  }
  const saved = first.getState();
  const savedWeights = a.clone();
  for (let step = 0; step < 5; step++) {
    const g = quadraticGrads(a);
    first.apply(g);
    tf.dispose(g);
  }
  const straight = Array.from(a.dataSync());
  a.assign(savedWeights);
  const second = new Adam([a], { learningRate: 0.05 });
  second.setState(saved);
  for (let step = 0; step < 5; step++) {
    const g = quadraticGrads(a);
    second.apply(g);
    tf.dispose(g);
  }
  assert.deepEqual(Array.from(a.dataSync()), straight);
  tf.dispose([a, savedWeights, ...saved.m, ...saved.v]);
  first.dispose();
  second.dispose();
});

Deno.test("new Adam() refuses an infinite learning rate, betas outside [0, 1) and a bad epsilon", () => {
  const cases: [Record<string, number>, string][] = [
    [
      { learningRate: Infinity },
      "Expected a finite positive learning rate but found Infinity: pass e.g. 1e-3",
    ],
    [{ beta1: 1 }, "Expected beta1 in [0, 1) but found 1: pass e.g. 0.9"],
    [{ beta2: NaN }, "Expected beta2 in [0, 1) but found NaN: pass e.g. 0.9"],
    [{ epsilon: 0 }, "Expected a finite positive epsilon but found 0: pass e.g. 1e-7"],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => new Adam([], options), { name: "RangeError", message });
  }
});
