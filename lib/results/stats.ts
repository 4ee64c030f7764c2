/**
 * Mean and 95 % confidence interval over seeds, with Student's t distribution
 * (its quantile computed here, no table).
 *
 * @module
 */
import type { SeedStatistic } from "./schema.ts";

/** Two-sided confidence level of {@link meanCI95}. */
export const CONFIDENCE = 0.95;
/** Relative precision at which {@link studentTQuantile} stops bisecting. */
const QUANTILE_TOLERANCE = 1e-12;
/** Iteration cap of the incomplete-beta continued fraction. */
const MAX_FRACTION_TERMS = 300;
/** Convergence threshold of the continued fraction. */
const FRACTION_EPSILON = 1e-15;
/** Guard against division by zero in Lentz's method. */
const TINY = 1e-300;

const LANCZOS = [
  676.5203681218851,
  -1259.1392167224028,
  771.32342877765313,
  -176.61502916214059,
  12.507343278686905,
  -0.13857109526572012,
  9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** Natural log of the gamma function for x > 0 (Lanczos, g = 7). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = 0.99999999999980993;
  for (let i = 0; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i + 1);
  const t = z + LANCZOS.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < TINY ? TINY : d);
  let h = d;
  for (let m = 1; m <= MAX_FRACTION_TERMS; m++) {
    const m2 = 2 * m;
    for (
      const coefficient of [
        (m * (b - m) * x) / ((a + m2 - 1) * (a + m2)),
        (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1)),
      ]
    ) {
      d = 1 + coefficient * d;
      d = 1 / (Math.abs(d) < TINY ? TINY : d);
      c = 1 + coefficient / c;
      if (Math.abs(c) < TINY) c = TINY;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < FRACTION_EPSILON) break;
  }
  return h;
}

/** Regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
  );
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/**
 * Cumulative distribution function of Student's t with `df` degrees of freedom.
 *
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { studentTCdf } from "./stats.ts";
 * ok(Math.abs(studentTCdf(0, 3) - 0.5) < 1e-12);
 * ```
 */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The `p`-quantile of Student's t with `df` degrees of freedom, by bisection of
 * {@link studentTCdf}.
 *
 * @param p probability in (0, 1)
 * @param df degrees of freedom, > 0
 * @returns t such that P(T <= t) = p
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { studentTQuantile } from "./stats.ts";
 * // df = 1 is the Cauchy distribution: quantile tan(pi (p - 1/2)).
 * ok(Math.abs(studentTQuantile(0.975, 1) - Math.tan(0.475 * Math.PI)) < 1e-9);
 * ```
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) {
    throw new RangeError(`Probability must be in (0, 1) but found ${p}: pass e.g. 0.975`);
  }
  if (!(df > 0)) throw new RangeError(`Degrees of freedom must be > 0 but found ${df}`);
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  while (hi - lo > QUANTILE_TOLERANCE * Math.max(1, hi)) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Mean and half width of the two-sided 95 % confidence interval of the mean,
 * `t(0.975, n - 1) * s / sqrt(n)` with `s` the sample standard deviation
 * (denominator n - 1). With one value the half width is 0 (no spread can be
 * estimated); the interval assumes roughly normal, independent values.
 *
 * @param values one value per seed (finite numbers)
 * @returns `{ values, mean, ci95 }`
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { meanCI95 } from "./stats.ts";
 * const { mean, ci95 } = meanCI95([1, 2, 3]);
 * // s = 1, t(0.975, 2) = 4.3027
 * ok(mean === 2 && Math.abs(ci95 - 4.302652729911275 / Math.sqrt(3)) < 1e-9);
 * ```
 */
export function meanCI95(values: readonly number[]): SeedStatistic {
  if (values.length === 0) {
    throw new RangeError("Values must hold at least one number but found none: pass one per seed");
  }
  for (const v of values) {
    if (!Number.isFinite(v)) {
      throw new RangeError(`Values must be finite numbers but found ${v}: drop failed runs`);
    }
  }
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { values: [...values], mean, ci95: 0 };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  const t = studentTQuantile((1 + CONFIDENCE) / 2, n - 1);
  return { values: [...values], mean, ci95: (t * Math.sqrt(variance)) / Math.sqrt(n) };
}
