/**
 * Classification metrics from labels and predictions: accuracy, confusion matrix,
 * per-class and macro precision, recall and F1.
 *
 * @module
 */
import type { ClassificationMetrics } from "../results/mod.ts";

/**
 * Computes accuracy, the confusion matrix and precision/recall/F1.
 *
 * Per-class scores with an empty denominator are 0 (scikit-learn's `zero_division=0`).
 * Macro averages run over the classes that occur in the labels or the predictions
 * (scikit-learn's default), so a small split that lacks some of 100 classes is not
 * dragged down by classes it never saw.
 *
 * @param labels true class per example.
 * @param predictions predicted class per example, same length.
 * @param classes number of classes; ids must lie in 0..classes-1.
 * @returns the metrics; `confusion[true][predicted]` counts.
 * @throws {RangeError} on a length mismatch or an id out of range.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classificationMetrics } from "./metrics.ts";
 * const m = classificationMetrics([0, 0, 1, 1], [0, 1, 1, 1], 2);
 * assert.deepEqual(m.accuracy, 0.75);
 * assert.deepEqual(m.confusion, [[1, 1], [0, 2]]);
 * ```
 */
export function classificationMetrics(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  classes: number,
): ClassificationMetrics {
  if (labels.length !== predictions.length) {
    throw new RangeError(
      `Expected as many predictions as labels (${labels.length}) but found ${predictions.length}: pass one prediction per example`,
    );
  }
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let correct = 0;
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i]!, p = predictions[i]!;
    if (!(t >= 0 && t < classes && p >= 0 && p < classes)) {
      throw new RangeError(
        `Expected class ids in 0..${
          classes - 1
        } but found label ${t} and prediction ${p}: pass the right class count`,
      );
    }
    confusion[t]![p]! += 1;
    if (t === p) correct += 1;
  }
  const precision: number[] = [], recall: number[] = [], f1: number[] = [], support: number[] = [];
  const present: number[] = [];
  for (let c = 0; c < classes; c++) {
    const tp = confusion[c]![c]!;
    const actual = confusion[c]!.reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (let r = 0; r < classes; r++) predicted += confusion[r]![c]!;
    const p = predicted > 0 ? tp / predicted : 0;
    const r = actual > 0 ? tp / actual : 0;
    precision.push(p);
    recall.push(r);
    f1.push(p + r > 0 ? (2 * p * r) / (p + r) : 0);
    support.push(actual);
    if (actual > 0 || predicted > 0) present.push(c);
  }
  const macro = (values: number[]) =>
    present.length === 0 ? 0 : present.reduce((s, c) => s + values[c]!, 0) / present.length;
  return {
    accuracy: labels.length === 0 ? 0 : correct / labels.length,
    precision: macro(precision),
    recall: macro(recall),
    f1: macro(f1),
    perClass: { precision, recall, f1, support },
    confusion,
  };
}
