// Circuit: batching, validation messages, JSON round trip, the paper circuit.
import * as tf from "@tensorflow/tfjs";
import { deepEqual, ok, throws } from "node:assert/strict";
import { Circuit, float64Run, MAX_WIRES, paperCircuit } from "../../lib/quantum/mod.ts";
import { FLOAT32_TOLERANCE, maxDiff, randomMatrix, rng, useBackend, values } from "./_helpers.ts";

/** Batched and per-row runs do the same float32 arithmetic up to summation order. */
const BATCH_TOLERANCE = 1e-6;

Deno.test("Circuit.run() on a batch equals running each row alone", async () => {
  await useBackend();
  const random = rng(2);
  const c = new Circuit(3).amplitudeEmbedding({ normalize: true }).angleEmbedding({
    rotation: "Z",
    wires: [1],
  })
    .stronglyEntanglingLayers(2).crx(0, 2).expval("Z").probs({ wires: [1] });
  const x = randomMatrix(random, 9, c.inputSize);
  const w = c.weightShapes().map((s) => tf.randomUniform(s, 0, 2 * Math.PI, "float32", 4));
  const batch = values(() => c.run(tf.tensor2d(x), w));
  x.forEach((row, i) => {
    const single = values(() => c.run(tf.tensor2d([row]), w))[0]!;
    ok(maxDiff(single, batch[i]!) < BATCH_TOLERANCE, `row ${i}`);
  });
});

Deno.test("Circuit.run() disposes every intermediate tensor", async () => {
  await useBackend();
  const c = paperCircuit();
  const x = tf.randomNormal([4, 16]) as tf.Tensor2D;
  const w = tf.randomUniform([2, 4]);
  const before = tf.memory().numTensors;
  const y = c.run(x, [w]);
  deepEqual(tf.memory().numTensors, before + 1);
  y.dispose();
});

Deno.test("Circuit.run() measures 10 wires like the float64 reference", async () => {
  await useBackend();
  const random = rng(12);
  const x = randomMatrix(random, 2, 2 ** 10);
  const plain = new Circuit(10).amplitudeEmbedding({ normalize: true }).expval("Z");
  const mixed = new Circuit(10).amplitudeEmbedding({ normalize: true }).basicEntanglerLayers(1)
    .crx(9, 0).expval("Z", { wires: [9, 0, 4, 5] }).expval("X", { wires: [7] });
  for (const c of [plain, mixed]) {
    const w = c.weightShapes().map((s) =>
      randomMatrix(random, 1, s.reduce((a, b) => a * b, 1))[0]!
    );
    const out = values(() =>
      c.run(tf.tensor2d(x), w.map((v, i) => tf.tensor(v, c.weightShapes()[i])))
    );
    const ref = x.map((row) => float64Run(c.compiled, row, w));
    ok(maxDiff(out, ref) < FLOAT32_TOLERANCE, `max difference ${maxDiff(out, ref)}`);
  }
});

Deno.test("paperCircuit() is 4 wires, amplitude embedding, 2 RX entangler layers, Z on each wire", () => {
  const c = paperCircuit();
  deepEqual([c.wires, c.inputSize, c.outputSize], [4, 16, 4]);
  deepEqual(c.weightShapes(), [[2, 4]]);
  deepEqual(c.toJSON().steps, [
    { type: "amplitudeEmbedding", normalize: true, padWith: null, features: 16 },
    { type: "basicEntanglerLayers", layers: 2, rotation: "RX", wires: [0, 1, 2, 3] },
  ]);
});

Deno.test("Circuit.fromJSON() rebuilds a circuit with equal JSON and outputs", async () => {
  await useBackend();
  const c = new Circuit(3).amplitudeEmbedding({ normalize: true, padWith: 0, features: 5 }).rot(1)
    .cnot(1, 2)
    .stronglyEntanglingLayers(1, { ranges: [2] }).crz(0, 1, 0.25).expvalPauli("XY", {
      wires: [2, 0],
    }).probs().withShots(100, { seed: 3 });
  const json = JSON.parse(JSON.stringify(c.toJSON()));
  const back = Circuit.fromJSON(json);
  deepEqual(back.toJSON(), c.toJSON());
  const x = tf.randomNormal([2, 5]) as tf.Tensor2D;
  const w = c.weightShapes().map((s) => tf.randomNormal(s));
  deepEqual(values(() => back.run(x, w)), values(() => c.run(x, w)));
  throws(() => Circuit.fromJSON({ format: "other" }), { name: "TypeError" });
});

