import assert from "node:assert/strict";
import { estimateRunCost, idleCosts } from "../../lib/experiment/estimate_cost.ts";
import { PROFILES } from "../../lib/experiment/mod.ts";

Deno.test("estimateRunCost() adds epochs, the test pass and the attacks for every seed", () => {
  const profile = { ...PROFILES.converged, epochs: 2, attackCount: 1000, pgdSteps: 10 };
  profile.epsilons = [0, 0.1];
  // 1 ms per training image (64 ms per batch of 64), 0.5 ms per evaluated image.
  const cost = estimateRunCost(profile, "mnist", { trainMs: { a: 64 }, evalMs: { a: 128 } }, 3);
  const epoch = 54000 * 0.001 + 6000 * 0.0005;
  const attacks = 1000 * 11 * 0.001 + 1000 * 2 * 0.0005;
  assert.ok(Math.abs(cost.epochSeconds.a! - epoch) < 1e-9);
  assert.ok(Math.abs(cost.seedSeconds.a! - (2 * epoch + 10000 * 0.0005 + attacks)) < 1e-9);
  assert.ok(Math.abs(cost.totalSeconds - 3 * cost.seedSeconds.a!) < 1e-9);
  assert.deepEqual(cost.sizes, { train: 54000, val: 6000, test: 10000 });
});

Deno.test("idleCosts() spreads CPU time over the threads", () => {
  const idle = idleCosts({
    trainMs: { a: 500 },
    trainCpuMs: { a: 120 },
    evalMs: { a: 900 },
    evalCpuMs: { a: 60 },
  }, 2);
  assert.deepEqual(idle, { trainMs: { a: 60 }, evalMs: { a: 30 } });
});
