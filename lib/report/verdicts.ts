/**
 * Verdict rules: how a claim of the paper is compared with our measurement.
 * The rules are stated in {@link VERDICT_RULES} (printed in the report) and
 * implemented by {@link assessClaim}; every number comes from a results file.
 *
 * @module
 */

import type { Results } from "../results/mod.ts";
import type { Claim, ClaimMetric } from "./claims.ts";
import { MEMORY_MIN_RELATIVE_EFFECT } from "./claims_resources.ts";
import { absoluteClaimBlocker, PLATEAU_TOLERANCE, PLATEAU_WINDOW } from "./plateau.ts";
import {
  ACCURACY_MARGIN,
  compareModels,
  type Comparison,
  judgeDirection,
  MIN_SEEDS,
  PROPORTION_METRICS,
  proportionInterval,
  RELATIVE_MARGIN,
  UNDERPOWERED,
} from "./compare.ts";
import type { Interval } from "./intervals.ts";

/** The verdicts. */
export type Verdict =
  | "reproduced"
  | "not reproduced"
  | typeof UNDERPOWERED
  | "not testable here"
  | "inconsistent within the paper";

/** A claimed absolute accuracy is reproduced within our 95 % CI widened by this (2 pp). */
export const ACCURACY_TOLERANCE = 0.02;
/** A claimed ratio is reproduced when ours is within this relative distance (25 %). */
export const RATIO_TOLERANCE = 0.25;
/** A claimed parameter reduction is compared within this many percentage points (2 pp). */
export const PARAMETER_TOLERANCE = 0.02;

/** The rules in words, for the report. */
export const VERDICT_RULES: readonly string[] = [
  `No verdict of reproduced or not reproduced rests on fewer than ${MIN_SEEDS} seeds: with fewer, a claim that could be tested is **${UNDERPOWERED}** (our numbers are still shown).`,
  `Absolute accuracy (a number for one model): reproduced when the claimed value lies within our 95 % interval widened by ${
    ACCURACY_TOLERANCE * 100
  } pp). Tested only on official data with a full-data profile (\`paper\`, or \`converged\` once that model's validation accuracy has plateaued: its last ${PLATEAU_WINDOW} epochs gain at most ${
    PLATEAU_TOLERANCE * 100
  } pp over the ${PLATEAU_WINDOW} before); otherwise not testable here.`,
  "Direction between two models (hybrid > classical): a seed-level test of a - b. Reproduced when the 95 % interval excludes 0 on the claimed side; **not reproduced** when it excludes 0 on the other side (significantly opposite) or when two one-sided tests show the difference is inside the equivalence margin (no effect); otherwise underpowered.",
  `A direction claimed with a size (hybrid uses less memory: 4-5 GB vs 5-6 GB) also needs our difference to be at least ${
    MEMORY_MIN_RELATIVE_EFFECT * 100
  } % of the classical model's value; a significant but smaller difference is not reproduced.`,
  `Comparable (no difference): reproduced only when two one-sided tests at 5 % each (the 90 % interval) put a - b inside the equivalence margin: ±${
    ACCURACY_MARGIN * 100
  } pp for accuracies, ±${
    RELATIVE_MARGIN * 100
  } % of the reference model's mean for time, CPU and memory. Not reproduced when the 95 % interval excludes 0; otherwise underpowered. An interval that merely contains 0 is not evidence of equivalence.`,
  "Seed-level test: Student t over the per-seed differences, paired by seed (models with the same seed share data order, augmentation and attacked images), or Welch's t when the seeds differ.",
  "Intervals of accuracies (proportions) are widened to score intervals over the pooled evaluated images: Wilson for one model, Newcombe's hybrid score interval for a difference. They never collapse to ±0 at 0 % or 100 %.",
  `Ratio (e.g. epoch time hybrid / classical): reproduced when our ratio of means over ${MIN_SEEDS}+ seeds is within ${
    RATIO_TOLERANCE * 100
  } % of the claimed ratio, or inside a claimed range.`,
  "Parameter reduction 1 - hybrid / classical: not testable here, because it is decided by the CNN trunk and the head, which the paper does not specify (ours are shown for reference).",
  "Absolute seconds, gigabytes and CPU percentages depend on the paper's hardware and software: not testable here (ours are shown for reference).",
  "Accuracy claims on a synthetic stand-in data set: not testable here; every row computed on a stand-in says so.",
  "A claim the paper contradicts elsewhere: inconsistent within the paper; the verdict the rule alone gives is shown beside it.",
];

