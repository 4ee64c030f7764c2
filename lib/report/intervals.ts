/**
 * Intervals and tests behind the verdicts: Wilson score intervals for a proportion,
 * Newcombe's interval for a difference of two proportions (both stay inside [0, 1] and never
 * collapse to a point at 0 % or 100 %), and Student-t intervals over seeds (paired by seed,
 * or Welch's when the seeds differ). Two one-sided tests (TOST) at level alpha are read off
 * the two-sided (1 - 2 alpha) interval.
 *
 * @module
 */

import { studentTQuantile } from "../results/mod.ts";

/** A closed interval `[low, high]`. */
export type Interval = [number, number];

/** A count of successes out of `n` trials. */
export interface Count {
  successes: number;
  n: number;
}

/** The level of an interval. */
export interface ConfidenceOptions {
  /** Two-sided confidence level. @default {0.95} */
  confidence?: number;
}

/**
 * The `p`-quantile of the standard normal distribution.
 *
 * @example
 * ```ts
 * import { normalQuantile } from "./intervals.ts";
 * if (Math.abs(normalQuantile(0.975) - 1.959963984540054) > 1e-8) throw new Error();
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new RangeError(`Probability must be in (0, 1) but found ${p}: pass e.g. 0.975`);
  }
  // Acklam's rational approximation (relative error under 1.2e-9).
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269];
  const a2 = [-30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972];
  const b2 = -13.28068155288572;
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
  const c2 = [4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c2[0]!) * q + c2[1]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = (((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a2[0]!) * r + a2[1]!) * q /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b2) * r + 1);
  } else {
    return -normalQuantile(1 - p);
  }
  return x;
}

function checkCount(successes: number, n: number): void {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Expected a positive whole number of trials but found ${n}: pass n >= 1`);
  }
  if (!(successes >= 0 && successes <= n)) {
    throw new RangeError(
      `Expected successes in [0, ${n}] but found ${successes}: pass a count of correct images`,
    );
  }
}

/**
 * Wilson score interval of a proportion `successes / n`.
 *
 * @param successes correct images (may be fractional when pooled from accuracies).
 * @param n images.
 * @param options two-sided confidence level.
 * @returns `[low, high]` inside [0, 1]; never a single point.
 * @example
 * ```ts
 * import { wilsonInterval } from "./intervals.ts";
 * const [low, high] = wilsonInterval(0, 64);
 * if (low !== 0 || !(high > 0.05)) throw new Error(); // 0 % is not "0 ± 0"
 * ```
 */
export function wilsonInterval(
  successes: number,
  n: number,
  { confidence = 0.95 }: ConfidenceOptions = {},
): Interval {
  checkCount(successes, n);
  const z = normalQuantile((1 + confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Newcombe's hybrid score interval (his method 10) of the difference of two independent
 * proportions `a.successes / a.n - b.successes / b.n`, built from the two Wilson intervals.
 *
 * @returns `[low, high]` inside [-1, 1].
 * @example
 * ```ts
 * import { newcombeInterval } from "./intervals.ts";
 * const [low, high] = newcombeInterval({ successes: 0, n: 100 }, { successes: 0, n: 100 });
 * if (!(low < 0 && high > 0)) throw new Error(); // 0 % vs 0 % is not "+0 ± 0"
 * ```
 */
export function newcombeInterval(
  a: Count,
  b: Count,
  { confidence = 0.95 }: ConfidenceOptions = {},
): Interval {
  const pa = a.successes / a.n, pb = b.successes / b.n;
  const [la, ua] = wilsonInterval(a.successes, a.n, { confidence });
  const [lb, ub] = wilsonInterval(b.successes, b.n, { confidence });
  const d = pa - pb;
  return [
    d - Math.sqrt((pa - la) ** 2 + (ub - pb) ** 2),
    d + Math.sqrt((ua - pa) ** 2 + (pb - lb) ** 2),
  ];
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function variance(values: readonly number[]): number {
  const m = mean(values);
  return values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1);
}

/**
 * Student-t interval of a mean over seeds.
 *
 * @param values one value per seed (at least 2).
 * @param options two-sided confidence level.
 * @returns `[low, high]`; a single point when every seed gave the same value.
 */
export function tInterval(
  values: readonly number[],
  { confidence = 0.95 }: ConfidenceOptions = {},
): Interval {
  if (values.length < 2) {
    throw new RangeError(
      `Expected at least 2 values for a t interval but found ${values.length}: run more seeds`,
    );
  }
  const m = mean(values);
  const half = studentTQuantile((1 + confidence) / 2, values.length - 1) *
    Math.sqrt(variance(values) / values.length);
  return [m - half, m + half];
}

/**
 * Welch's interval of `mean(a) - mean(b)` for unpaired seeds (Welch-Satterthwaite degrees
 * of freedom).
 *
 * @param a, b one value per seed each (at least 2 each).
 */
export function welchInterval(
  a: readonly number[],
  b: readonly number[],
  { confidence = 0.95 }: ConfidenceOptions = {},
): Interval {
  if (a.length < 2 || b.length < 2) {
    throw new RangeError(
      `Expected at least 2 seeds per model but found ${a.length} and ${b.length}: run more seeds`,
    );
  }
  const va = variance(a) / a.length, vb = variance(b) / b.length;
  const d = mean(a) - mean(b);
  const se = Math.sqrt(va + vb);
  if (se === 0) return [d, d];
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = studentTQuantile((1 + confidence) / 2, df) * se;
  return [d - half, d + half];
}

/** The smallest interval holding both. */
export function union(x: Interval, y: Interval): Interval {
  return [Math.min(x[0], y[0]), Math.max(x[1], y[1])];
}
