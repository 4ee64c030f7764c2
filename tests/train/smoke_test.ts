import assert from "node:assert/strict";
import { robustness } from "../../lib/attacks/mod.ts";
import { loadDataset } from "../../lib/data/mod.ts";
import { buildModel, featureLayerName, specFor } from "../../lib/models/mod.ts";
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
