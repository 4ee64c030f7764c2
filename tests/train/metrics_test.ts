import assert from "node:assert/strict";
import { classificationMetrics } from "../../lib/train/mod.ts";

const CLOSE = 1e-12;

function assertClose(actual: number, expected: number, what: string): void {
  if (Math.abs(actual - expected) > CLOSE) {
    throw new Error(`${what}: expected ${expected} but found ${actual}`);
  }
}

Deno.test("classificationMetrics() matches a hand-computed three-class case", () => {
  // true:  0 0 0 1 1 2
  // pred:  0 0 1 1 2 2
  const m = classificationMetrics([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], 3);
  assert.deepEqual(m.confusion, [[2, 1, 0], [0, 1, 1], [0, 0, 1]]);
  assertClose(m.accuracy, 4 / 6, "accuracy");
  // precision: c0 2/2, c1 1/2, c2 1/2; recall: c0 2/3, c1 1/2, c2 1/1
  const p = [1, 0.5, 0.5], r = [2 / 3, 0.5, 1];
  const f = p.map((pi, i) => (2 * pi * r[i]!) / (pi + r[i]!));
  m.perClass.precision.forEach((v, i) => assertClose(v, p[i]!, `precision ${i}`));
  m.perClass.recall.forEach((v, i) => assertClose(v, r[i]!, `recall ${i}`));
  m.perClass.f1.forEach((v, i) => assertClose(v, f[i]!, `f1 ${i}`));
  assert.deepEqual(m.perClass.support, [3, 2, 1]);
  assertClose(m.precision, 2 / 3, "macro precision");
  assertClose(m.recall, (2 / 3 + 0.5 + 1) / 3, "macro recall");
  assertClose(m.f1, (f[0]! + f[1]! + f[2]!) / 3, "macro f1");
});

Deno.test("classificationMetrics() scores empty denominators 0 and averages over seen classes only", () => {
  // class 2 never occurs; class 1 is never predicted.
  const m = classificationMetrics([0, 1, 0], [0, 0, 0], 3);
  assert.deepEqual(m.perClass.precision, [2 / 3, 0, 0]);
  assert.deepEqual(m.perClass.recall, [1, 0, 0]);
  assert.deepEqual(m.perClass.f1[1], 0);
  assertClose(m.precision, (2 / 3 + 0) / 2, "macro precision over classes 0 and 1");
  assertClose(m.recall, 0.5, "macro recall");
});

Deno.test("classificationMetrics() rejects mismatched lengths and ids out of range", () => {
  assert.throws(() => classificationMetrics([0, 1], [0], 2), {
    name: "RangeError",
    message:
      "Expected as many predictions as labels (2) but found 1: pass one prediction per example",
  });
  assert.throws(() => classificationMetrics([0, 3], [0, 1], 2), {
    name: "RangeError",
    message:
      "Expected class ids in 0..1 but found label 3 and prediction 1: pass the right class count",
  });
});
