/**
 * Seed-level comparison of two models on one metric, and the direction / equivalence
 * verdicts read from it. A verdict needs {@link MIN_SEEDS} seeds; the test is Student t over
 * the per-seed differences (paired by seed: models with the same seed see the same data order,
 * augmentation and attacked images), or Welch's when the seeds differ. For accuracies the
 * interval is widened to Newcombe's score interval over the pooled images, so it never
 * collapses to a point at 0 % or 100 %. "Comparable" is judged by two one-sided tests (TOST)
 * against a stated equivalence margin.
 *
 * @module
 */

import type { ModelKind, Results, SeedRun } from "../results/mod.ts";
import { SUMMARY_METRICS } from "../results/mod.ts";
import type { ClaimMetric } from "./claim_types.ts";
import {
  type Interval,
  newcombeInterval,
  tInterval,
  union,
  welchInterval,
  wilsonInterval,
} from "./intervals.ts";

/** Fewest seeds on which a direction, equivalence, value or ratio verdict is given. */
export const MIN_SEEDS = 3;
/** Equivalence margin for accuracies: a difference within ±2 pp counts as "comparable". */
export const ACCURACY_MARGIN = 0.02;
/** Equivalence margin for time, CPU and memory: within ±10 % of the reference model's mean. */
export const RELATIVE_MARGIN = 0.1;
/** Level of each one-sided test of TOST (read off the two-sided 90 % interval). */
export const TOST_ALPHA = 0.05;
/** The verdict for too few seeds or an inconclusive test. */
export const UNDERPOWERED = "underpowered: run more seeds";

/** Metrics that are proportions of images (Wilson / Newcombe intervals apply). */
export const PROPORTION_METRICS: readonly ClaimMetric[] = [
  "valAccuracy",
  "testAccuracy",
  "fgsmAccuracy",
  "fgsmNormAccuracy",
  "pgdAccuracy",
];

/** A seed-level comparison of `a - b`. */
export interface Comparison {
  a: ModelKind;
  b: ModelKind;
  metric: ClaimMetric;
  /** Seeds behind the test: pairs when paired, else the smaller of the two counts. */
  seeds: number;
  paired: boolean;
  /** mean(a) - mean(b). */
  mean: number;
  /** Two-sided 95 % interval of the difference (absent for one seed of a non-proportion). */
  interval95?: Interval;
  /** Two-sided 90 % interval: TOST at 5 % per side. */
  interval90?: Interval;
  /** Equivalence margin in the metric's unit. */
  margin: number;
  /** Mean of b, the reference for relative margins and effects. */
  reference: number;
  /** How the interval was computed, in words. */
  method: string;
}

/** Images a proportion metric was measured on in one run. */
export function sampleSize(metric: ClaimMetric, results: Results, run: SeedRun): number {
  if (metric === "valAccuracy") return results.dataset.sizes.val;
  if (metric === "testAccuracy") return results.dataset.sizes.test;
  return run.robustness.count;
}

/** The equivalence margin of a metric, given the reference model's mean. */
export function equivalenceMargin(metric: ClaimMetric, reference: number): number {
  return PROPORTION_METRICS.includes(metric)
    ? ACCURACY_MARGIN
    : RELATIVE_MARGIN * Math.abs(reference);
}

function values(runs: readonly SeedRun[], metric: ClaimMetric): number[] | null {
  const read = SUMMARY_METRICS[metric];
  if (read === undefined) return null;
  const out = runs.map(read);
  return out.every((v): v is number => typeof v === "number" && Number.isFinite(v)) ? out : null;
}

function pooled(metric: ClaimMetric, results: Results, runs: readonly SeedRun[], v: number[]) {
  let successes = 0, n = 0;
  runs.forEach((run, i) => {
    const size = sampleSize(metric, results, run);
    successes += Math.round(v[i]! * size);
    n += size;
  });
  return { successes, n };
}

function seedInterval(
  va: number[],
  vb: number[],
  { paired, confidence }: { paired: boolean; confidence: number },
): Interval | undefined {
  if (paired) {
    return va.length >= 2 ? tInterval(va.map((x, i) => x - vb[i]!), { confidence }) : undefined;
  }
  return va.length >= 2 && vb.length >= 2 ? welchInterval(va, vb, { confidence }) : undefined;
}

/** Options of {@link compareModels}. */
export interface CompareOptions {
  metric: ClaimMetric;
  /** The model whose values come first in `a - b`. */
  a: ModelKind;
  b: ModelKind;
}

/**
 * Compares `a - b` on `metric` at the seed level.
 *
 * @returns the comparison, or why there is none (a model or metric missing).
 */
