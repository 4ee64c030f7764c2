import assert from "node:assert/strict";
import { meanCI95, studentTCdf, studentTQuantile } from "../../lib/results/mod.ts";

/** Tolerance against closed forms (bisection of a continued fraction). */
const CLOSED_FORM_TOLERANCE = 1e-8;
/** Tolerance against 4-decimal printed t tables. */
const TABLE_TOLERANCE = 5e-4;

Deno.test("studentTQuantile() matches the Cauchy closed form for df = 1", () => {
  for (const p of [0.6, 0.9, 0.975, 0.995]) {
    assert.ok(
      Math.abs(studentTQuantile(p, 1) - Math.tan(Math.PI * (p - 0.5))) <
        1e-6 * Math.tan(Math.PI * (p - 0.5)),
    );
  }
});

Deno.test("studentTQuantile() matches the df = 2 closed form", () => {
  // For df = 2: t_p = (2p - 1) / sqrt(2 p (1 - p)).
  for (const p of [0.75, 0.9, 0.975]) {
    const exact = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
    assert.ok(Math.abs(studentTQuantile(p, 2) - exact) < CLOSED_FORM_TOLERANCE);
  }
});

Deno.test("studentTQuantile() matches printed t tables", () => {
  const table: [number, number][] = [[3, 3.1824], [4, 2.7764], [9, 2.2622], [29, 2.0452]];
  for (const [df, t] of table) {
    assert.ok(Math.abs(studentTQuantile(0.975, df) - t) < TABLE_TOLERANCE);
  }
  assert.ok(Math.abs(studentTQuantile(0.025, 4) + 2.7764) < TABLE_TOLERANCE);
});

Deno.test("studentTCdf() is symmetric and tends to the normal for large df", () => {
  assert.ok(Math.abs(studentTCdf(1.3, 5) + studentTCdf(-1.3, 5) - 1) < 1e-12);
  assert.ok(Math.abs(studentTCdf(1.959964, 1e7) - 0.975) < 1e-5);
});

Deno.test("meanCI95() equals the hand computation", () => {
  // values 0.90, 0.92, 0.97: mean 0.93, s^2 = (0.0009 + 0.0001 + 0.0016) / 2 = 0.0013.
  const { mean, ci95, values } = meanCI95([0.9, 0.92, 0.97]);
  const t2 = 0.95 / Math.sqrt(2 * 0.975 * 0.025); // df = 2 closed form at p = 0.975
  assert.ok(Math.abs(mean - 0.93) < 1e-12);
  assert.ok(Math.abs(ci95 - (t2 * Math.sqrt(0.0013)) / Math.sqrt(3)) < CLOSED_FORM_TOLERANCE);
  assert.deepEqual(values, [0.9, 0.92, 0.97]);
});

Deno.test("meanCI95() gives a zero half width for one value or identical values", () => {
  assert.deepEqual(meanCI95([0.5]), { values: [0.5], mean: 0.5, ci95: 0 });
  assert.equal(meanCI95([2, 2, 2, 2]).ci95, 0);
});

Deno.test("meanCI95() rejects empty and non-finite input", () => {
  assert.throws(() => meanCI95([]), {
    name: "RangeError",
    message: "Values must hold at least one number but found none: pass one per seed",
  });
  assert.throws(() => meanCI95([1, NaN]), {
    name: "RangeError",
    message: "Values must be finite numbers but found NaN: drop failed runs",
  });
});
