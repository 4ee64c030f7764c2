import assert from "node:assert/strict";
import { robustness } from "../../lib/attacks/mod.ts";
import { loadDataset } from "../../lib/data/mod.ts";
import { buildModel, featureLayerName, specFor } from "../../lib/models/mod.ts";
import { PAPER_SPECS } from "../../lib/models/parameter_table.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";
import { evaluate, extractFeatures, fit } from "../../lib/train/mod.ts";

const KINDS = ["classical", "hybrid", "control"] as const;

function inUnitRange(value: number, what: string): void {
  if (!(value >= 0 && value <= 1)) throw new Error(`${what} = ${value} is outside [0, 1]`);
}

Deno.test("fit() trains every model kind for one epoch on a small MNIST subset", async () => {
  await setupRuntime({ backend: "wasm", seed: 1 });
  const data = await loadDataset("mnist", { sizes: { train: 256, val: 64, test: 64 }, seed: 1 });
  const spec = specFor(data);
  for (const kind of KINDS) {
    const model = buildModel(kind, spec, { seed: 1 });
    const { history, samples, trainSeconds } = await fit(model, data, {
      epochs: 1,
      classes: 10,
      seed: 1,
    });
    assert.equal(history.length, 1, kind);
    const r = history[0]!;
    assert.equal(r.epoch, 1);
    for (
      const key of ["trainAccuracy", "valAccuracy", "valPrecision", "valRecall", "valF1"] as const
    ) {
      inUnitRange(r[key], `${kind} ${key}`);
    }
    // cross-entropy of 10 classes starts near ln 10 = 2.3; one epoch must not blow it up
    if (!(r.trainLoss > 0 && r.trainLoss < 3 && Number.isFinite(r.valLoss))) {
      throw new Error(`${kind}: implausible losses ${r.trainLoss}, ${r.valLoss}`);
    }
    if (!(samples.length >= 1 && trainSeconds >= r.seconds)) {
      throw new Error(`${kind}: no samples or time`);
    }
    const test = evaluate(model, data.test, { classes: 10 });
    assert.equal(test.predictions.length, 64);
    assert.equal(test.metrics.confusion.flat().reduce((a, b) => a + b, 0), 64);
    const features = extractFeatures(model, data.test, [0, 1, 2]);
    const width = { classical: 128, hybrid: 4, control: 4 }[kind];
    assert.deepEqual(features.map((f) => f.length), [width, width, width], featureLayerName(model));
    const robust = robustness(model, data.test, {
      count: 16,
      epsilons: [0, 0.1],
      pgd: { steps: 2 },
    });
    inUnitRange(robust.fgsmAccuracy, `${kind} fgsm`);
    inUnitRange(robust.pgdAccuracy!, `${kind} pgd`);
    model.dispose();
  }
});

Deno.test("fit() takes a step with every model on CIFAR-100- and STL-10-shaped images", async () => {
  await setupRuntime({ backend: "wasm", seed: 1 });
  for (const name of ["cifar100", "stl10"] as const) {
    const spec = PAPER_SPECS[name];
    const pixels = spec.height * spec.width * spec.channels;
    const split = (count: number, offset: number) => ({
      images: Uint8Array.from({ length: count * pixels }, (_, i) => (i * 37 + offset) % 256),
      labels: Uint8Array.from({ length: count }, (_, i) => i % spec.classes),
      count,
      height: spec.height,
      width: spec.width,
      channels: spec.channels,
    });
    for (const kind of KINDS) {
      const model = buildModel(kind, spec, { seed: 1 });
      const before = model.getWeights().map((w) => w.dataSync().slice());
      const { history } = await fit(model, { train: split(32, 0), val: split(16, 5) }, {
        epochs: 1,
        classes: spec.classes,
        seed: 1,
        batchSize: 32,
      });
      if (!Number.isFinite(history[0]!.trainLoss)) {
        throw new Error(`${name} ${kind}: loss not finite`);
      }
      const moved = model.getWeights().every((w, i) =>
        w.dataSync().some((v, k) => v !== before[i]![k])
      );
      assert.ok(moved, `${name} ${kind}: some weight block did not change after a step`);
      model.dispose();
    }
  }
});