export function compareModels(
  results: Results,
  { metric, a, b }: CompareOptions,
): Comparison | string {
  const runsA = results.models[a]?.runs ?? [];
  const runsB = results.models[b]?.runs ?? [];
  if (runsA.length === 0 || runsB.length === 0) return `${a} or ${b} model not run`;
  const seedsA = runsA.map((r) => r.seed).sort((x, y) => x - y);
  const seedsB = runsB.map((r) => r.seed).sort((x, y) => x - y);
  const paired = seedsA.length === seedsB.length && seedsA.every((s, i) => s === seedsB[i]);
  const ordered = (runs: readonly SeedRun[]) => [...runs].sort((x, y) => x.seed - y.seed);
  const ra = ordered(runsA), rb = ordered(runsB);
  const va = values(ra, metric), vb = values(rb, metric);
  if (va === null || vb === null) return `${metric} not measured for ${a} and ${b}`;
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const reference = mean(vb);
  const seeds = paired ? va.length : Math.min(va.length, vb.length);
  let interval95 = seedInterval(va, vb, { paired, confidence: 0.95 });
  let interval90 = seedInterval(va, vb, { paired, confidence: 1 - 2 * TOST_ALPHA });
  const test = interval95 === undefined
    ? "no seed-level test"
    : paired
    ? "paired t over seeds"
    : "Welch t over seeds";
  let method = `${seeds} seed${seeds === 1 ? "" : "s"}, ${test}`;
  if (PROPORTION_METRICS.includes(metric)) {
    const pa = pooled(metric, results, ra, va), pb = pooled(metric, results, rb, vb);
    const n95 = newcombeInterval(pa, pb, { confidence: 0.95 });
    const n90 = newcombeInterval(pa, pb, { confidence: 1 - 2 * TOST_ALPHA });
    interval95 = interval95 === undefined ? n95 : union(interval95, n95);
    interval90 = interval90 === undefined ? n90 : union(interval90, n90);
    method += `, widened to Newcombe's interval over ${pa.n} + ${pb.n} images`;
  }
  return {
    a,
    b,
    metric,
    seeds,
    paired,
    mean: mean(va) - reference,
    ...(interval95 ? { interval95 } : {}),
    ...(interval90 ? { interval90 } : {}),
    margin: equivalenceMargin(metric, reference),
    reference,
    method,
  };
}

/** A verdict and its reason. */
export interface Judgement {
  verdict: "reproduced" | "not reproduced" | typeof UNDERPOWERED;
  reason: string;
}

/** Is the whole 90 % interval inside (-margin, margin)? (TOST at 5 % per side.) */
export function equivalent(c: Comparison): boolean {
  return c.interval90 !== undefined && c.interval90[0] > -c.margin && c.interval90[1] < c.margin;
}

/**
 * Judges a claimed direction (`>`: a above b, `<`: a below b) or equivalence (`~`).
 *
 * - fewer than {@link MIN_SEEDS} seeds: underpowered;
 * - `>` / `<`: reproduced when the 95 % interval excludes 0 on the claimed side (and, with
 *   `minRelativeEffect`, the effect is at least that share of b); not reproduced when it lies
 *   on the opposite side ("significantly opposite") or when TOST shows equivalence within the
 *   margin ("no effect"); otherwise underpowered;
 * - `~`: reproduced when TOST shows equivalence within the margin; not reproduced when the
 *   95 % interval excludes 0 ("significantly different"); otherwise underpowered.
 */
export function judgeDirection(
  c: Comparison,
  direction: ">" | "<" | "~",
  { minRelativeEffect }: { minRelativeEffect?: number } = {},
): Judgement {
  const vs = `${c.a} - ${c.b}`;
  if (c.seeds < MIN_SEEDS || c.interval95 === undefined) {
    return {
      verdict: UNDERPOWERED,
      reason: `${c.seeds} seed${
        c.seeds === 1 ? "" : "s"
      }: a verdict needs at least ${MIN_SEEDS} and a seed-level test`,
    };
  }
  const [low, high] = c.interval95;
  const margin = `±${formatMargin(c)}`;
  if (direction === "~") {
    if (equivalent(c)) {
      return { verdict: "reproduced", reason: `equivalent within ${margin} (TOST, 5 % per side)` };
    }
    if (low > 0 || high < 0) {
      return {
        verdict: "not reproduced",
        reason: `significantly different: 95 % CI of ${vs} excludes 0`,
      };
    }
    return {
      verdict: UNDERPOWERED,
      reason: `no significant difference, but equivalence within ${margin} not shown`,
    };
  }
  const sign = direction === ">" ? 1 : -1;
  const claimedSide = sign > 0 ? low > 0 : high < 0;
  const oppositeSide = sign > 0 ? high < 0 : low > 0;
  if (claimedSide) {
    const share = Math.abs(c.mean) / Math.abs(c.reference);
    if (minRelativeEffect !== undefined && share < minRelativeEffect) {
      return {
        verdict: "not reproduced",
        reason: `significant, but only ${(share * 100).toFixed(1)} % of ${c.b}'s value (under ${
          minRelativeEffect * 100
        } %): negligible`,
      };
    }
    return { verdict: "reproduced", reason: `95 % CI of ${vs} excludes 0 on the claimed side` };
  }
  if (oppositeSide) {
    return {
      verdict: "not reproduced",
      reason: `significantly opposite: 95 % CI of ${vs} excludes 0 on the other side`,
    };
  }
  if (equivalent(c)) {
    return { verdict: "not reproduced", reason: `no effect: equivalent within ${margin} (TOST)` };
  }
  return {
    verdict: UNDERPOWERED,
    reason: `no significant difference and equivalence within ${margin} not shown`,
  };
}

function formatMargin(c: Comparison): string {
  return PROPORTION_METRICS.includes(c.metric)
    ? `${(c.margin * 100).toFixed(1)} pp`
    : `${RELATIVE_MARGIN * 100} % of ${c.b}'s mean`;
}

/**
 * Interval of one model's proportion metric over all its seeds: Wilson over the pooled
 * images, widened to the Student-t interval over seeds when there are 2+ seeds.
 *
 * @returns `[low, high]`, or undefined for a metric that is not a proportion.
 */
export function proportionInterval(
  results: Results,
  metric: ClaimMetric,
  kind: ModelKind,
): Interval | undefined {
  if (!PROPORTION_METRICS.includes(metric)) return undefined;
  const runs = results.models[kind]?.runs ?? [];
  const v = values(runs, metric);
  if (v === null || v.length === 0) return undefined;
  const { successes, n } = pooled(metric, results, runs, v);
  const wilson = wilsonInterval(successes, n);
  return v.length >= 2 ? union(wilson, tInterval(v)) : wilson;
}
