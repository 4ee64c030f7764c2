// QuantumLayer: shapes, initialisation, training signal, serialisation round trip.
import * as tf from "@tensorflow/tfjs";
import { deepEqual, ok, throws } from "node:assert/strict";
import { Circuit, paperCircuit, QuantumLayer } from "../../lib/quantum/mod.ts";
import { useBackend } from "./_helpers.ts";

function hybrid(seed: number): tf.Sequential {
  const model = tf.sequential();
  model.add(
    tf.layers.dense({
      units: 16,
      inputShape: [6],
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
    }),
  );
  model.add(new QuantumLayer({ circuit: paperCircuit(), seed, name: "quantum" }));
  model.add(
    tf.layers.dense({
      units: 3,
      activation: "softmax",
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
    }),
  );
  return model;
}

Deno.test("QuantumLayer maps [batch, 16] to [batch, 4] with weights uniform in [0, 2pi)", async () => {
  await useBackend();
  const layer = new QuantumLayer({ circuit: paperCircuit(), seed: 3 });
  const y = layer.apply(tf.randomNormal([5, 16])) as tf.Tensor;
  deepEqual(y.shape, [5, 4]);
  deepEqual(layer.computeOutputShape([null, 16]), [null, 4]);
  const w = layer.getWeights();
  deepEqual(w.map((t) => t.shape), [[2, 4]]);
  const v = w[0]!.dataSync();
  ok(v.every((x) => x >= 0 && x < 2 * Math.PI) && new Set(v).size === v.length, `weights ${v}`);
  throws(() => new QuantumLayer({ circuit: paperCircuit() }).apply(tf.zeros([1, 10])), {
    name: "RangeError",
    message:
      "Expected inputs with 16 features but found 10: add a Dense layer of 16 units before the QuantumLayer",
  });
});

Deno.test("QuantumLayer trains: a fit step changes its weights and input gradients flow", async () => {
  await useBackend();
  const model = hybrid(1);
  model.compile({ optimizer: tf.train.adam(0.05), loss: "sparseCategoricalCrossentropy" });
  const x = tf.randomNormal([8, 6], 0, 1, "float32", 9);
  const y = tf.tensor1d([0, 1, 2, 0, 1, 2, 0, 1]);
  const before = model.getLayer("quantum").getWeights()[0]!.dataSync().slice();
  await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
  const after = model.getLayer("quantum").getWeights()[0]!.dataSync();
  ok(after.some((v, i) => Math.abs(v - before[i]!) > 1e-4), "quantum weights moved");
  const gx = tf.grad((xi: tf.Tensor) => tf.sum(model.predict(xi) as tf.Tensor))(x);
  ok(
    gx.dataSync().every(Number.isFinite) && gx.dataSync().some((v) => v !== 0),
    "input gradients finite and non-zero",
  );
});

Deno.test("QuantumLayer round-trips through model save and load with identical outputs", async () => {
  await useBackend();
  const circuit = new Circuit(3).amplitudeEmbedding({ normalize: true, padWith: 0.25, features: 6 })
    .rot(0).crx(0, 2, 0.5)
    .stronglyEntanglingLayers(1, { ranges: [2] }).expvalPauli("XYZ").probs({ wires: [2] });
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 6, inputShape: [4] }));
  model.add(new QuantumLayer({ circuit, seed: 5, name: "quantum" }));
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler((artifacts) => {
    saved = artifacts;
    return Promise.resolve({
      modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" },
    });
  }));
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
  const x = tf.randomNormal([7, 4], 0, 1, "float32", 2);
  deepEqual(
    (loaded.predict(x) as tf.Tensor).arraySync(),
    (model.predict(x) as tf.Tensor).arraySync(),
  );
  const layer = loaded.getLayer("quantum") as QuantumLayer;
  ok(layer instanceof QuantumLayer);
  deepEqual(layer.circuit.toJSON(), circuit.toJSON());
  const config = layer.getConfig();
  deepEqual(Object.keys(config).filter((k) => k === "circuit" || k === "weightInitializer"), [
    "circuit",
    "weightInitializer",
  ]);
});
