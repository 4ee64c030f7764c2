import assert from "node:assert/strict";
import { PROFILES } from "../../../lib/experiment/profiles.ts";
import { cellWork } from "../../../lib/experiment/progress.ts";
import { experimentGrid } from "../../../lib/experiment/shard.ts";
import {
  benchEpochCost,
  cellSeconds,
  type EpochCost,
  estimateResources,
  memoryFor,
  mergeResources,
  RECORDED_PAPER_HOURS,
  recordedEpochCost,
  slurmTime,
} from "../../../lib/experiment/sweep/mod.ts";

const UNIT: EpochCost = { secondsPerWork: { mnist: 1, cifar100: 1, stl10: 1 }, source: "test" };

Deno.test("slurmTime() writes HH:MM:SS, hours past 24 included", () => {
  assert.equal(slurmTime(0), "00:00:00");
  assert.equal(slurmTime(5400), "01:30:00");
  assert.equal(slurmTime(90061), "25:01:01");
  assert.equal(slurmTime(59.2), "00:01:00");
});

Deno.test("recordedEpochCost() spreads the recorded paper hours over the paper grid", () => {
  const cost = recordedEpochCost();
  const grid = experimentGrid(["mnist", "cifar100", "stl10"], ["hybrid", "classical", "control"], [
    1,
    2,
    3,
  ]);
  const seconds = grid.reduce(
    (sum, c) => sum + cellWork(c.dataset, PROFILES.paper) * cost.secondsPerWork[c.dataset],
    0,
  );
  assert.ok(Math.abs(seconds - RECORDED_PAPER_HOURS * 3600) < 1e-6, String(seconds));
  assert.match(cost.source, /34\.5 h/);
});

Deno.test("benchEpochCost() takes the slowest model of each data set per unit of work", () => {
  const per = (d: "mnist" | "cifar100" | "stl10") => cellWork(d, PROFILES.paper);
  const bench = {
    createdAt: "2026-12-01T00:00:00Z",
    threads: 2,
    paperEstimateSeconds: {
      perModelSeed: {
        mnist: { classical: per("mnist") * 2, hybrid: per("mnist") * 3, control: 1 },
        cifar100: { classical: per("cifar100") * 5 },
        stl10: { hybrid: per("stl10") * 7 },
      },
    },
  };
  const cost = benchEpochCost(bench, "data/bench/epoch.json")!;
  assert.deepEqual(cost.secondsPerWork, { mnist: 3, cifar100: 5, stl10: 7 });
  assert.match(cost.source, /data\/bench\/epoch\.json, 2026-12-01T00:00:00Z, 2 thread/);
  assert.equal(benchEpochCost({ rows: [] }, "x"), null);
  assert.equal(
    benchEpochCost({ paperEstimateSeconds: { perModelSeed: { mnist: { hybrid: 1 } } } }, "x"),
    null,
  );
});

Deno.test("memoryFor() grows with the largest data set's images and rounds up to GiB", () => {
  assert.equal(memoryFor(["mnist"], PROFILES.smoke), 2);
  // Full STL-10: 13000 images of 96x96x3 bytes, 8 bytes of memory per byte, plus 1.5 GiB.
  const stl = Math.ceil(1.5 + 8 * 13000 * 96 * 96 * 3 / 2 ** 30);
  assert.equal(memoryFor(["mnist", "stl10"], PROFILES.paper), stl);
  assert.ok(memoryFor(["stl10"], PROFILES.paper) > memoryFor(["mnist"], PROFILES.paper));
});

Deno.test("estimateResources() sizes every task for the slowest shard, with a margin", () => {
  const grid = experimentGrid(["mnist", "stl10"], ["hybrid", "classical"], [1]);
  const one = estimateResources(grid, 4, PROFILES.paper, { cpus: 3, cost: UNIT });
  // One cell per shard: the slowest cell plus its set-up.
  const slowest = Math.max(...grid.map((c) => cellSeconds([c], PROFILES.paper, UNIT)));
  assert.equal(one.estimateSeconds, slowest);
  assert.equal(one.cpus, 3);
  assert.equal(one.timeSeconds % 900, 0);
  assert.ok(one.timeSeconds >= 1.5 * slowest && one.timeSeconds < 1.5 * slowest + 900);
  const two = estimateResources(grid, 2, PROFILES.paper, { cost: UNIT });
  assert.equal(two.cpus, 4);
  assert.ok(two.estimateSeconds > one.estimateSeconds);
  assert.equal(two.memoryGiB, memoryFor(["stl10"], PROFILES.paper));
});

Deno.test("cellSeconds() adds one set-up per data set to the cells' work", () => {
  const cells = [
    { dataset: "mnist" as const, model: "hybrid" as const, seed: 1 },
    { dataset: "mnist" as const, model: "classical" as const, seed: 1 },
  ];
  assert.equal(
    cellSeconds(cells, PROFILES.smoke, UNIT),
    300 + 2 * cellWork("mnist", PROFILES.smoke),
  );
});

Deno.test("mergeResources() gives the merge job half an hour per data set, at least 15 minutes", () => {
  const merge = mergeResources(["mnist", "cifar100"], PROFILES.paper);
  assert.equal(merge.timeSeconds, 3600);
  assert.equal(merge.cpus, 2);
});
