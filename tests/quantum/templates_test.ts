// Templates: PennyLane's documented examples, CNOT patterns, weight shapes, validation.
import * as tf from "@tensorflow/tfjs";
import { deepEqual, ok, throws } from "node:assert/strict";
import { Circuit } from "../../lib/quantum/mod.ts";
import type { GateOp } from "../../lib/quantum/ops.ts";
import { FLOAT32_TOLERANCE, maxDiff, useBackend, values } from "./_helpers.ts";

function cnots(c: Circuit): number[][] {
  return c.compiled.ops.filter((o): o is GateOp => o.kind === "gate" && o.name === "CNOT").map((
    o,
  ) => o.wires);
}

Deno.test("basicEntanglerLayers() reproduces PennyLane's all-pi examples on 2 and 3 wires", async () => {
  await useBackend();
  // RX(pi)|0> = -i|1>, so after the rotations the state is |1...1> up to phase.
  // 2 wires: CNOT(0,1) maps |11> to |10>: <Z> = [-1, 1].
  // 3 wires: CNOT(0,1) |111> -> |101>, CNOT(1,2) leaves it, CNOT(2,0) -> |001>: <Z> = [1, 1, -1]
  // (PennyLane's documented output for weights [[pi, pi, pi]]).
  for (const [n, expected] of [[2, [-1, 1]], [3, [1, 1, -1]]] as const) {
    const c = new Circuit(n).basicEntanglerLayers(1).expval("Z");
    const out = values(() => c.run(tf.zeros([1, 0]), [tf.fill([1, n], Math.PI)]))[0]!;
    ok(
      maxDiff(out, [...expected]) < FLOAT32_TOLERANCE,
      `${n} wires: expected ${expected} but found ${out}`,
    );
  }
});

Deno.test("basicEntanglerLayers() uses PennyLane's CNOT pattern for 1, 2 and more wires", () => {
  deepEqual(cnots(new Circuit(1).basicEntanglerLayers(2)), []);
  deepEqual(cnots(new Circuit(2).basicEntanglerLayers(2)), [[0, 1], [0, 1]]);
  deepEqual(cnots(new Circuit(4).basicEntanglerLayers(1)), [[0, 1], [1, 2], [2, 3], [3, 0]]);
  deepEqual(cnots(new Circuit(5).basicEntanglerLayers(1, { wires: [4, 1, 2] })), [[4, 1], [1, 2], [
    2,
    4,
  ]]);
});

Deno.test("basicEntanglerLayers() on one wire is RX per layer", async () => {
  await useBackend();
  const c = new Circuit(1).basicEntanglerLayers(2).expval("Z");
  const out = values(() => c.run(tf.zeros([1, 0]), [tf.tensor2d([[0.3], [0.5]])]))[0]!;
  ok(Math.abs(out[0]! - Math.cos(0.8)) < FLOAT32_TOLERANCE);
});

Deno.test("basicEntanglerLayers() applies the chosen rotation", () => {
  const names = (r: "RX" | "RY" | "RZ") =>
    new Set(
      new Circuit(3).basicEntanglerLayers(1, { rotation: r }).compiled.ops.flatMap((
        o,
      ) => (o.kind === "gate" && o.name !== "CNOT" ? [o.name] : [])),
    );
  deepEqual([...names("RY")], ["RY"]);
  deepEqual([...names("RZ")], ["RZ"]);
});

Deno.test("stronglyEntanglingLayers() uses default ranges (l mod (n-1)) + 1", () => {
  const c = new Circuit(4).stronglyEntanglingLayers(3);
  deepEqual(c.weightShapes(), [[3, 4, 3]]);
  const ring = (r: number) => [0, 1, 2, 3].map((i) => [i, (i + r) % 4]);
  deepEqual(cnots(c), [...ring(1), ...ring(2), ...ring(3)]);
  deepEqual(cnots(new Circuit(3).stronglyEntanglingLayers(2, { ranges: [2, 1] })), [
    [0, 2],
    [1, 0],
    [2, 1],
    [0, 1],
    [1, 2],
    [2, 0],
  ]);
  deepEqual(cnots(new Circuit(1).stronglyEntanglingLayers(2)), []);
});

Deno.test("stronglyEntanglingLayers() rejects ranges PennyLane rejects", () => {
  throws(() => new Circuit(3).stronglyEntanglingLayers(2, { ranges: [1] }), {
    name: "RangeError",
    message: "Range sequence must be of length 2 but found 1: pass one range per layer",
  });
  throws(() => new Circuit(3).stronglyEntanglingLayers(1, { ranges: [3] }), {
    name: "RangeError",
    message:
      "Ranges must not be zero nor divisible by the number of wires (3) but found 3: use ranges in 1..2",
  });
});

Deno.test("weightShapes() lists one shape per trainable block in order", () => {
  const c = new Circuit(3).angleEmbedding().rx(0).basicEntanglerLayers(2).rot(1).cnot(0, 1)
    .stronglyEntanglingLayers(1).crz(0, 2, 0.5);
  deepEqual(c.weightShapes(), [[1], [2, 3], [3], [1, 3, 3]]);
  deepEqual([c.inputSize, c.outputSize], [3, 0]);
});
