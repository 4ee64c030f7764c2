// var, sample and counts: closed forms, the float64 references, seeds, shots and gradients.
import * as tf from "@tensorflow/tfjs";
import { deepEqual, equal, ok, throws } from "node:assert/strict";
import { Circuit, float64DensityRun, float64Run } from "../../lib/quantum/mod.ts";
import {
  assertCentralDifferences,
  circuitGradients,
  FLOAT32_TOLERANCE,
  maxDiff,
  randomMatrix,
  rng,
  useBackend,
  values,
} from "./_helpers.ts";

/** Shots of the sampling tests, and the frequency error allowed (over 5 standard errors). */
const SHOTS = 20000;
const SAMPLING_TOLERANCE = 0.02;

const EMPTY = () => tf.zeros([1, 0]) as tf.Tensor2D;

Deno.test("var() gives 1 - <P>^2: sin^2 theta for Z after RY(theta), 1 for X on |0>", async () => {
  await useBackend();
  for (const theta of [0, 0.3, 1.2, Math.PI / 2, 2.5]) {
    const c = new Circuit(1).ry(0, theta).var("Z").var("X").expval("Z");
    const [vz, vx, ez] = values(() => c.run(EMPTY(), []))[0]!;
    ok(Math.abs(vz! - Math.sin(theta) ** 2) < FLOAT32_TOLERANCE, `theta=${theta}: ${vz}`);
    ok(Math.abs(vx! - Math.cos(theta) ** 2) < FLOAT32_TOLERANCE);
    ok(Math.abs(ez! - Math.cos(theta)) < FLOAT32_TOLERANCE);
  }
});

Deno.test("var() agrees with the float64 reference and has central-difference gradients", async () => {
  await useBackend();
  const random = rng(2);
  const c = new Circuit(3).amplitudeEmbedding({ normalize: true }).stronglyEntanglingLayers(2)
    .var("Z").var("Y", { wires: [1] }).expval("X", { wires: [2] });
  const inputs = randomMatrix(random, 2, 8);
  const weights = [randomMatrix(random, 1, 18, -3, 3)[0]!];
  const out = values(() => c.run(tf.tensor2d(inputs), [tf.tensor(weights[0]!, [2, 3, 3])]));
  inputs.forEach((x, r) =>
    ok(maxDiff(out[r]!, float64Run(c.compiled, x, weights)) < FLOAT32_TOLERANCE)
  );
  const coef = [0.3, -0.2, 0.5, 0.7, -0.4];
  assertCentralDifferences(
    c,
    { inputs, weights, coef },
    circuitGradients(c, inputs, weights, coef),
    "var ",
  );
});

Deno.test("var() with noise equals the density reference", async () => {
  await useBackend();
  const c = new Circuit(2).hadamard(0).cnot(0, 1).depolarizing(1, 0.2).var("X").var("Z");
  const out = values(() => c.run(EMPTY(), []))[0]!;
  ok(maxDiff(out, float64DensityRun(c.compiled, [], [])) < FLOAT32_TOLERANCE);
});

Deno.test("var() with shots estimates 1 - mean^2 from seeded samples", async () => {
  await useBackend();
  const theta = 1.1;
  const c = new Circuit(1).ry(0, theta).var("Z").withShots(SHOTS, { seed: 3 });
  const [v] = values(() => c.run(EMPTY(), []))[0]!;
  ok(Math.abs(v! - Math.sin(theta) ** 2) < 2 * SAMPLING_TOLERANCE, `${v}`);
  ok(v !== Math.fround(Math.sin(theta) ** 2), "a shot estimate, not the exact value");
});

Deno.test("Circuit.sample() draws seeded bits in the given wire order", async () => {
  await useBackend();
  // |10> (wire 0 set): samples of wires [0, 1] are [1, 0], of [1, 0] are [0, 1].
  const c = new Circuit(2).pauliX(0).expval("Z");
  deepEqual(c.sample(EMPTY(), [], { shots: 3 }), [[[1, 0], [1, 0], [1, 0]]]);
  deepEqual(c.sample(EMPTY(), [], { shots: 2, wires: [1, 0] }), [[[0, 1], [0, 1]]]);
  const bell = new Circuit(2).hadamard(0).cnot(0, 1);
  const a = bell.sample(EMPTY(), [], { shots: 50, seed: 7 });
  deepEqual(bell.sample(EMPTY(), [], { shots: 50, seed: 7 }), a);
  ok(a[0]!.every(([x, y]) => x === y), "Bell samples agree on both wires");
  ok(new Set(a[0]!.map((r) => r.join(""))).size === 2, "both outcomes appear in 50 shots");
  ok(JSON.stringify(bell.sample(EMPTY(), [], { shots: 50, seed: 8 })) !== JSON.stringify(a));
});

Deno.test("Circuit.counts() frequencies match the probabilities, per batch row", async () => {
  await useBackend();
  const thetas = [0.4, 2.0];
  const c = new Circuit(2).angleEmbedding({ rotation: "Y" }).cnot(0, 1);
  const counts = c.counts(tf.tensor2d([[thetas[0]!, 0], [thetas[1]!, 0]]), [], {
    shots: SHOTS,
    seed: 1,
  });
  equal(counts.length, 2);
  counts.forEach((row, r) => {
    const p1 = Math.sin(thetas[r]! / 2) ** 2;
    deepEqual(Object.keys(row).sort(), ["00", "11"]);
    equal(Object.values(row).reduce((a, b) => a + b, 0), SHOTS);
    ok(
      Math.abs(row["11"]! / SHOTS - p1) < SAMPLING_TOLERANCE,
      `row ${r}: ${row["11"]! / SHOTS} vs ${p1}`,
    );
  });
});

Deno.test("Circuit.counts() samples the density matrix of noisy circuits", async () => {
  await useBackend();
  const p = 0.25;
  const [row] = new Circuit(1).bitFlip(0, p).counts(EMPTY(), [], { shots: SHOTS, seed: 2 });
  ok(Math.abs(row!["1"]! / SHOTS - p) < SAMPLING_TOLERANCE, JSON.stringify(row));
});

Deno.test("Circuit.sample() validates shots and wires", () => {
  const c = new Circuit(2).hadamard(0);
  throws(() => c.sample(EMPTY(), [], { shots: 0 }), {
    name: "RangeError",
    message: "Expected shots to be a positive integer but found 0: pass e.g. 1000",
  });
  throws(() => c.sample(EMPTY(), [], { shots: 1, wires: [2] }), RangeError);
});

Deno.test("var() round-trips through JSON and draws as Var[Z]", () => {
  const c = new Circuit(2).hadamard(0).var("Z", { wires: [1] });
  deepEqual(Circuit.fromJSON(c.toJSON()).toJSON(), c.toJSON());
  ok(c.draw().includes("Var[Z]"), c.draw());
  throws(() => new Circuit(1).var("W" as "Z"), TypeError);
});
