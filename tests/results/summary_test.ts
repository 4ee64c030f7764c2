import assert from "node:assert/strict";
import { meanCI95, studentTQuantile } from "../../lib/results/mod.ts";
import { summarizeRuns } from "../../lib/results/mod.ts";
import { makeRun } from "./fixture.ts";

/** Agreement with printed t tables (which give 3-4 decimals). */
const TABLE_TOLERANCE = 5e-4;
const EXACT = 1e-9;

Deno.test("studentTQuantile() matches printed two-sided 95 % t-table values", () => {
  // Standard t tables, t(0.975, df).
  const table: [number, number][] = [[1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [
    9,
    2.262,
  ], [29, 2.045]];
  for (const [df, t] of table) {
    assert.ok(Math.abs(studentTQuantile(0.975, df) - t) < TABLE_TOLERANCE, `df ${df}`);
  }
});

Deno.test("studentTQuantile() for df 1 equals the Cauchy quantile tan(pi (p - 1/2))", () => {
  assert.ok(Math.abs(studentTQuantile(0.975, 1) - Math.tan(0.475 * Math.PI)) < 1e-8);
});

Deno.test("meanCI95() computes mean and t * s / sqrt(n) by hand", () => {
  // values 0.90, 0.92, 0.97: mean 0.93, s^2 = (0.0009 + 0.0001 + 0.0016) / 2 = 0.0013.
  const s = meanCI95([0.9, 0.92, 0.97]);
  assert.ok(Math.abs(s.mean - 0.93) < EXACT);
  const expected = 4.302652729911275 * Math.sqrt(0.0013 / 3);
  assert.ok(Math.abs(s.ci95 - expected) < 1e-8);
  assert.deepEqual(s.values, [0.9, 0.92, 0.97]);
});

Deno.test("meanCI95() gives a zero half width for one seed", () => {
  assert.deepEqual(meanCI95([0.5]), { values: [0.5], mean: 0.5, ci95: 0 });
});

Deno.test("meanCI95() rejects NaN with a RangeError", () => {
  assert.throws(() => meanCI95([1, NaN]), RangeError);
});

Deno.test("summarizeRuns() reads final val accuracy, mean epoch time and peak memory", () => {
  const runs = [makeRun(1, 0.8, 0.2, 2, 3, 3), makeRun(2, 0.9, 0.3, 4, 3, 3)];
  const s = summarizeRuns(runs);
  assert.deepEqual(s.testAccuracy!.values, [0.8, 0.9]);
  assert.deepEqual(s.valAccuracy!.values, [0.8, 0.9]); // last epoch has no offset
  // seconds per epoch: 2, 2.1, 2.2 -> mean 2.1; 4, 4.1, 4.2 -> 4.1
  assert.ok(Math.abs(s.epochSeconds!.values[0]! - 2.1) < EXACT);
  assert.ok(Math.abs(s.epochSeconds!.values[1]! - 4.1) < EXACT);
  // tensorMB per epoch 20 + seconds + 0.5 e: peak is the last epoch.
  assert.deepEqual(s.tensorMB!.values, [23, 25]);
  // s = sqrt(2 * 0.05^2 / 1) = 0.05 sqrt(2); ci = t(0.975, 1) * s / sqrt(2) = 12.7062 * 0.05.
  assert.ok(Math.abs(s.testAccuracy!.ci95 - 12.706204736 * 0.05) < 1e-6);
});
