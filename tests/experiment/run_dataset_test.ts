// runDataset on a micro profile: sharded + merged equals unsharded; resume reuses cells.
import assert from "node:assert/strict";
import { runDataset } from "../../lib/experiment/run_dataset.ts";
import { mergeRunDir } from "../../lib/experiment/merge.ts";
import { loadResults } from "../../lib/results/mod.ts";
import { PROFILES } from "../../lib/experiment/profiles.ts";
import type { Profile } from "../../lib/experiment/profiles.ts";
import type { Results } from "../../lib/results/mod.ts";
import type { ExperimentProgress } from "../../lib/experiment/progress.ts";

const MICRO: Profile = {
  ...PROFILES.smoke,
  sizes: { ...PROFILES.smoke.sizes, mnist: { train: 96, val: 32, test: 48 } },
  batchSize: 32,
  attackCount: 16,
  pgdSteps: 1,
  featureCount: 12,
  sampleCount: 4,
};

/** The parts of a run that do not depend on wall time. */
function deterministic(r: Results) {
  return Object.fromEntries(
    Object.entries(r.models).map(([kind, m]) => [kind, {
      parameterCount: m!.parameterCount,
      runs: m!.runs.map((run) => ({
        seed: run.seed,
        val: run.history.map((e) => [e.trainLoss, e.valLoss, e.valAccuracy]),
        test: run.test,
        robustness: run.robustness,
        features: run.features,
        predictions: run.predictions,
      })),
    }]),
  );
}

Deno.test({
  name: "runDataset() shards merged together equal one unsharded run, and resume reuses cells",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ prefix: "hqc-run-" });
    try {
      const options = {
        profile: MICRO,
        seeds: [1, 2],
        models: ["classical", "hybrid"] as const,
        freshProcessMemory: false,
      };
      const full = await runDataset("mnist", {
        ...options,
        models: [...options.models],
        outDir: `${dir}/full`,
      });
      assert.deepEqual(await loadResults(`${dir}/full/results.json`), full);
      assert.equal(full.models.hybrid!.runs.length, 2);
      assert.equal(full.models.control, undefined);
      // transfer: each model's FGSM and PGD examples scored on the other, for both seeds
      assert.equal(full.transfer?.length, 2 * 2 * 2);
      assert.ok(full.transfer!.every((t) => t.source !== t.target && t.count === 16));
      const memory = full.models.hybrid!.runs[0]!.memory!;
      assert.ok(memory.stepPeakTensorMB > memory.floorMB);
      assert.deepEqual(memory.freshProcess, { notMeasured: "no fresh-process probe in this run" });
      for (const index of [1, 2]) {
        const part = await runDataset("mnist", {
          ...options,
          models: [...options.models],
          outDir: `${dir}/sharded`,
          shard: { index, count: 2 },
        });
        assert.equal(part.shard!.cells.length, 2);
      }
      const merged = await mergeRunDir(`${dir}/sharded`);
      assert.deepEqual(deterministic(merged), deterministic(full));
      assert.deepEqual(merged.config, full.config);

      const events: ExperimentProgress[] = [];
      const resumed = await runDataset("mnist", {
        ...options,
        models: [...options.models],
        outDir: `${dir}/full`,
        resume: true,
        onProgress: (p) => events.push(p),
      });
      const done = events.filter((e) => e.stage === "done");
      assert.equal(done.length, 4);
      assert.ok(done.every((e) => e.cached === true));
      assert.ok(!events.some((e) => e.stage === "train"));
      assert.deepEqual(deterministic(resumed), deterministic(full));
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