/** Our side of a claim. */
export interface Measurement {
  /** Display text; its first number is the measured value in the claim's unit. */
  text: string;
  /** The measured value (fractions for accuracies, a - b for differences). */
  value: number;
  /** The 95 % interval, when one exists. */
  interval?: Interval;
}

/** A claim with our measurement and verdict. */
export interface Assessment {
  claim: Claim;
  verdict: Verdict;
  /** For claims the paper contradicts: what the rule alone says. */
  ruleVerdict?: Verdict;
  measured: Measurement | null;
  /** Why this verdict, in a few words. */
  reason: string;
  /** True when the claim's data set was a synthetic stand-in in this run. */
  standIn?: boolean;
}

const UNITS: Record<ClaimMetric, { scale: number; unit: string; digits: number }> = {
  valAccuracy: { scale: 100, unit: "%", digits: 2 },
  testAccuracy: { scale: 100, unit: "%", digits: 2 },
  fgsmAccuracy: { scale: 100, unit: "%", digits: 2 },
  fgsmNormAccuracy: { scale: 100, unit: "%", digits: 2 },
  pgdAccuracy: { scale: 100, unit: "%", digits: 2 },
  epochSeconds: { scale: 1, unit: "s", digits: 3 },
  cpuProcessPercent: { scale: 1, unit: "%", digits: 2 },
  stepTensorMB: { scale: 1, unit: "MiB", digits: 2 },
  freshRssMB: { scale: 1, unit: "MiB", digits: 1 },
};

/** Formats a value in a metric's display unit (differences of percentages in pp). */
export function formatMetric(metric: ClaimMetric, value: number, options: {
  ci95?: number;
  signed?: boolean;
} = {}): string {
  const { scale, unit, digits } = UNITS[metric];
  const sign = options.signed && value >= 0 ? "+" : "";
  const shown = options.signed && unit === "%" ? "pp" : unit;
  const ci = options.ci95 === undefined ? "" : ` ± ${(options.ci95 * scale).toFixed(digits)}`;
  return `${sign}${(value * scale).toFixed(digits)}${ci} ${shown}`;
}

/** Formats a value with its 95 % interval: `+1.20 pp [-0.40, +2.80]`. */
export function formatWithInterval(
  metric: ClaimMetric,
  value: number,
  interval: Interval | undefined,
  { signed = false }: { signed?: boolean } = {},
): string {
  const { scale, digits } = UNITS[metric];
  const main = formatMetric(metric, value, { signed });
  if (interval === undefined) return main;
  const f = (x: number) => `${signed && x >= 0 ? "+" : ""}${(x * scale).toFixed(digits)}`;
  return `${main} [${f(interval[0])}, ${f(interval[1])}]`;
}

/** A comparison as display text: difference, 95 % interval and method. */
export function formatComparison(c: Comparison): string {
  return `${formatWithInterval(c.metric, c.mean, c.interval95, { signed: true })} (${c.method})`;
}

/** Is `x` within a claimed value (relative or absolute tolerance) or range? */
function near(x: number, claim: number | [number, number], tolerance: number, relative: boolean) {
  if (Array.isArray(claim)) return x >= claim[0] && x <= claim[1];
  return relative ? Math.abs(x / claim - 1) <= tolerance : Math.abs(x - claim) <= tolerance;
}

/** Says whether a measurement fell inside a claimed value's tolerance or a claimed range. */
function closeness(ok: boolean, claim: number | [number, number], tolerance: string): string {
  const side = ok ? "inside" : "outside";
  return Array.isArray(claim)
    ? `ours ${side} the claimed range`
    : `ours ${side} the claim ${tolerance}`;
}