Deno.test("amplitudeEmbedding() rejects feature counts as PennyLane does", () => {
  throws(() => new Circuit(2).amplitudeEmbedding({ features: 3 }), {
    name: "RangeError",
    message: "Features must be of length 4 but found 3: pass padWith to pad",
  });
  throws(() => new Circuit(2).amplitudeEmbedding({ features: 5, padWith: 0 }), {
    name: "RangeError",
    message: "Features must be of length 4 or fewer but found 5: use more wires",
  });
  throws(() => new Circuit(2).rx(0).amplitudeEmbedding(), {
    name: "RangeError",
    message:
      "Expected amplitudeEmbedding as the first operation but found 1 before it: move it to the start",
  });
});

Deno.test("Circuit.run() rejects unnormalised features without normalize", async () => {
  await useBackend();
  const c = new Circuit(1).amplitudeEmbedding().expval("Z");
  throws(() => c.run(tf.tensor2d([[0.6, 0.8], [1, 1]]), []), {
    name: "RangeError",
    message:
      `Features must be a vector of norm 1 but found norm ${Math.SQRT2} in row 1: pass normalize: true or normalize the features`,
  });
  const z = values(() => c.run(tf.tensor2d([[0.6, 0.8]]), []))[0]![0]!;
  ok(Math.abs(z - (0.6 ** 2 - 0.8 ** 2)) < BATCH_TOLERANCE * 10, `<Z> ${z}`);
});

Deno.test("Circuit.run() rejects wrong input widths and weight shapes", () => {
  const c = paperCircuit();
  throws(() => c.run(tf.zeros([2, 12]) as tf.Tensor2D, [tf.zeros([2, 4])]), {
    name: "RangeError",
    message: "Expected inputs of width 16 but found 12: pass [batch, 16] features",
  });
  throws(() => c.run(tf.zeros([2, 16]) as tf.Tensor2D, [tf.zeros([3, 4])]), {
    name: "RangeError",
    message:
      "Expected weights[0] of shape [2, 4] but found [3, 4]: pass tensors shaped as circuit.weightShapes()",
  });
  throws(() => c.run(tf.zeros([2, 16]) as tf.Tensor2D, []), {
    name: "RangeError",
    message:
      "Expected 1 weight tensors but found 0 tensors: pass one tensor per circuit.weightShapes() entry",
  });
  throws(() => c.run(tf.zeros([16]) as unknown as tf.Tensor2D, [tf.zeros([2, 4])]), {
    name: "TypeError",
  });
  throws(() => new Circuit(2).rx(0, 1).run(tf.zeros([1, 0]) as tf.Tensor2D, []), {
    name: "RangeError",
    message:
      "Expected at least one measurement but found none: call expval() or probs() on the circuit",
  });
});

Deno.test("Circuit builders reject bad wires, gates and counts", () => {
  throws(() => new Circuit(0), {
    name: "RangeError",
    message:
      `Expected a wire count in 1..${MAX_WIRES} but found 0: pass an integer number of wires`,
  });
  throws(() => new Circuit(2).cnot(0, 2), {
    name: "RangeError",
    message: "Expected CNOT wires in 0..1 but found 2: use wire indices below 2",
  });
  throws(() => new Circuit(2).cnot(1, 1), {
    name: "RangeError",
    message: "Expected distinct CNOT wires but found [1, 1]: list each wire once",
  });
  throws(() => new Circuit(2).gate("RX", [0], [1, 2]), {
    name: "RangeError",
    message: "Expected 1 parameters for RX but found 2: pass 1",
  });
  throws(() => new Circuit(2).gate("Toffoli" as "RX", [0]), { name: "TypeError" });
  throws(() => new Circuit(2).basicEntanglerLayers(0), {
    name: "RangeError",
    message:
      "Expected BasicEntanglerLayers layers to be a positive integer but found 0: pass 1 or more",
  });
  throws(() => new Circuit(2).expvalPauli("XQ"), { name: "TypeError" });
});

Deno.test("basisEmbedding() rejects non-binary inputs", async () => {
  await useBackend();
  const c = new Circuit(2).basisEmbedding().expval("Z");
  throws(() => c.run(tf.tensor2d([[1, 0], [0, 2]]), []), {
    name: "RangeError",
    message: "Basis state must only consist of 0s and 1s but found 2 at row 1: pass bits",
  });
});
