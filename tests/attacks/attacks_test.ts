import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { fgsm, pgd, robustness, transferAttack } from "../../lib/attacks/mod.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";
import { toImageTensor } from "../../lib/data/mod.ts";
import { pixelTensor } from "../../lib/attacks/_pixels.ts";

/** Float32 rounding of x + eps. */
const PIXEL_TOLERANCE = 1e-6;

/**
 * A linear softmax model on 2x2 gray images: logits = x W + b. For two classes and label 0
 * the loss gradient is p1 (W[:,1] - W[:,0]), so its sign per pixel is sign(W[i][1] - W[i][0]),
 * whatever x is.
 */
const W = [[0.5, 1.5], [2, -1], [0.3, 0.3], [-0.4, 0.6]];
const GRADIENT_SIGN_LABEL0 = W.map(([a, b]) => Math.sign(b! - a!)); // [+1, -1, 0, +1]

function linearModel(weights: number[][] = W, bias: number[] = [0, 0]): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [2, 2, 1] }),
      tf.layers.dense({ units: bias.length, activation: "softmax" }),
    ],
  });
  const values = [tf.tensor2d(weights), tf.tensor1d(bias)];
  model.setWeights(values);
  tf.dispose(values);
  return model;
}

function image(pixels: number[][]): tf.Tensor4D {
  return tf.tensor4d(pixels.flat(), [pixels.length, 2, 2, 1]);
}

function close(actual: ArrayLike<number>, expected: number[], what: string): void {
  expected.forEach((e, i) => {
    if (Math.abs(actual[i]! - e) > PIXEL_TOLERANCE) {
      throw new Error(`${what}[${i}]: expected ${e} but found ${actual[i]}`);
    }
  });
}

Deno.test("fgsm() steps each pixel by epsilon along the analytic gradient sign", async () => {
  await setupRuntime({ backend: "wasm" });
  const model = linearModel();
  const x = image([[0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5]]);
  const labels = tf.tensor1d([0, 1], "int32");
  const adv = fgsm(model, x, labels, { epsilon: 0.1 });
  const out = adv.dataSync();
  close(out.slice(0, 4), GRADIENT_SIGN_LABEL0.map((s) => 0.5 + 0.1 * s), "label 0");
  // label 1: the gradient is p0 (W[:,0] - W[:,1]), the opposite sign
  close(out.slice(4), GRADIENT_SIGN_LABEL0.map((s) => 0.5 - 0.1 * s), "label 1");
  tf.dispose([x, labels, adv]);
  model.dispose();
});

Deno.test("fgsm() clips to [clipMin, clipMax] and stays within epsilon", async () => {
  await setupRuntime({ backend: "wasm" });
  const model = linearModel();
  const x = image([[0.95, 0.02, 0.5, 0.99]]);
  const labels = tf.tensor1d([0], "int32");
  const adv = fgsm(model, x, labels, { epsilon: 0.1 });
  close(adv.dataSync(), [1, 0, 0.5, 1], "clipped to [0, 1]");
  const narrow = fgsm(model, x, labels, { epsilon: 0.1, clipMin: 0.1, clipMax: 0.9 });
  close(narrow.dataSync(), [0.9, 0.1, 0.5, 0.9], "clipped to [0.1, 0.9]");
  tf.dispose([x, labels, adv, narrow]);
  model.dispose();
});

Deno.test("fgsm() rejects a negative epsilon and an empty clip range", () => {
  const model = linearModel();
  const x = image([[0, 0, 0, 0]]), y = tf.tensor1d([0], "int32");
  assert.throws(() => fgsm(model, x, y, { epsilon: -0.1 }), {
    name: "RangeError",
    message: "Expected epsilon >= 0 but found -0.1: pass e.g. 0.1",
  });
  assert.throws(() => fgsm(model, x, y, { epsilon: 0.1, clipMin: 1, clipMax: 0 }), {
    name: "RangeError",
    message: "Expected clipMin < clipMax but found 1 and 0: pass the pixel range, e.g. 0 and 1",
  });
  tf.dispose([x, y]);
  model.dispose();
});

Deno.test("pgd() with one full step and no random start equals fgsm()", async () => {
  await setupRuntime({ backend: "wasm" });
  const model = linearModel();
  const x = image([[0.3, 0.6, 0.2, 0.8]]), y = tf.tensor1d([0], "int32");
  const a = pgd(model, x, y, { epsilon: 0.05, steps: 1, stepSize: 0.05, randomStart: false });
  const b = fgsm(model, x, y, { epsilon: 0.05 });
  close(a.dataSync(), Array.from(b.dataSync()), "pgd vs fgsm");
  tf.dispose([x, y, a, b]);
  model.dispose();
});

