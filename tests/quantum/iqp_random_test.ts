// IQPEmbedding and RandomLayers: PennyLane's decomposition, closed forms, quantum-circuit,
// gradients, seeds.
import * as tf from "@tensorflow/tfjs";
import { deepEqual, equal, notDeepEqual, ok, throws } from "node:assert/strict";
import { Circuit, float64Run } from "../../lib/quantum/mod.ts";
import type { GateOp } from "../../lib/quantum/ops.ts";
import { paramValue } from "../../lib/quantum/float64_simulator.ts";
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
import { peerFromCompiled, peerProbabilities } from "./_peer.ts";

/** The compiled gates as (name, wires, values) for one input row. */
function decomposition(c: Circuit, input: number[], weights: number[][] = []) {
  return (c.compiled.ops as GateOp[]).map((o) => [
    o.name,
    o.wires,
    o.params.map((p) => paramValue(p, input, weights)),
  ]);
}

Deno.test("iqpEmbedding() decomposes as PennyLane's documented example", () => {
  // PennyLane: features [1, 2, 3], wires [0, 1, 2], pattern (0,1), (0,2), (1,2): H, RZ per wire,
  // then MultiRZ(2) on [0, 1], MultiRZ(3) on [0, 2], MultiRZ(6) on [1, 2].
  const c = new Circuit(3).iqpEmbedding();
  deepEqual(decomposition(c, [1, 2, 3]), [
    ["Hadamard", [0], []],
    ["RZ", [0], [1]],
    ["Hadamard", [1], []],
    ["RZ", [1], [2]],
    ["Hadamard", [2], []],
    ["RZ", [2], [3]],
    ["MultiRZ", [0, 1], [2]],
    ["MultiRZ", [0, 2], [3]],
    ["MultiRZ", [1, 2], [6]],
  ]);
  equal(c.inputSize, 3);
  equal(new Circuit(3).iqpEmbedding({ repeats: 2 }).compiled.ops.length, 18);
});

Deno.test("iqpEmbedding() on wires [2, 0, 1] applies feature i to wires[i] as PennyLane", () => {
  const c = new Circuit(3).iqpEmbedding({ wires: [2, 0, 1] });
  const ops = decomposition(c, [1, 2, 3]).filter(([n]) => n !== "Hadamard");
  deepEqual(ops, [
    ["RZ", [2], [1]],
    ["RZ", [0], [2]],
    ["RZ", [1], [3]],
    ["MultiRZ", [2, 0], [2]],
    ["MultiRZ", [2, 1], [3]],
    ["MultiRZ", [0, 1], [6]],
  ]);
});

Deno.test("iqpEmbedding() on one wire gives <X> = cos x and <Y> = sin x", async () => {
  await useBackend();
  const xs = [[0.3], [1.7], [-2.2]];
  const out = values(() =>
    new Circuit(1).iqpEmbedding().expval("X").expval("Y").run(tf.tensor2d(xs), [])
  );
  xs.forEach(([x], r) => ok(maxDiff(out[r]!, [Math.cos(x!), Math.sin(x!)]) < FLOAT32_TOLERANCE));
});

Deno.test("iqpEmbedding() agrees with quantum-circuit and has input gradients", async () => {
  await useBackend();
  const random = rng(13);
  const c = new Circuit(3).iqpEmbedding({ repeats: 2, pattern: [[1, 2], [0, 2]] }).rx(1).probs();
  const inputs = randomMatrix(random, 3, 3, -2, 2);
  const weights = [[0.7]];
  const out = values(() => c.run(tf.tensor2d(inputs), [tf.tensor1d(weights[0]!)]));
  inputs.forEach((x, r) => {
    const probs = peerProbabilities(peerFromCompiled(c.compiled, x, weights), 3);
    ok(maxDiff(out[r]!, probs) < FLOAT32_TOLERANCE, `row ${r}`);
  });
  const coef = Array.from({ length: 8 }, (_, i) => i - 3.5);
  assertCentralDifferences(
    c,
    { inputs, weights, coef },
    circuitGradients(c, inputs, weights, coef),
    "iqp ",
  );
});

Deno.test("iqpEmbedding() validates its pattern", () => {
  throws(() => new Circuit(3).iqpEmbedding({ wires: [0, 1], pattern: [[0, 2]] }), {
    name: "RangeError",
    message:
      "Expected IQPEmbedding pattern wires among [0, 1] but found 2: use the embedding's wires",
  });
  throws(() => new Circuit(3).iqpEmbedding({ pattern: [[0, 0]] }), RangeError);
  throws(() => new Circuit(3).iqpEmbedding({ repeats: 0 }), RangeError);
});

