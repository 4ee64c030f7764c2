import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { Circuit } from "../../lib/quantum/mod.ts";
import {
  buildModel,
  type DatasetSpec,
  featureLayerName,
  summarizeModel,
  trunkFor,
  TRUNKS,
} from "../../lib/models/mod.ts";
import { PAPER_SPECS } from "../../lib/models/parameter_table.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";

const MNIST: DatasetSpec = PAPER_SPECS.mnist;

/** Parameters of a trunk and heads from the closed forms conv: 9 c_in c_out + c_out, dense: n_in n_out + n_out. */
function expectedCount(
  spec: DatasetSpec,
  kind: "classical" | "hybrid" | "control" | "frozen",
  qIn = 16,
  qOut = 4,
  qWeights = 8,
) {
  let side = [spec.height, spec.width], channels = spec.channels, total = 0;
  for (const stage of trunkFor(spec)) {
    total += 9 * channels * stage.filters + stage.filters;
    channels = stage.filters;
    const strides = stage.strides ?? 1;
    side = side.map((s) =>
      stage.padding === "same" ? Math.ceil(s / strides) : Math.floor((s - 3) / strides) + 1
    );
    if (stage.pool) side = side.map((s) => Math.floor(s / 2));
  }
  const flat = side[0]! * side[1]! * channels;
  const dense = (i: number, o: number) => i * o + o;
  total += dense(flat, 128);
  if (kind === "classical") return total + dense(128, spec.classes);
  total += dense(128, qIn) + dense(qOut, spec.classes);
  return total + (kind === "control" ? dense(qIn, qOut) : qWeights);
}

Deno.test("buildModel() gives each kind the documented layers and closed-form parameter counts", async () => {
  await setupRuntime({ backend: "wasm" });
  for (const spec of Object.values(PAPER_SPECS)) {
    for (const kind of ["classical", "hybrid", "control", "frozen"] as const) {
      const model = buildModel(kind, spec, { seed: 1 });
      assert.deepEqual(model.outputs[0]!.shape, [null, spec.classes]);
      assert.deepEqual(model.inputs[0]!.shape, [null, spec.height, spec.width, spec.channels]);
      const summary = summarizeModel(model);
      assert.equal(summary.parameterCount, expectedCount(spec, kind), `${spec.name} ${kind}`);
      // the frozen hybrid trains everything but the circuit's 2 x 4 weights
      assert.equal(
        summary.trainableParameterCount,
        summary.parameterCount - (kind === "frozen" ? 8 : 0),
      );
      assert.equal(summary.layers[0]!.className, "PixelNormalization");
      assert.equal(summary.layers.at(-1)!.name, "classifier");
      assert.equal(
        featureLayerName(model),
        { classical: "hidden", hybrid: "quantum", control: "control", frozen: "quantum" }[kind],
      );
      model.dispose();
    }
  }
});

Deno.test("buildModel() is reproducible for a seed and differs between seeds", async () => {
  await setupRuntime({ backend: "wasm" });
  const flat = (m: tf.LayersModel) => m.getWeights().flatMap((w) => Array.from(w.dataSync()));
  const a = buildModel("hybrid", MNIST, { seed: 3 }), b = buildModel("hybrid", MNIST, { seed: 3 });
  const c = buildModel("hybrid", MNIST, { seed: 4 });
  assert.deepEqual(flat(a), flat(b));
  assert.notDeepEqual(flat(a), flat(c));
  const quantum = a.getLayer("quantum").getWeights()[0]!.dataSync();
  if (!quantum.every((w) => w >= 0 && w < 2 * Math.PI)) {
    throw new Error("circuit weights outside [0, 2 pi)");
  }
  [a, b, c].forEach((m) => m.dispose());
});

