import assert from "node:assert/strict";
import type { Results } from "../../lib/results/mod.ts";
import {
  absoluteClaimBlocker,
  PLATEAU_WINDOW,
  plateauChecks,
  plateauSentence,
} from "../../lib/report/mod.ts";
import { fixtureResults } from "../results/fixture.ts";

/** The fixture with each model's validation curve replaced by `curves[kind]` (all seeds). */
function withCurves(curves: Record<string, number[]>): Results {
  const results = fixtureResults("mnist");
  for (const [kind, curve] of Object.entries(curves)) {
    const model = results.models[kind as "hybrid"]!;
    for (const run of model.runs) {
      const template = run.history[0]!;
      run.history = curve.map((valAccuracy, i) => ({ ...template, epoch: i + 1, valAccuracy }));
    }
  }
  return results;
}

Deno.test("plateauChecks() compares the mean of the last window with the window before", () => {
  const flat = [0.9, 0.95, 0.97, 0.98, 0.985, 0.99, 0.99, 0.9905, 0.99, 0.9905];
  const rising = flat.map((_, i) => 0.9 + 0.005 * i);
  const short = flat.slice(0, 2 * PLATEAU_WINDOW - 1);
  const checks = plateauChecks(withCurves({ hybrid: flat, classical: rising, control: short }));
  const byKind = Object.fromEntries(checks.map((c) => [c.kind, c]));
  const expectedFlatGain = (0.99 + 0.99 + 0.9905 + 0.99 + 0.9905) / 5 -
    (0.9 + 0.95 + 0.97 + 0.98 + 0.985) / 5;
  assert.ok(Math.abs(byKind.hybrid!.gain! - expectedFlatGain) < 1e-12);
  assert.equal(byKind.hybrid!.plateaued, false); // +3.3 pp: the earlier window still climbs
  assert.ok(Math.abs(byKind.classical!.gain! - 0.025) < 1e-12);
  assert.equal(byKind.classical!.plateaued, false);
  assert.deepEqual(byKind.control, { kind: "control", gain: null, plateaued: null });
});

Deno.test("plateauChecks() calls a curve flat within 0.1 pp a plateau", () => {
  const curve = [0.99, 0.9912, 0.991, 0.9914, 0.9911, 0.9912, 0.9914, 0.991, 0.9916, 0.9912];
  const [check] = plateauChecks(withCurves({ hybrid: curve }));
  assert.equal(check!.plateaued, true);
  assert.match(plateauSentence(withCurves({ hybrid: curve })), /hybrid \+0\.\d\d pp \(plateaued\)/);
});

Deno.test("absoluteClaimBlocker() compares a converged run only for models that plateaued", () => {
  const flat = [0.99, 0.9912, 0.991, 0.9914, 0.9911, 0.9912, 0.9914, 0.991, 0.9916, 0.9912];
  const rising = flat.map((_, i) => 0.9 + 0.005 * i);
  const results = withCurves({ hybrid: flat, classical: rising });
  results.profile = "converged";
  results.config.epochs = flat.length;
  assert.equal(absoluteClaimBlocker(results, "hybrid"), null);
  assert.equal(
    absoluteClaimBlocker(results, "classical"),
    "classical's validation accuracy still rises after 10 epochs",
  );
  results.profile = "quick";
  assert.match(absoluteClaimBlocker(results, "hybrid")!, /^profile quick: 10 epoch\(s\) on /);
});
