import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import {
  CheckpointError,
  fit,
  type FitOptions,
  loadCheckpoint,
  NonFiniteLossError,
  type Progress,
  TrainingInterruptedError,
} from "../../lib/train/mod.ts";
import { bandImages, flatWeights, tempDir, tinyModel } from "./_fixtures.ts";
import { useBackend } from "../_shared.ts";

const CLASSES = 4;
const train = bandImages(96, CLASSES, 1);
const val = bandImages(32, CLASSES, 2);
const BASE: FitOptions = {
  epochs: 3,
  classes: CLASSES,
  seed: 5,
  batchSize: 16,
  learningRate: 0.01,
};

/** Fields of an epoch record that depend only on the computation, not on the clock. */
function learningFields(
  history: { trainLoss: number; trainAccuracy: number; valLoss: number; valF1: number }[],
) {
  return history.map(({ trainLoss, trainAccuracy, valLoss, valF1 }) => ({
    trainLoss,
    trainAccuracy,
    valLoss,
    valF1,
  }));
}

Deno.test("fit() records one complete epoch record per epoch and learns", async () => {
  await useBackend("wasm", 1);
  const model = tinyModel(CLASSES);
  const events: Progress[] = [];
  const result = await fit(model, { train, val }, { ...BASE, onProgress: (p) => events.push(p) });
  assert.equal(result.history.length, 3);
  result.history.forEach((r, i) => {
    assert.equal(r.epoch, i + 1);
    for (
      const key of ["trainAccuracy", "valAccuracy", "valPrecision", "valRecall", "valF1"] as const
    ) {
      if (!(r[key] >= 0 && r[key] <= 1)) throw new Error(`${key} = ${r[key]} out of [0, 1]`);
    }
    if (!(r.seconds > 0 && r.rssMB > 0 && r.tensorMB > 0)) {
      throw new Error(`bad resources ${JSON.stringify(r)}`);
    }
    if (!(r.cpuProcessPercent >= 0 && r.cpuSystemPercent >= 0)) {
      throw new Error("negative CPU percent");
    }
  });
  const first = result.history[0]!, last = result.history[2]!;
  if (!(last.trainLoss < first.trainLoss)) {
    throw new Error(`loss did not fall: ${first.trainLoss} -> ${last.trainLoss}`);
  }
  assert.equal(events.filter((e) => e.kind === "batch").length, 3 * (96 / 16));
  assert.deepEqual(events.filter((e) => e.kind === "epoch").map((e) => e.record?.epoch), [1, 2, 3]);
  if (!result.samples.every((s) => s.epoch >= 1 && s.epoch <= 3)) {
    throw new Error("sample outside epochs");
  }
  assert.equal(result.resumedEpochs, 0);
  model.dispose();
});

Deno.test("fit() resumed after a mid-epoch stop ends exactly like an uninterrupted run", async () => {
  await useBackend("wasm", 1);
  const straightModel = tinyModel(CLASSES);
  const straight = await fit(straightModel, { train, val }, BASE);
  const dir = await tempDir("fit-resume-");
  const killed = tinyModel(CLASSES);
  // 6 batches per epoch: stop in the middle of epoch 2.
  await assert.rejects(
    fit(killed, { train, val }, { ...BASE, checkpointDir: dir, stopAfterBatches: 9 }),
    TrainingInterruptedError,
  );
  killed.dispose();
  const saved = await loadCheckpoint(dir);
  assert.equal(saved?.epoch, 1);
  tf.dispose([...saved!.weights, ...saved!.firstMoments, ...saved!.secondMoments]);
  const resumedModel = tinyModel(CLASSES, 4, 99); // different init: the checkpoint must win
  const resumed = await fit(resumedModel, { train, val }, {
    ...BASE,
    checkpointDir: dir,
    resume: true,
  });
  assert.equal(resumed.resumedEpochs, 1);
  assert.deepEqual(flatWeights(resumedModel), flatWeights(straightModel));
  assert.deepEqual(learningFields(resumed.history), learningFields(straight.history));
  straightModel.dispose();
  resumedModel.dispose();
  await Deno.remove(dir, { recursive: true });
});

Deno.test("fit() stops on an aborted signal before the next batch", async () => {
  await useBackend("wasm", 1);
  const model = tinyModel(CLASSES);
  const controller = new AbortController();
  const seen: number[] = [];
  const run = fit(model, { train, val }, {
    ...BASE,
    signal: controller.signal,
    onProgress: (p) => {
      seen.push(p.batch);
      if (p.batch === 2) controller.abort();
    },
  });
  await assert.rejects(
    run,
    (e: unknown) => e instanceof TrainingInterruptedError && e.completedEpochs === 0,
  );
  assert.deepEqual(seen, [1, 2]);
  model.dispose();
});

Deno.test("fit() throws NonFiniteLossError on a NaN loss and keeps the last good checkpoint", async () => {
  await useBackend("wasm", 1);
  const model = tinyModel(CLASSES);
  const dir = await tempDir("fit-nan-");
  const poison = (p: Progress) => {
    if (p.kind === "epoch" && p.epoch === 1) {
      const out = model.getLayer("out");
      const values = out.getWeights().map((w) => tf.fill(w.shape, NaN));
      out.setWeights(values);
      tf.dispose(values);
    }
  };
  await assert.rejects(
    fit(model, { train, val }, { ...BASE, checkpointDir: dir, onProgress: poison }),
    (e: unknown) =>
      e instanceof NonFiniteLossError && e.epoch === 2 && e.batch === 1 && Number.isNaN(e.loss) &&
      e.message.startsWith("Expected a finite training loss but found NaN at epoch 2, batch 1"),
  );
  const kept = await loadCheckpoint(dir);
  assert.equal(kept?.epoch, 1);
  if (!kept!.weights.every((w) => w.dataSync().every(Number.isFinite))) {
    throw new Error("checkpoint holds NaN");
  }
  tf.dispose([...kept!.weights, ...kept!.firstMoments, ...kept!.secondMoments]);
  model.dispose();
  await Deno.remove(dir, { recursive: true });
});

