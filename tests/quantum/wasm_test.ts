// The simulator on the wasm backend (the project's training backend), and 20 wires.
import * as tf from "@tensorflow/tfjs";
import { ok } from "node:assert/strict";
import { Circuit, float64Run, paperCircuit } from "../../lib/quantum/mod.ts";
import { FLOAT32_TOLERANCE, maxDiff, randomMatrix, rng, useBackend, values } from "./_helpers.ts";

/** The same float32 graph on two backends differs only by rounding. */
const BACKEND_TOLERANCE = 1e-5;

function paperGradients(x: tf.Tensor2D, w: tf.Tensor): number[][] {
  return tf.tidy(() => {
    const g = tf.grads((xi: tf.Tensor, wi: tf.Tensor) =>
      tf.sum(tf.square(paperCircuit().run(xi as tf.Tensor2D, [wi])))
    )([x, w]);
    return g.map((t) => Array.from(t.dataSync()));
  });
}

Deno.test("Circuit.run() on wasm matches the float64 reference, and its gradients match cpu", async () => {
  const random = rng(4);
  const xs = randomMatrix(random, 64, 16);
  const ws = randomMatrix(random, 2, 4, 0, 2 * Math.PI);
  try {
    await useBackend("cpu");
    const cpu = paperGradients(tf.tensor2d(xs), tf.tensor2d(ws));
    await useBackend("wasm");
    const out = values(() => paperCircuit().run(tf.tensor2d(xs), [tf.tensor2d(ws)]));
    const ref = xs.map((x) => float64Run(paperCircuit().compiled, x, [ws.flat()]));
    ok(maxDiff(out, ref) < FLOAT32_TOLERANCE, `wasm vs reference ${maxDiff(out, ref)}`);
    const wasm = paperGradients(tf.tensor2d(xs), tf.tensor2d(ws));
    wasm.forEach((g, i) =>
      ok(maxDiff(g, cpu[i]!) < BACKEND_TOLERANCE, `gradient ${i}: ${maxDiff(g, cpu[i]!)}`)
    );
  } finally {
    await useBackend("cpu");
  }
});

Deno.test("Circuit.run() simulates 20 wires for one sample with gradients", async () => {
  const n = 20;
  const theta = 0.9;
  // RY(theta) then a CNOT chain: cos(theta/2)|0...0> + sin(theta/2)|1...1>, so <Z_i> = cos(theta)
  // on every wire, <Z_0 Z_19> = 1, and d<Z_i>/dtheta = -sin(theta).
  const c = new Circuit(n).ry(0);
  for (let i = 0; i + 1 < n; i++) c.cnot(i, i + 1);
  c.expval("Z", { wires: [0, 9, 19] }).expvalPauli("ZZ", { wires: [0, 19] });
  try {
    await useBackend("wasm");
    const w = tf.tensor1d([theta]);
    const out = values(() => c.run(tf.zeros([1, 0]), [w]))[0]!;
    const cos = Math.cos(theta);
    ok(maxDiff(out, [cos, cos, cos, 1]) < FLOAT32_TOLERANCE, `outputs ${out}`);
    const g = tf.tidy(() =>
      tf.grad((wi: tf.Tensor) => tf.sum(c.run(tf.zeros([1, 0]), [wi])))(w).dataSync()[0]!
    );
    ok(Math.abs(g + 3 * Math.sin(theta)) < 1e-4, `gradient ${g}`);
  } finally {
    await useBackend("cpu");
  }
});