Deno.test("buildModel() accepts any circuit: the head widths follow it", async () => {
  await setupRuntime({ backend: "wasm" });
  const circuit = new Circuit(3).angleEmbedding({ rotation: "Y" }).basicEntanglerLayers(1, {
    rotation: "RX",
  })
    .expval("Z");
  const hybrid = buildModel("hybrid", MNIST, { circuit, seed: 1 });
  const control = buildModel("control", MNIST, { circuit, seed: 1 });
  assert.deepEqual(hybrid.getLayer("to_circuit").outputShape, [null, circuit.inputSize]);
  assert.deepEqual(hybrid.getLayer("quantum").outputShape, [null, circuit.outputSize]);
  assert.deepEqual(control.getLayer("control").outputShape, [null, circuit.outputSize]);
  const x = tf.randomUniform([2, 28, 28, 1], 0, 1, "float32", 1);
  const p = hybrid.predict(x) as tf.Tensor;
  const sums = p.sum(-1).dataSync();
  sums.forEach((s) => assert.ok(Math.abs(s - 1) < 1e-5, `row sums to ${s}`));
  tf.dispose([x, p]);
  hybrid.dispose();
  control.dispose();
});

Deno.test("buildModel() rejects an unknown kind and a bad spec", () => {
  assert.throws(() => buildModel("quantum" as "hybrid", MNIST), {
    name: "TypeError",
    message:
      'Expected a model kind of classical, hybrid, control, frozen but found "quantum": pick one of those',
  });
  assert.throws(() => buildModel("classical", { ...MNIST, classes: 1 }), {
    name: "RangeError",
    message: "Expected at least 2 classes but found 1: use specFor(dataset)",
  });
});

Deno.test("trunkFor() picks the trunk by name, else by image size", () => {
  assert.equal(trunkFor(PAPER_SPECS.stl10), TRUNKS.stl10);
  assert.equal(trunkFor({ ...MNIST, name: "fashion" }), TRUNKS.mnist);
  assert.equal(trunkFor({ ...PAPER_SPECS.cifar100, name: "svhn" }), TRUNKS.cifar100);
  assert.equal(
    trunkFor({ ...PAPER_SPECS.stl10, name: "imagenette", height: 160, width: 160 }),
    TRUNKS.stl10,
  );
});

Deno.test("buildModel() puts the same L2 normalisation in front of the control's dense layer", async () => {
  await setupRuntime({ backend: "wasm" });
  const control = buildModel("control", MNIST, { seed: 2 });
  const names = control.layers.map((l) => l.name);
  const at = names.indexOf("l2_normalize");
  assert.deepEqual(names.slice(at - 1, at + 2), ["to_circuit", "l2_normalize", "control"]);
  // Scale invariance, as the amplitude embedding: the control's output ignores the norm of its input.
  const head = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [16] })] });
  head.add(control.getLayer("l2_normalize"));
  head.add(control.getLayer("control"));
  const x = tf.randomNormal([3, 16], 0, 1, "float32", 5);
  const [a, b] = [head.predict(x) as tf.Tensor, head.predict(tf.mul(x, 7.5)) as tf.Tensor];
  const diff = tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!;
  assert.ok(diff < 1e-5, `scaled input changed the output by ${diff}`);
  tf.dispose([x, a, b]);
  control.dispose();
});

Deno.test("buildModel() gives the frozen hybrid the hybrid's initial circuit weights, not trainable", async () => {
  await setupRuntime({ backend: "wasm" });
  const hybrid = buildModel("hybrid", MNIST, { seed: 4 });
  const frozen = buildModel("frozen", MNIST, { seed: 4 });
  const circuit = (m: tf.LayersModel) =>
    Array.from(m.getLayer("quantum").getWeights()[0]!.dataSync());
  assert.deepEqual(circuit(frozen), circuit(hybrid));
  assert.equal(frozen.getLayer("quantum").trainable, false);
  assert.equal(frozen.trainableWeights.length, hybrid.trainableWeights.length - 1);
  hybrid.dispose();
  frozen.dispose();
});