Deno.test("pgd() from a random start reaches the ball's corner of a linear model, within bounds", async () => {
  await setupRuntime({ backend: "wasm" });
  const model = linearModel();
  const x = image([[0.3, 0.6, 0.2, 0.97], [0.5, 0.5, 0.5, 0.5]]), y = tf.tensor1d([0, 0], "int32");
  const eps = 0.05;
  // 10 steps of eps/2 travel 5 eps: enough to reach the corner from anywhere in the ball.
  const adv = pgd(model, x, y, { epsilon: eps, steps: 10, stepSize: eps / 2, seed: 3 });
  const out = adv.dataSync(), clean = x.dataSync();
  for (let i = 0; i < out.length; i++) {
    if (Math.abs(out[i]! - clean[i]!) > eps + PIXEL_TOLERANCE) {
      throw new Error(`pixel ${i} left the ball`);
    }
    if (out[i]! < 0 || out[i]! > 1) throw new Error(`pixel ${i} left [0, 1]`);
    const s = GRADIENT_SIGN_LABEL0[i % 4]!;
    if (s !== 0) {
      const corner = Math.min(1, Math.max(0, clean[i]! + eps * s));
      if (Math.abs(out[i]! - corner) > PIXEL_TOLERANCE) {
        throw new Error(`pixel ${i}: ${out[i]} != ${corner}`);
      }
    }
  }
  const again = pgd(model, x, y, { epsilon: eps, steps: 10, stepSize: eps / 2, seed: 3 });
  assert.deepEqual(Array.from(again.dataSync()), Array.from(out));
  tf.dispose([x, y, adv, again]);
  model.dispose();
});

Deno.test("robustness() matches accuracies computed by hand for a linear model", async () => {
  await setupRuntime({ backend: "wasm" });
  // one pixel matters: class 1 iff pixel0 > 0.5 (logit difference 10 * (p0 - 0.5))
  const weights = [[0, 10], [0, 0], [0, 0], [0, 0]];
  const model = linearModel(weights, [0, -5]);
  const pixel0 = [0.3, 0.45, 0.49, 0.52, 0.56, 0.7, 0.9, 0.1];
  const labels = pixel0.map((p) => (p > 0.5 ? 1 : 0));
  const images = new Uint8Array(pixel0.length * 4);
  pixel0.forEach((p, i) => (images[i * 4] = Math.round(p * 255)));
  const split = {
    images,
    labels: new Uint8Array(labels),
    count: pixel0.length,
    height: 2,
    width: 2,
    channels: 1,
  };
  const epsilons = [0, 0.02, 0.05, 0.1, 0.2];
  const result = robustness(model, split, {
    count: 100,
    epsilons,
    headline: 0.1,
    pgd: { steps: 5 },
  });
  // FGSM pushes pixel0 towards the other class by eps; the image stays correct iff it does not cross 0.5.
  const expected = epsilons.map((eps) =>
    pixel0.filter((_, i) => {
      const p = Math.round(pixel0[i]! * 255) / 255;
      return labels[i] === 1 ? p - eps > 0.5 : p + eps < 0.5;
    }).length / pixel0.length
  );
  assert.deepEqual(result.curve.map((c) => c.epsilon), epsilons);
  assert.deepEqual(result.curve.map((c) => c.fgsm), expected);
  assert.equal(result.fgsmAccuracy, expected[3]);
  assert.equal(result.pgdAccuracy, expected[3]); // PGD cannot beat the ball's corner here
  assert.equal(result.count, pixel0.length);
  model.dispose();
});

/** The one-pixel threshold model of the test above, and its split. */
function thresholdCase(pixel0: number[]) {
  const model = linearModel([[0, 10], [0, 0], [0, 0], [0, 0]], [0, -5]);
  const labels = pixel0.map((p) => (p > 0.5 ? 1 : 0));
  const images = new Uint8Array(pixel0.length * 4);
  pixel0.forEach((p, i) => (images[i * 4] = Math.round(p * 255)));
  const split = {
    images,
    labels: new Uint8Array(labels),
    count: pixel0.length,
    height: 2,
    width: 2,
    channels: 1,
  };
  const q = pixel0.map((p) => Math.round(p * 255) / 255);
  return { model, split, labels, q };
}

