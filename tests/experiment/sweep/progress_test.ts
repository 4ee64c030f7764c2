import assert from "node:assert/strict";
import { cellWork, type ExperimentProgress } from "../../../lib/experiment/progress.ts";
import { PROFILES } from "../../../lib/experiment/profiles.ts";
import { experimentGrid } from "../../../lib/experiment/shard.ts";
import {
  CombinedProgress,
  describeProgress,
  jsonProgressWriter,
} from "../../../lib/experiment/sweep/mod.ts";

const grid = experimentGrid(["mnist", "stl10"], ["hybrid", "classical"], [1]);

function event(p: Partial<ExperimentProgress>): ExperimentProgress {
  return { dataset: "mnist", stage: "train", cell: 1, cells: 1, cellFraction: 0, ...p };
}

Deno.test("CombinedProgress weighs each job's shard by its work and shows every job", () => {
  let clock = 0;
  const progress = new CombinedProgress(grid, 2, PROFILES.smoke, () => clock);
  assert.equal(progress.fraction(), 0);
  assert.match(progress.line(), /^\[ {2}0%\] #1 starting \| #2 starting \| elapsed 0s/);
  // Shard 1 holds mnist hybrid and stl10 hybrid; shard 2 mnist classical and stl10 classical.
  progress.update(1, event({ model: "hybrid", seed: 1, stage: "done", cellFraction: 1 }));
  progress.update(2, event({ model: "classical", seed: 1, stage: "attack", cellFraction: 0.5 }));
  clock = 30;
  const m = cellWork("mnist", PROFILES.smoke), st = cellWork("stl10", PROFILES.smoke);
  assert.ok(Math.abs(progress.fraction() - (m + 0.5 * m) / (2 * m + 2 * st)) < 1e-12);
  assert.equal(progress.elapsed(), 30);
  assert.ok(Math.abs(progress.remaining() - 30 * (1 / progress.fraction() - 1)) < 1e-9);
  assert.match(progress.line(), /#1 mnist hybrid seed 1 done \| #2 mnist classical seed 1 attack/);
  assert.throws(() => progress.update(3, event({})), {
    name: "RangeError",
    message: "Expected a job between 1 and 2 but found 3",
  });
});

Deno.test("describeProgress() names the epoch and batch while training", () => {
  const train = {
    kind: "batch" as const,
    epoch: 1,
    epochs: 3,
    batch: 4,
    batches: 8,
    seen: 256,
    total: 512,
    loss: 1.23456,
    accuracy: 0.5,
    samplesPerSecond: 812.4,
    etaSeconds: 1,
  };
  assert.equal(
    describeProgress(event({ train })),
    "epoch 1/3 batch 4/8 loss 1.235 acc 0.500 812 img/s",
  );
  assert.equal(describeProgress(event({ stage: "done", cached: true })), "reused finished cell");
  assert.equal(describeProgress(event({ stage: "evaluate" })), "evaluate");
});

Deno.test("jsonProgressWriter() writes JSON lines, training events at most twice a second", () => {
  const lines: string[] = [];
  const write = jsonProgressWriter((line) => lines.push(line));
  write(event({ model: "hybrid", seed: 1, cellFraction: 0.1 }));
  write(event({ model: "hybrid", seed: 1, cellFraction: 0.2 }));
  write(event({ model: "hybrid", seed: 1, stage: "attack", cellFraction: 0.9 }));
  assert.equal(lines.length, 2);
  const parsed = JSON.parse(lines[1]!) as ExperimentProgress;
  assert.equal(parsed.stage, "attack");
  assert.equal(parsed.cellFraction, 0.9);
});