Deno.test("angleEmbedding({ offset }) re-uploads the same features", async () => {
  await useBackend();
  // RX(x) twice on |0> is RX(2x): <Z> = cos 2x.
  const c = new Circuit(2).angleEmbedding().angleEmbedding({ offset: 0 }).expval("Z");
  equal(c.inputSize, 2);
  const out = values(() => c.run(tf.tensor2d([[0.4, 1.3]]), []))[0]!;
  ok(maxDiff(out, [Math.cos(0.8), Math.cos(2.6)]) < FLOAT32_TOLERANCE);
  throws(() => new Circuit(1).angleEmbedding({ offset: -1 }), RangeError);
});

Deno.test("randomLayers() places each weight once, with the seed fixing the architecture", () => {
  const c = new Circuit(4).randomLayers(3, 5, { seed: 7 });
  deepEqual(c.weightShapes(), [[3, 5]]);
  const ops = c.compiled.ops as GateOp[];
  const indices = ops.flatMap((o) => o.params.map((p) => (p.kind === "weight" ? p.index : -1)));
  deepEqual(indices.sort((a, b) => a - b), [...Array(15).keys()]);
  ok(ops.every((o) => ["RX", "RY", "RZ", "CNOT"].includes(o.name)));
  ok(ops.filter((o) => o.name === "CNOT").every((o) => o.wires[0] !== o.wires[1]));
  deepEqual(new Circuit(4).randomLayers(3, 5, { seed: 7 }).compiled.ops, c.compiled.ops);
  notDeepEqual(new Circuit(4).randomLayers(3, 5, { seed: 8 }).compiled.ops, c.compiled.ops);
  deepEqual(Circuit.fromJSON(c.toJSON()).compiled.ops, c.compiled.ops);
});

Deno.test("randomLayers() follows PennyLane's rules for ratios, gates and one wire", () => {
  const none = new Circuit(3).randomLayers(2, 20, { ratioImprim: 0 }).compiled.ops as GateOp[];
  ok(none.every((o) => o.name !== "CNOT"), "ratio 0: no CNOTs");
  const ry = new Circuit(3).randomLayers(1, 20, { gates: ["RY"] }).compiled.ops as GateOp[];
  ok(ry.every((o) => o.name === "RY" || o.name === "CNOT"));
  const one = new Circuit(1).randomLayers(1, 10, { ratioImprim: 0.5 }).compiled.ops as GateOp[];
  ok(one.length === 10 && one.every((o) => o.name !== "CNOT"), "one wire: rotations only");
  // ratio 0.3: CNOTs per rotation = 0.3 / 0.7 in expectation.
  const many = new Circuit(4).randomLayers(1, 3000).compiled.ops as GateOp[];
  const ratio = many.filter((o) => o.name === "CNOT").length / 3000;
  ok(Math.abs(ratio - 0.3 / 0.7) < 0.05, `${ratio}`);
  throws(() => new Circuit(2).randomLayers(1, 2, { ratioImprim: 1 }), RangeError);
  throws(() => new Circuit(2).randomLayers(1, 2, { gates: ["RW" as "RX"] }), TypeError);
});

Deno.test("randomLayers() agrees with quantum-circuit and has weight gradients", async () => {
  await useBackend();
  const random = rng(17);
  const c = new Circuit(3).angleEmbedding().randomLayers(2, 4, { seed: 3 }).expval("Z");
  const inputs = randomMatrix(random, 2, 3, -2, 2);
  const weights = [randomMatrix(random, 1, 8, -3, 3)[0]!];
  const out = values(() => c.run(tf.tensor2d(inputs), [tf.tensor(weights[0]!, [2, 4])]));
  inputs.forEach((x, r) => {
    const p = peerProbabilities(peerFromCompiled(c.compiled, x, weights), 3);
    const z = [0, 1, 2].map((w) => p.reduce((a, v, i) => a + ((i >> (2 - w)) & 1 ? -v : v), 0));
    ok(maxDiff(out[r]!, z) < FLOAT32_TOLERANCE);
    ok(maxDiff(out[r]!, float64Run(c.compiled, x, weights)) < FLOAT32_TOLERANCE);
  });
  const coef = [1, -0.5, 0.25];
  assertCentralDifferences(
    c,
    { inputs, weights, coef },
    circuitGradients(c, inputs, weights, coef),
    "random ",
  );
});