/** Verdict and measurement by the rules, before the paper's own contradictions are applied. */
function applyRule(claim: Claim, results: Results): Omit<Assessment, "claim" | "ruleVerdict"> {
  const standIn = results.dataset.provenance !== "official";
  const notTestable = (reason: string, measured: Measurement | null = null) => ({
    verdict: "not testable here" as const,
    measured,
    reason,
  });
  const underpowered = (seeds: number, measured: Measurement) => ({
    verdict: UNDERPOWERED as typeof UNDERPOWERED,
    measured,
    reason: `${seeds} seed${seeds === 1 ? "" : "s"}: a verdict needs at least ${MIN_SEEDS}`,
  });
  const judged = (ok: boolean, measured: Measurement, reason: string) => ({
    verdict: ok ? "reproduced" as const : "not reproduced" as const,
    measured,
    reason,
  });
  if (claim.kind === "parameters") {
    const h = results.models.hybrid?.parameterCount;
    const c = results.models.classical?.parameterCount;
    if (h === undefined || c === undefined) return notTestable("hybrid or classical model not run");
    const reduction = 1 - h / c;
    const measured = {
      text: `${(reduction * 100).toFixed(2)} % (hybrid ${h}, classical ${c} parameters)`,
      value: reduction,
    };
    const ok = near(reduction, claim.value, PARAMETER_TOLERANCE, false);
    return notTestable(
      "decided by the CNN trunk and head, which the paper does not specify (see Protocol); " +
        closeness(ok, claim.value, `± ${PARAMETER_TOLERANCE * 100} pp`) + " on our architecture",
      measured,
    );
  }
  if (claim.kind === "ratio") {
    const a = results.models[claim.a]?.summary[claim.metric];
    const b = results.models[claim.b]?.summary[claim.metric];
    if (a === undefined || b === undefined) return notTestable(`${claim.metric} not measured`);
    const ratio = a.mean / b.mean;
    const seeds = Math.min(a.values.length, b.values.length);
    const measured = {
      text: `${ratio.toFixed(3)}x (${formatMetric(claim.metric, a.mean)} / ${
        formatMetric(claim.metric, b.mean)
      }, ${seeds} seed${seeds === 1 ? "" : "s"})`,
      value: ratio,
    };
    if (seeds < MIN_SEEDS) return underpowered(seeds, measured);
    const ok = near(ratio, claim.value, RATIO_TOLERANCE, true);
    return judged(ok, measured, closeness(ok, claim.value, `± ${RATIO_TOLERANCE * 100} %`));
  }
  if (claim.kind === "value") {
    const stat = results.models[claim.model]?.summary[claim.metric];
    if (stat === undefined) return notTestable(`${claim.model} ${claim.metric} not measured`);
    const seeds = stat.values.length;
    const interval: Interval | undefined = proportionInterval(results, claim.metric, claim.model) ??
      (seeds >= 2 ? [stat.mean - stat.ci95, stat.mean + stat.ci95] : undefined);
    const measured = {
      text: `${formatWithInterval(claim.metric, stat.mean, interval)} (${seeds} seed${
        seeds === 1 ? "" : "s"
      })`,
      value: stat.mean,
      ...(interval ? { interval } : {}),
    };
    if (claim.hardwareDependent) {
      return notTestable("absolute number of the paper's hardware and software", measured);
    }
    if (standIn) return notTestable("synthetic stand-in data set", measured);
    const blocker = absoluteClaimBlocker(results, claim.model);
    if (blocker !== null) return notTestable(blocker, measured);
    if (seeds < MIN_SEEDS || interval === undefined) return underpowered(seeds, measured);
    const ok = claim.value >= interval[0] - ACCURACY_TOLERANCE &&
      claim.value <= interval[1] + ACCURACY_TOLERANCE;
    return judged(
      ok,
      measured,
      `claim ${ok ? "inside" : "outside"} our 95 % interval widened by ${
        ACCURACY_TOLERANCE * 100
      } pp`,
    );
  }
  if (standIn && PROPORTION_METRICS.includes(claim.metric)) {
    const c = compareModels(results, { metric: claim.metric, a: claim.a, b: claim.b });
    return notTestable(
      "synthetic stand-in data set",
      typeof c === "string" ? null : comparisonMeasurement(c),
    );
  }
  const c = compareModels(results, { metric: claim.metric, a: claim.a, b: claim.b });
  if (typeof c === "string") return notTestable(c);
  const judgement = judgeDirection(c, claim.direction, {
    minRelativeEffect: claim.minRelativeEffect,
  });
  return { ...judgement, measured: comparisonMeasurement(c) };
}

function comparisonMeasurement(c: Comparison): Measurement {
  return {
    text: formatComparison(c),
    value: c.mean,
    ...(c.interval95 ? { interval: c.interval95 } : {}),
  };
}

/**
 * Compares one claim with the results of its data set.
 *
 * @param claim The paper's claim.
 * @param results Results of the claim's data set, or undefined when none are on disk.
 * @returns Verdict, measurement (null when nothing was measured) and reason.
 */
export function assessClaim(claim: Claim, results: Results | undefined): Assessment {
  const base = results === undefined
    ? {
      verdict: "not testable here" as const,
      measured: null,
      reason: `no ${claim.dataset} results on disk`,
    }
    : applyRule(claim, results);
  const standIn = results !== undefined && results.dataset.provenance !== "official";
  if (claim.inconsistency !== undefined) {
    return {
      claim,
      verdict: "inconsistent within the paper",
      ruleVerdict: base.verdict,
      measured: base.measured,
      reason: `the paper contradicts itself (${claim.inconsistency}); ${base.reason}`,
      standIn,
    };
  }
  return { claim, ...base, standIn };
}
