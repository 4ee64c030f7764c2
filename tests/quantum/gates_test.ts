// Closed-form checks of every gate and measurement kind on tiny circuits.
import * as tf from "@tensorflow/tfjs";
import { deepEqual, ok } from "node:assert/strict";
import { Circuit } from "../../lib/quantum/mod.ts";
import { FLOAT32_TOLERANCE, maxDiff, useBackend, values } from "./_helpers.ts";

const THETA = 0.7;
const PHI = -1.3;
const OMEGA = 2.1;

function run(c: Circuit, inputs: number[][] = [[]]): number[] {
  return values(() => c.run(tf.tensor2d(inputs, [inputs.length, c.inputSize]), []))[0]!;
}

function close(actual: number[], expected: number[], what: string): void {
  const d = maxDiff(actual, expected);
  ok(
    d < FLOAT32_TOLERANCE,
    `${what}: expected ${JSON.stringify(expected)} but found ${JSON.stringify(actual)} (diff ${d})`,
  );
}

Deno.test("Circuit.run() gives cos/sin closed forms for RX, RY and RZ", async () => {
  await useBackend();
  close(run(new Circuit(1).rx(0, THETA).expval("Z").expval("Y").expval("X")), [
    Math.cos(THETA),
    -Math.sin(THETA),
    0,
  ], "RX");
  close(run(new Circuit(1).ry(0, THETA).expval("Z").expval("X").expval("Y")), [
    Math.cos(THETA),
    Math.sin(THETA),
    0,
  ], "RY");
  close(run(new Circuit(1).hadamard(0).rz(0, PHI).expval("X").expval("Y")), [
    Math.cos(PHI),
    Math.sin(PHI),
  ], "RZ");
});

Deno.test("Circuit.run() gives closed forms for Rot, PhaseShift, S and T", async () => {
  await useBackend();
  const rot = new Circuit(1).rot(0, [PHI, THETA, OMEGA]).expval("X").expval("Y").expval("Z");
  close(run(rot), [
    Math.sin(THETA) * Math.cos(OMEGA),
    Math.sin(THETA) * Math.sin(OMEGA),
    Math.cos(THETA),
  ], "Rot");
  close(run(new Circuit(1).hadamard(0).phaseShift(0, PHI).expval("X").expval("Y")), [
    Math.cos(PHI),
    Math.sin(PHI),
  ], "PhaseShift");
  close(run(new Circuit(1).hadamard(0).s(0).expval("X").expval("Y")), [0, 1], "S");
  close(
    run(new Circuit(1).hadamard(0).t(0).expval("X").expval("Y")),
    [Math.SQRT1_2, Math.SQRT1_2],
    "T",
  );
});

Deno.test("Circuit.run() gives closed forms for the Pauli gates", async () => {
  await useBackend();
  close(run(new Circuit(1).pauliX(0).expval("Z")), [-1], "X");
  close(run(new Circuit(1).pauliY(0).expval("Z")), [-1], "Y");
  close(run(new Circuit(1).hadamard(0).pauliZ(0).expval("X")), [-1], "Z");
  // Y|+> = -i|->: <X> = -1; Y applied to RX(theta)|0> flips <Z> and <Y> signs.
  close(run(new Circuit(1).rx(0, THETA).pauliY(0).expval("Z").expval("Y")), [
    -Math.cos(THETA),
    -Math.sin(THETA),
  ], "Y on RX");
});

Deno.test("Circuit.run() follows PennyLane wire order (wire 0 most significant)", async () => {
  await useBackend();
  close(run(new Circuit(2).pauliX(0).probs()), [0, 0, 1, 0], "X on wire 0");
  close(run(new Circuit(3).pauliX(2).probs()), [0, 1, 0, 0, 0, 0, 0, 0], "X on wire 2");
  close(
    run(new Circuit(3).pauliX(0).probs({ wires: [2, 0] })),
    [0, 1, 0, 0],
    "marginal in given order",
  );
});

Deno.test("Circuit.run() prepares a Bell state with Hadamard and CNOT", async () => {
  await useBackend();
  const c = new Circuit(2).hadamard(0).cnot(0, 1).probs().expvalPauli("XX").expvalPauli("YY")
    .expvalPauli("ZZ").expvalPauli("ZI");
  close(run(c), [0.5, 0, 0, 0.5, 1, -1, 1, 0], "Bell");
});