/** An onProgress that fills the output layer with `value` after the last update of `epoch`. */
function poisonLastUpdate(model: tf.LayersModel, epoch: number, value: number) {
  return (p: Progress) => {
    if (p.kind === "batch" && p.epoch === epoch && p.batch === p.batches) {
      const out = model.getLayer("out");
      const values = out.getWeights().map((w) => tf.fill(w.shape, value));
      out.setWeights(values);
      tf.dispose(values);
    }
  };
}

async function expectDivergence(value: number, quantity: string, message: RegExp) {
  await useBackend();
  const model = tinyModel(CLASSES);
  const dir = await tempDir("fit-last-");
  const batches = Math.ceil(train.count / BASE.batchSize!);
  await assert.rejects(
    fit(model, { train, val }, {
      ...BASE,
      checkpointDir: dir,
      onProgress: poisonLastUpdate(model, 2, value),
    }),
    (e: unknown) => {
      assert.ok(e instanceof NonFiniteLossError, String(e));
      assert.equal(e.quantity, quantity);
      assert.deepEqual([e.epoch, e.batch], [2, batches]);
      assert.match(e.message, message);
      return true;
    },
  );
  const kept = await loadCheckpoint(dir);
  assert.equal(kept?.epoch, 1, "the kept checkpoint is the last finite one");
  assert.ok(kept!.history.every((h) => Number.isFinite(h.valLoss)));
  tf.dispose([...kept!.weights, ...kept!.firstMoments, ...kept!.secondMoments]);
  model.dispose();
  await Deno.remove(dir, { recursive: true });
}

Deno.test("fit() detects NaN weights after an epoch's last update and keeps the last finite checkpoint", async () => {
  await expectDivergence(
    NaN,
    "weights",
    /^Expected finite weights after the update but found NaN at epoch 2, batch 6: .*the checkpoint of epoch 1 in .* is kept/,
  );
});

Deno.test("fit() detects a non-finite validation loss after finite weights overflow the logits", async () => {
  await expectDivergence(
    3e38,
    "validation loss",
    /^Expected a finite validation loss but found (NaN|Infinity) at epoch 2, batch 6: .*the checkpoint of epoch 1 in .* is kept/,
  );
});

Deno.test("fit() refuses to resume from a checkpoint of other settings", async () => {
  await useBackend("wasm", 1);
  const dir = await tempDir("fit-mismatch-");
  const model = tinyModel(CLASSES);
  await fit(model, { train, val }, { ...BASE, epochs: 1, checkpointDir: dir });
  await assert.rejects(
    fit(model, { train, val }, { ...BASE, batchSize: 32, checkpointDir: dir, resume: true }),
    CheckpointError,
  );
  model.dispose();
  await Deno.remove(dir, { recursive: true });
});

Deno.test("fit() rejects bad options with clear messages", async () => {
  const model = tinyModel(CLASSES);
  await assert.rejects(fit(model, { train, val }, { ...BASE, batchSize: 0 }), {
    name: "RangeError",
    message: "Expected a positive batch size but found 0: pass e.g. 64",
  });
  await assert.rejects(fit(model, { train, val }, { ...BASE, resume: true }), {
    name: "TypeError",
    message: "Expected checkpointDir with resume: true but found none: pass checkpointDir",
  });
  model.dispose();
});

Deno.test("fit() refuses non-finite or out-of-range numeric options", async () => {
  const model = tinyModel(CLASSES);
  const cases: [Partial<FitOptions>, string][] = [
    [
      { learningRate: Infinity },
      "Expected a finite positive learning rate but found Infinity: pass e.g. 1e-3",
    ],
    [
      { learningRate: NaN },
      "Expected a finite positive learning rate but found NaN: pass e.g. 1e-3",
    ],
    [{ seed: 1.5 }, "Expected an integer seed but found 1.5: pass e.g. 1"],
    [
      { sampleIntervalSeconds: NaN },
      "Expected sampleIntervalSeconds to be a finite number >= 0 but found NaN: pass e.g. 0.5",
    ],
    [
      { stopAfterBatches: 0 },
      "Expected stopAfterBatches to be a whole number >= 1 but found 0: pass e.g. 10 or omit it",
    ],
  ];
  for (const [bad, message] of cases) {
    await assert.rejects(fit(model, { train, val }, { ...BASE, ...bad }), {
      name: "RangeError",
      message,
    });
  }
  model.dispose();
});

Deno.test("fit() leaves no tensors behind", async () => {
  await useBackend("wasm", 1);
  const model = tinyModel(CLASSES);
  const dir = await tempDir("fit-leak-");
  await fit(model, { train, val }, { ...BASE, epochs: 1, checkpointDir: dir });
  const before = tf.memory().numTensors;
  await fit(model, { train, val }, { ...BASE, epochs: 2, checkpointDir: dir, resume: true });
  assert.equal(tf.memory().numTensors, before);
  model.dispose();
  await Deno.remove(dir, { recursive: true });
});
