import assert from "node:assert/strict";
import { experimentProgress, experimentRow } from "../../lib/notebook/experiment_progress.ts";
import type { ProgressRow } from "../../lib/notebook/progress.ts";

const BASE = { dataset: "mnist", cell: 2, cells: 3 } as const;

Deno.test("experimentRow() labels rows by model and seed and shows training details", () => {
  const { label, row } = experimentRow({
    ...BASE,
    stage: "train",
    model: "hybrid",
    seed: 1,
    cellFraction: 0.25,
    train: {
      kind: "batch",
      epoch: 1,
      epochs: 2,
      batch: 3,
      batches: 8,
      seen: 192,
      total: 512,
      loss: 1.23456,
      accuracy: 0.5,
      samplesPerSecond: 321.4,
      etaSeconds: 9.6,
    },
  });
  assert.equal(label, "hybrid seed 1");
  assert.deepEqual(row, {
    fraction: 0.25,
    text: "cell 2/3: train epoch 1/2 batch 3/8 loss 1.235 acc 50.0% 321 img/s, ~10 s left in epoch",
  });
});

Deno.test("experimentRow() labels the loading stage and marks reused cells", () => {
  assert.equal(experimentRow({ ...BASE, stage: "load", cellFraction: 0 }).label, "load");
  const done = experimentRow({
    ...BASE,
    stage: "done",
    model: "control",
    seed: 2,
    cellFraction: 1,
    cached: true,
  });
  assert.equal(done.row.text, "cell 2/3: done (reused)");
});

Deno.test("experimentProgress() sets one row per event", () => {
  const rows = new Map<string, ProgressRow>();
  const onProgress = experimentProgress({ set: (label, row) => void rows.set(label, row) });
  onProgress({ ...BASE, stage: "attack", model: "classical", seed: 1, cellFraction: 0.9 });
  onProgress({ ...BASE, stage: "features", model: "classical", seed: 1, cellFraction: 0.95 });
  assert.deepEqual([...rows.keys()], ["classical seed 1"]);
  assert.equal(rows.get("classical seed 1")!.fraction, 0.95);
});

Deno.test("experimentProgress() marks loading done when the first model starts", () => {
  const rows = new Map<string, ProgressRow>();
  const onProgress = experimentProgress({ set: (label, row) => void rows.set(label, row) });
  onProgress({ ...BASE, stage: "load", cellFraction: 0 });
  assert.equal(rows.get("load")!.fraction, 0);
  onProgress({ ...BASE, stage: "train", model: "hybrid", seed: 1, cellFraction: 0 });
  assert.deepEqual(rows.get("load"), { fraction: 1, text: "mnist loaded" });
});

Deno.test("experimentProgress() starts labels with the data set when asked", () => {
  const rows = new Map<string, ProgressRow>();
  const onProgress = experimentProgress({ set: (label, row) => void rows.set(label, row) }, {
    labelDataset: true,
  });
  onProgress({ ...BASE, stage: "load", cellFraction: 0 });
  onProgress({ ...BASE, stage: "evaluate", model: "hybrid", seed: 3, cellFraction: 0.9 });
  assert.deepEqual([...rows.keys()], ["mnist load", "mnist hybrid seed 3"]);
});
