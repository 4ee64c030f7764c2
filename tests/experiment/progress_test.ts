import assert from "node:assert/strict";
import { cellWork, formatSeconds, GridTracker } from "../../lib/experiment/progress.ts";
import { experimentGrid } from "../../lib/experiment/shard.ts";
import { PROFILES } from "../../lib/experiment/profiles.ts";

Deno.test("cellWork() weighs epochs x training images x pixels", () => {
  const p = PROFILES.smoke;
  assert.equal(cellWork("mnist", p), p.epochs * p.sizes.mnist.train! * 784);
  assert.equal(cellWork("stl10", p), p.epochs * p.sizes.stl10.train! * 96 * 96 * 3);
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