Deno.test("Circuit.run() gives closed forms for controlled rotations, CZ and SWAP", async () => {
  await useBackend();
  close(run(new Circuit(2).crx(0, 1, THETA).expval("Z", { wires: [1] })), [1], "CRX control 0");
  close(run(new Circuit(2).pauliX(0).crx(0, 1, THETA).expval("Z", { wires: [1] })), [
    Math.cos(THETA),
  ], "CRX control 1");
  close(run(new Circuit(2).pauliX(0).cry(0, 1, THETA).expval("X", { wires: [1] })), [
    Math.sin(THETA),
  ], "CRY");
  close(run(new Circuit(2).pauliX(0).hadamard(1).crz(0, 1, PHI).expval("X", { wires: [1] })), [
    Math.cos(PHI),
  ], "CRZ");
  close(run(new Circuit(2).hadamard(0).hadamard(1).cz(0, 1).expvalPauli("XZ").expvalPauli("XI")), [
    1,
    0,
  ], "CZ");
  close(run(new Circuit(2).pauliX(0).swap(0, 1).expval("Z")), [1, -1], "SWAP");
  close(
    run(new Circuit(3).pauliX(2).cnot(2, 0).expval("Z")),
    [-1, 1, -1],
    "CNOT control below target",
  );
});

Deno.test("Circuit.run() embeds angles, bits and amplitudes", async () => {
  await useBackend();
  const x = [0.3, -1.1, 2.0];
  close(
    run(new Circuit(3).angleEmbedding({ rotation: "Y" }).expval("Z"), [x]),
    x.map(Math.cos),
    "AngleEmbedding Y",
  );
  close(
    run(new Circuit(3).angleEmbedding({ rotation: "X" }).expval("Y"), [x]),
    x.map((v) => -Math.sin(v)),
    "AngleEmbedding X",
  );
  close(
    run(new Circuit(2).angleEmbedding({ rotation: "Z" }).expval("Z"), [[0.4, 0.9]]),
    [1, 1],
    "AngleEmbedding Z",
  );
  const bits = run(new Circuit(3).basisEmbedding().probs(), [[1, 0, 1]]);
  close(bits, [0, 0, 0, 0, 0, 1, 0, 0], "BasisEmbedding");
  const amps = [1, -2, 0, 3];
  const norm2 = amps.reduce((a, v) => a + v * v, 0);
  close(
    run(new Circuit(2).amplitudeEmbedding({ normalize: true }).probs(), [amps]),
    amps.map((v) => (v * v) / norm2),
    "normalize",
  );
  close(
    run(new Circuit(2).amplitudeEmbedding({ padWith: 0.5, features: 3 }).probs(), [[
      0.5,
      0.5,
      0.5,
    ]]),
    [0.25, 0.25, 0.25, 0.25],
    "padWith",
  );
});

Deno.test("Circuit.run() embeds an all-zero row under normalize as |0...0> with its finite gradient", async () => {
  await useBackend();
  const c = new Circuit(2).amplitudeEmbedding({ normalize: true }).rx(0).ry(1).cnot(0, 1).expval(
    "Z",
  );
  const w = tf.tensor1d([0.4]);
  const v = tf.tensor1d([1.1]);
  const x = tf.tensor2d([[0, 0, 0, 0], [1, 0, 0, 0], [0.2, 0.1, -0.3, 0.5], [1e-5, 0, 0, 2e-5]]);
  const out = values(() => c.run(x, [w, v]));
  close(out[0]!, out[1]!, "zero row equals |00>");
  const [gx, gw] = tf.grads((xi: tf.Tensor, wi: tf.Tensor) =>
    tf.sum(c.run(xi as tf.Tensor2D, [wi, v]))
  )([x, w]);
  const gxs = gx!.arraySync() as number[][];
  ok(gxs.flat().every(Number.isFinite), `input gradients ${JSON.stringify(gxs)} are finite`);
  ok((gw!.arraySync() as number[]).every(Number.isFinite), "weight gradients are finite");
  close(gxs[0]!, gxs[1]!, "zero row has the gradient of |00>");
});

Deno.test("Circuit.run() estimates with seeded shots and keeps exact gradients", async () => {
  await useBackend();
  const shots = 4000;
  const make = (seed: number) => new Circuit(1).rx(0).expval("Z").withShots(shots, { seed });
  const w = tf.tensor1d([THETA]);
  const a = values(() => make(1).run(tf.zeros([3, 0]), [w]));
  const b = values(() => make(1).run(tf.zeros([3, 0]), [w]));
  const c = values(() => make(2).run(tf.zeros([3, 0]), [w]));
  deepEqual(a, b);
  ok(maxDiff(a, c) > 0, "different seeds give different estimates");
  const sigma = Math.sqrt((1 - Math.cos(THETA) ** 2) / shots);
  ok(
    a.flat().every((e) => Math.abs(e - Math.cos(THETA)) < 5 * sigma),
    `estimates ${a} near ${Math.cos(THETA)}`,
  );
  const g = tf.grad((wi: tf.Tensor) => tf.sum(make(1).run(tf.zeros([1, 0]), [wi])))(w)
    .arraySync() as number[];
  ok(Math.abs(g[0]! + Math.sin(THETA)) < FLOAT32_TOLERANCE, `gradient ${g[0]} is -sin(theta)`);
});