Deno.test("robustness() runs FGSM in normalised-input units as a pixel step of epsilon * std", async () => {
  await setupRuntime({ backend: "wasm" });
  const { model, split, labels, q } = thresholdCase([0.3, 0.45, 0.48, 0.52, 0.56, 0.7, 0.9, 0.1]);
  const std = 0.3081; // MNIST: eps 0.1 on the standardised tensor is 0.0308 in pixels
  const result = robustness(model, split, { count: 100, pgd: null, normalizationStd: [std] });
  const step = 0.1 * std;
  const expected = q.filter((p, i) => (labels[i] === 1 ? p - step > 0.5 : p + step < 0.5)).length /
    q.length;
  assert.equal(result.fgsmNormalizedAccuracy, expected);
  assert.ok(result.fgsmNormalizedAccuracy! > result.fgsmAccuracy); // weaker than pixel space
  model.dispose();
});

Deno.test("robustness() counts an image robust under PGD only if every restart fails", async () => {
  await setupRuntime({ backend: "wasm" });
  const { model, split } = thresholdCase([0.3, 0.45, 0.55, 0.7]);
  const one = robustness(model, split, { count: 4, pgd: { steps: 3, restarts: 1 } });
  const three = robustness(model, split, { count: 4, pgd: { steps: 3, restarts: 3 } });
  assert.ok(three.pgdAccuracy! <= one.pgdAccuracy!);
  assert.deepEqual(three.pgd, { steps: 3, restarts: 3, stepSize: 2.5 * 0.1 / 3 });
  assert.throws(() => robustness(model, split, { count: 4, pgd: { steps: 3, restarts: 0 } }), {
    name: "RangeError",
    message: "Expected pgd.restarts to be a positive integer but found 0: pass e.g. 3",
  });
  model.dispose();
});

Deno.test("transferAttack() scores targets on examples crafted on the source", async () => {
  await setupRuntime({ backend: "wasm" });
  const { model: source, split, labels, q } = thresholdCase([0.3, 0.45, 0.48, 0.52, 0.56, 0.7]);
  // A target that ignores every pixel and always says class 0: the attack cannot move it.
  const constant = linearModel([[0, 0], [0, 0], [0, 0], [0, 0]], [1, 0]);
  const [self, other] = transferAttack(source, [source, constant], split, {
    epsilon: 0.1,
    count: 6,
  });
  const white = q.filter((p, i) => (labels[i] === 1 ? p - 0.1 > 0.5 : p + 0.1 < 0.5)).length / 6;
  assert.equal(self!.accuracy, white); // transfer to itself is the white-box attack
  assert.equal(self!.cleanAccuracy, 1);
  const zeros = labels.filter((l) => l === 0).length / 6;
  assert.deepEqual([other!.accuracy, other!.cleanAccuracy], [zeros, zeros]);
  const [pgdSelf] = transferAttack(source, [source], split, {
    epsilon: 0.1,
    count: 6,
    attack: { pgdSteps: 4 },
  });
  assert.ok(pgdSelf!.accuracy <= white);
  source.dispose();
  constant.dispose();
});

Deno.test("robustness() leaves no tensors behind", async () => {
  await setupRuntime({ backend: "wasm" });
  const model = linearModel();
  const split = {
    images: Uint8Array.from({ length: 40 }, (_, i) => (i * 53) % 256),
    labels: Uint8Array.from({ length: 10 }, (_, i) => i % 2),
    count: 10,
    height: 2,
    width: 2,
    channels: 1,
  };
  const before = tf.memory().numTensors;
  robustness(model, split, {
    count: 10,
    batchSize: 4,
    pgd: { steps: 2, restarts: 2 },
    normalizationStd: [0.3],
  });
  assert.equal(tf.memory().numTensors, before);
  model.dispose();
});

Deno.test("pixelTensor() reads images exactly as the data layer's toImageTensor() does", async () => {
  await setupRuntime({ backend: "cpu" });
  const split = {
    images: Uint8Array.from({ length: 5 * 3 * 2 * 3 }, (_, i) => (i * 37) % 256),
    labels: Uint8Array.from([0, 1, 2, 1, 0]),
    count: 5,
    height: 3,
    width: 2,
    channels: 3,
  };
  const indices = [4, 0, 2];
  const fromData = toImageTensor(split, indices);
  const fromAttacks = pixelTensor(split, indices);
  assert.deepEqual(fromAttacks.shape, fromData.shape);
  assert.deepEqual(await fromAttacks.data(), await fromData.data());
  tf.dispose([fromData, fromAttacks]);
});
