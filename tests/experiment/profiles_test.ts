import assert from "node:assert/strict";
import {
  CONVERGED_EPOCHS,
  profileByName,
  PROFILES,
  seedList,
} from "../../lib/experiment/profiles.ts";
import { FULL_PROFILES } from "../../lib/results/mod.ts";

Deno.test("PROFILES.paper uses the paper's protocol", () => {
  const p = PROFILES.paper;
  assert.equal(p.epochs, 50);
  assert.equal(p.batchSize, 64);
  assert.equal(p.learningRate, 1e-3);
  assert.equal(p.seeds, 3);
  assert.deepEqual(p.sizes.mnist, {});
  assert.ok(p.epsilons.includes(0.1));
});

Deno.test("PROFILES grow from smoke to quick to paper", () => {
  for (const name of ["mnist", "cifar100", "stl10"] as const) {
    assert.ok(PROFILES.smoke.sizes[name].train! < PROFILES.quick.sizes[name].train!);
  }
  assert.ok(PROFILES.smoke.epochs <= PROFILES.quick.epochs);
});

Deno.test("profileByName() rejects an unknown profile with a clear TypeError", () => {
  assert.throws(() => profileByName("fast"), {
    name: "TypeError",
    message:
      'Expected a profile of smoke, quick, converged, paper but found "fast": pick one of those',
  });
});

Deno.test("seedList() returns 1..n and rejects 0", () => {
  assert.deepEqual(seedList(3), [1, 2, 3]);
  assert.throws(() => seedList(0), RangeError);
});

Deno.test("PROFILES.converged trains full MNIST, batch 64, 3+ seeds, 1,000 attacked images", () => {
  const p = PROFILES.converged;
  assert.deepEqual(p.sizes.mnist, {});
  assert.equal(p.batchSize, 64);
  assert.ok(p.seeds >= 3);
  assert.ok(p.attackCount >= 1000);
  assert.equal(p.epochs, CONVERGED_EPOCHS);
  assert.equal(p.estimateCost, true);
  assert.ok(FULL_PROFILES.includes("converged"));
});
