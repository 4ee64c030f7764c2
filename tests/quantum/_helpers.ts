// Shared helpers of the quantum tests: backend selection, random data, comparisons.
import * as tf from "@tensorflow/tfjs";
import { mulberry32 } from "../../lib/random/mod.ts";
import { ok } from "node:assert/strict";

export { maxDiff, useBackend } from "../_shared.ts";
import { type Circuit, float64Run, type Fusion } from "../../lib/quantum/mod.ts";

/** Largest float32-vs-float64 difference accepted for circuits of a few dozen gates. */
export const FLOAT32_TOLERANCE = 2e-5;

/** A seeded PRNG (the project's mulberry32) for reproducible random circuits and data. */
export const rng: (seed: number) => () => number = mulberry32;

/** `rows x cols` uniform numbers in [lo, hi). */
export function randomMatrix(
  random: () => number,
  rows: number,
  cols: number,
  lo = -1,
  hi = 1,
): number[][] {
  return Array.from(
    { length: rows },
    () => Array.from({ length: cols }, () => lo + (hi - lo) * random()),
  );
}

/** Runs `f` and returns its result as nested arrays, disposing every tensor it made. */
export function values(f: () => tf.Tensor): number[][] {
  return tf.tidy(() => f().arraySync() as number[][]);
}

/** float32 gradients vs float64 central differences on circuits of a few dozen gates. */
export const GRAD_TOLERANCE = 2e-4;
/** Step of the float64 central differences. */
export const FD_STEP = 1e-6;

/** Loss = sum of outputs weighted by fixed coefficients, in float64 via the reference. */
export function referenceLoss(
  c: Circuit,
  inputs: number[][],
  weights: number[][],
  coef: number[],
): number {
  return inputs.reduce(
    (acc, x) => acc + float64Run(c.compiled, x, weights).reduce((a, v, j) => a + v * coef[j]!, 0),
    0,
  );
}

/**
 * Asserts that gradients of {@link referenceLoss} with respect to every input
 * and every weight match float64 central differences within GRAD_TOLERANCE.
 */
export function assertCentralDifferences(
  c: Circuit,
  point: { inputs: number[][]; weights: number[][]; coef: number[] },
  gradients: { dx: number[][]; dw: number[][] },
  label = "",
): void {
  const { inputs, weights, coef } = point;
  const central = (at: (s: number) => number) => (at(FD_STEP) - at(-FD_STEP)) / (2 * FD_STEP);
  inputs.forEach((row, r) =>
    row.forEach((_, i) => {
      const fd = central((s) =>
        referenceLoss(
          c,
          inputs.map((rr, k) => rr.map((v, j) => (k === r && j === i ? v + s : v))),
          weights,
          coef,
        )
      );
      const got = gradients.dx[r]![i]!;
      ok(
        Math.abs(got - fd) < GRAD_TOLERANCE,
        `${label}input ${r},${i}: ${got} vs differences ${fd}`,
      );
    })
  );
  weights.forEach((block, b) =>
    block.forEach((_, i) => {
      const fd = central((s) =>
        referenceLoss(
          c,
          inputs,
          weights.map((bl, bb) => bl.map((v, ii) => (bb === b && ii === i ? v + s : v))),
          coef,
        )
      );
      const got = gradients.dw[b]![i]!;
      ok(
        Math.abs(got - fd) < GRAD_TOLERANCE,
        `${label}weight ${b},${i}: ${got} vs differences ${fd}`,
      );
    })
  );
}

/**
 * Value and gradients (w.r.t. inputs and every weight block) of
 * sum(coef * c.run(inputs, weights)) by tfjs autodiff with the given fusion mode.
 */
export function circuitGradients(
  c: Circuit,
  inputs: number[][],
  weights: number[][],
  coef: number[],
  fusion: Fusion = "kernel",
): { value: number; dx: number[][]; dw: number[][] } {
  return tf.tidy(() => {
    const shapes = c.weightShapes();
    const ws = weights.map((w, i) => tf.tensor(w, shapes[i]));
    const x = tf.tensor2d(inputs, [inputs.length, c.inputSize]);
    const f = (...args: tf.Tensor[]) =>
      tf.sum(tf.mul(c.run(args[0] as tf.Tensor2D, args.slice(1), { fusion }), tf.tensor1d(coef)));
    const grads = tf.grads(f)([x, ...ws]);
    return {
      value: f(x, ...ws).arraySync() as number,
      dx: grads[0]!.arraySync() as number[][],
      dw: grads.slice(1).map((g) => Array.from(g.dataSync())),
    };
  });
}
