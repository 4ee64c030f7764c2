import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { circuitCost } from "../../lib/notebook/circuit_cost.ts";
import { Circuit, paperCircuit } from "../../lib/quantum/mod.ts";

await tf.setBackend("cpu");

Deno.test("circuitCost() reports the paper circuit's sizes and finite timings", async () => {
  const circuit = paperCircuit();
  await circuitCost(circuit, { batch: 4, repeats: 1 }); // the simulator may cache constants once
  const before = tf.memory().numTensors;
  const cost = await circuitCost(circuit, { batch: 4, repeats: 1 });
  assert.deepEqual(
    { ...cost, forwardMs: 0, gradientMs: 0 },
    {
      wires: 4,
      inputs: 16,
      outputs: 4,
      parameters: 8,
      stateSize: 16,
      batch: 4,
      forwardMs: 0,
      gradientMs: 0,
    },
  );
  assert.ok(Number.isFinite(cost.forwardMs) && cost.forwardMs >= 0);
  assert.ok(Number.isFinite(cost.gradientMs) && cost.gradientMs >= 0);
  assert.equal(tf.memory().numTensors, before);
});

Deno.test("circuitCost() counts StronglyEntanglingLayers weights as layers x wires x 3", async () => {
  const wide = new Circuit(3).angleEmbedding({ rotation: "Y" }).stronglyEntanglingLayers(2)
    .expval("Z");
  const cost = await circuitCost(wide, { batch: 2, repeats: 1 });
  assert.equal(cost.parameters, 2 * 3 * 3);
  assert.equal(cost.inputs, 3);
  assert.equal(cost.stateSize, 8);
});

Deno.test("circuitCost() rejects a batch that is not a positive whole number", async () => {
  await assert.rejects(
    () => circuitCost(paperCircuit(), { batch: 0 }),
    (error: unknown) => error instanceof RangeError && /batch/.test(error.message),
  );
});
