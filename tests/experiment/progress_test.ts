import assert from "node:assert/strict";
import { cellWork, formatSeconds, GridTracker } from "../../lib/experiment/progress.ts";
import { experimentGrid } from "../../lib/experiment/shard.ts";
import { PROFILES } from "../../lib/experiment/profiles.ts";

Deno.test("cellWork() counts training, evaluation and attack work in image equivalents", () => {
  const p = { ...PROFILES.smoke, epochs: 2, attackCount: 10, pgdSteps: 3, featureCount: 30 };
  const sizes = p.sizes.mnist; // train 512, val 128, test 256
  // FGSM gradient, PGD steps x restarts, and forward passes for the curve, PGD and normalised FGSM
  const attack = 10 * (1 + 3 * p.pgdRestarts + (p.epsilons.length + 2) / 3);
  const expected = 2 * (sizes.train! + sizes.val! / 3) + sizes.test! / 3 + attack + 30 / 3;
  assert.ok(Math.abs(cellWork("mnist", p) - expected) < 1e-9);
  assert.ok(
    Math.abs(cellWork("stl10", { ...p, sizes: { ...p.sizes, stl10: sizes } }) - 4 * expected) <
      1e-9,
  );
});

Deno.test("GridTracker estimates time left from work done so far", () => {
  let clock = 100;
  const cells = experimentGrid(["mnist"], ["hybrid", "classical"], [1]);
  const tracker = new GridTracker(cells, PROFILES.smoke, () => clock);
  assert.equal(tracker.remaining(), Infinity);
  clock = 110;
  tracker.update(cells[0]!, 1); // first of two equal cells done after 10 s
  assert.equal(tracker.fraction(), 0.5);
  assert.equal(tracker.remaining(), 10);
  tracker.update(cells[1]!, 0.5);
  assert.equal(tracker.fraction(), 0.75);
  assert.ok(Math.abs(tracker.remaining() - 10 / 3) < 1e-12);
});

Deno.test("formatSeconds() prints hours, minutes and seconds", () => {
  assert.equal(formatSeconds(42.4), "42s");
  assert.equal(formatSeconds(185), "3m05s");
  assert.equal(formatSeconds(3720), "1h02m");
  assert.equal(formatSeconds(Infinity), "?");
});
