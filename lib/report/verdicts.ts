/**
 * Verdict rules: how a claim of the paper is compared with our measurement.
 * The rules are stated in {@link VERDICT_RULES} (printed in the report) and
 * implemented by {@link assessClaim}; every number comes from a results file.
 *
 * @module
 */

import {
  meanCI95,
  type ModelKind,
  type Results,
  type SeedRun,
  SUMMARY_METRICS,
} from "../results/mod.ts";
import type { Claim, ClaimMetric } from "./claims.ts";
import { MEMORY_MIN_RELATIVE_EFFECT } from "./claims_resources.ts";
import { absoluteClaimBlocker, PLATEAU_TOLERANCE, PLATEAU_WINDOW } from "./plateau.ts";

/** The four verdicts. */
export type Verdict =
  | "reproduced"
  | "not reproduced"
  | "not testable here"
  | "inconsistent within the paper";

/** A claimed absolute accuracy is reproduced within our 95 % CI widened by this (2 pp). */
export const ACCURACY_TOLERANCE = 0.02;
/** A claimed ratio is reproduced when ours is within this relative distance (25 %). */
export const RATIO_TOLERANCE = 0.25;
/** A claimed parameter reduction is reproduced within this many percentage points (2 pp). */
export const PARAMETER_TOLERANCE = 0.02;
/** Two-sided 95 % normal quantile, for the one-seed interval of a difference of proportions. */
export const Z_95 = 1.959963984540054;

/** The rules in words, for the report. */
export const VERDICT_RULES: readonly string[] = [
  `Absolute accuracy (a number for one model): reproduced when the claimed value lies within our mean ± (95 % CI half width + ${
    ACCURACY_TOLERANCE * 100
  } pp). Tested only on official data with a full-data profile (\`paper\`, or \`converged\` once that model's validation accuracy has plateaued: its last ${PLATEAU_WINDOW} epochs gain at most ${
    PLATEAU_TOLERANCE * 100
  } pp over the ${PLATEAU_WINDOW} before); otherwise not testable here.`,
  "Direction between two models (hybrid > classical, hybrid < classical): reproduced when the 95 % CI of our difference (hybrid - classical) excludes 0 in the claimed direction; otherwise not reproduced.",
  `A direction claimed with a size (hybrid uses less memory: 4-5 GB vs 5-6 GB) also needs our difference to be at least ${
    MEMORY_MIN_RELATIVE_EFFECT * 100
  } % of the classical model's value; a significant but smaller difference is not reproduced.`,
  "Comparable (no difference): reproduced when the 95 % CI of our difference contains 0.",
  "CI of a difference: with 2+ seeds, Student t over the per-seed paired differences; with 1 seed and an accuracy, the normal approximation for two proportions over the evaluated images (test-set sampling only, not seed variation); with 1 seed and a resource metric, Student t over per-epoch paired differences (not testable with one epoch).",
  `Ratio (e.g. epoch time hybrid / classical): reproduced when our ratio of means is within ${
    RATIO_TOLERANCE * 100
  } % of the claimed ratio, or inside a claimed range.`,
  `Parameter reduction 1 - hybrid / classical: reproduced within ${
    PARAMETER_TOLERANCE * 100
  } pp of the claim, or inside a claimed range.`,
  "Absolute seconds, gigabytes and CPU percentages depend on the paper's hardware and software: not testable here (ours are shown for reference).",
  "Accuracy claims on a synthetic stand-in data set: not testable here.",
  "A claim the paper contradicts elsewhere: inconsistent within the paper; the verdict the rule alone gives is shown beside it.",
];

/** Our side of a claim. */
export interface Measurement {
  /** Display text; its first number is the measured value in the claim's unit. */
  text: string;
  /** The measured value (fractions for accuracies, a - b for differences). */
  value: number;
  /** Half width of the 95 % CI, when one exists. */
  ci95?: number;
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
}

const PROPORTIONS: readonly ClaimMetric[] = ["valAccuracy", "testAccuracy", "fgsmAccuracy"];

const UNITS: Record<ClaimMetric, { scale: number; unit: string; digits: number }> = {
  valAccuracy: { scale: 100, unit: "%", digits: 2 },
  testAccuracy: { scale: 100, unit: "%", digits: 2 },
  fgsmAccuracy: { scale: 100, unit: "%", digits: 2 },
  epochSeconds: { scale: 1, unit: "s", digits: 3 },
  cpuProcessPercent: { scale: 1, unit: "%", digits: 2 },
  tensorMB: { scale: 1, unit: "MB", digits: 2 },
  rssMB: { scale: 1, unit: "MB", digits: 2 },
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

/** Reads one per-epoch resource value from a history record. */
function epochValue(metric: ClaimMetric, run: SeedRun, epoch: number): number | undefined {
  const record = run.history[epoch];
  if (record === undefined) return undefined;
  if (metric === "epochSeconds") return record.seconds;
  if (metric === "cpuProcessPercent") return record.cpuProcessPercent;
  if (metric === "tensorMB") return record.tensorMB;
  if (metric === "rssMB") return record.rssMB;
  return undefined;
}

/** Number of images a proportion metric was measured on. */
function sampleSize(metric: ClaimMetric, results: Results, run: SeedRun): number {
  if (metric === "valAccuracy") return results.dataset.sizes.val;
  if (metric === "testAccuracy") return results.dataset.sizes.test;
  return run.robustness.count;
}

/** Our difference a - b with its 95 % CI and the method used, or why there is none. */
export function measureDifference(
  results: Results,
  { metric, a, b }: { metric: ClaimMetric; a: ModelKind; b: ModelKind },
): { mean: number; ci95: number; method: string } | string {
  const runsA = results.models[a]?.runs ?? [];
  const runsB = results.models[b]?.runs ?? [];
  const pairs = runsA.flatMap((ra) => {
    const rb = runsB.find((r) => r.seed === ra.seed);
    return rb === undefined ? [] : [[ra, rb] as const];
  });
  if (pairs.length === 0) return `no common seeds of ${a} and ${b}`;
  if (PROPORTIONS.includes(metric)) {
    const read = SUMMARY_METRICS[metric]!;
    const values = pairs.map(([ra, rb]) => [read(ra), read(rb)] as const);
    if (values.some(([va, vb]) => va === undefined || vb === undefined)) {
      return `no ${metric} in the results`;
    }
    if (pairs.length >= 2) {
      const s = meanCI95(values.map(([va, vb]) => va! - vb!));
      return { mean: s.mean, ci95: s.ci95, method: `${pairs.length} seeds, paired` };
    }
    const [ra, rb] = pairs[0]!;
    const [pa, pb] = values[0] as [number, number];
    const na = sampleSize(metric, results, ra);
    const nb = sampleSize(metric, results, rb);
    const ci95 = Z_95 * Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
    return { mean: pa - pb, ci95, method: `1 seed; CI over ${na} images` };
  }
  const diffs = pairs.flatMap(([ra, rb]) =>
    ra.history.flatMap((_, e) => {
      const va = epochValue(metric, ra, e);
      const vb = epochValue(metric, rb, e);
      return va === undefined || vb === undefined ? [] : [va - vb];
    })
  );
  if (diffs.length < 2) return "one seed of one epoch: no confidence interval (run more)";
  const s = meanCI95(diffs);
  return { mean: s.mean, ci95: s.ci95, method: `${diffs.length} seed-epochs, paired` };
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
    return judged(ok, measured, closeness(ok, claim.value, `± ${PARAMETER_TOLERANCE * 100} pp`));
  }
  if (claim.kind === "ratio") {
    const a = results.models[claim.a]?.summary[claim.metric];
    const b = results.models[claim.b]?.summary[claim.metric];
    if (a === undefined || b === undefined) return notTestable(`${claim.metric} not measured`);
    const ratio = a.mean / b.mean;
    const measured = {
      text: `${ratio.toFixed(3)}x (${formatMetric(claim.metric, a.mean)} / ${
        formatMetric(claim.metric, b.mean)
      })`,
      value: ratio,
    };
    const ok = near(ratio, claim.value, RATIO_TOLERANCE, true);
    return judged(ok, measured, closeness(ok, claim.value, `± ${RATIO_TOLERANCE * 100} %`));
  }
  if (claim.kind === "value") {
    const stat = results.models[claim.model]?.summary[claim.metric];
    if (stat === undefined) return notTestable(`${claim.model} ${claim.metric} not measured`);
    const seeds = stat.values.length;
    const measured = {
      text: seeds === 1
        ? `${formatMetric(claim.metric, stat.mean)} (1 seed, no CI)`
        : `${formatMetric(claim.metric, stat.mean, { ci95: stat.ci95 })} (${seeds} seeds)`,
      value: stat.mean,
      ci95: stat.ci95,
    };
    if (claim.hardwareDependent) {
      return notTestable("absolute number of the paper's hardware and software", measured);
    }
    if (standIn) return notTestable("synthetic stand-in data set", measured);
    const blocker = absoluteClaimBlocker(results, claim.model);
    if (blocker !== null) return notTestable(blocker, measured);
    const ok = Math.abs(stat.mean - claim.value) <= stat.ci95 + ACCURACY_TOLERANCE;
    return judged(
      ok,
      measured,
      `claim ${ok ? "inside" : "outside"} our mean ± (CI + ${ACCURACY_TOLERANCE * 100} pp)`,
    );
  }
  if (standIn && PROPORTIONS.includes(claim.metric)) {
    return notTestable("synthetic stand-in data set");
  }
  const d = measureDifference(results, { metric: claim.metric, a: claim.a, b: claim.b });
  if (typeof d === "string") return notTestable(d);
  const measured = {
    text: `${formatMetric(claim.metric, d.mean, { ci95: d.ci95, signed: true })} (${d.method})`,
    value: d.mean,
    ci95: d.ci95,
  };
  const low = d.mean - d.ci95;
  const high = d.mean + d.ci95;
  const significant = claim.direction === ">"
    ? low > 0
    : claim.direction === "<"
    ? high < 0
    : low <= 0 && high >= 0;
  const where = low > 0
    ? `CI of ${claim.a} - ${claim.b} above 0`
    : high < 0
    ? `CI of ${claim.a} - ${claim.b} below 0`
    : "CI contains 0: no significant difference";
  const reference = results.models[claim.b]?.summary[claim.metric]?.mean;
  if (
    significant && claim.minRelativeEffect !== undefined && reference !== undefined &&
    Math.abs(d.mean) < claim.minRelativeEffect * Math.abs(reference)
  ) {
    const share = (100 * Math.abs(d.mean) / Math.abs(reference)).toFixed(1);
    return judged(
      false,
      measured,
      `${where}, but only ${share} % of ${claim.b}'s value (under ${
        claim.minRelativeEffect * 100
      } %): negligible`,
    );
  }
  return judged(significant, measured, where);
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
  if (claim.inconsistency !== undefined) {
    return {
      claim,
      verdict: "inconsistent within the paper",
      ruleVerdict: base.verdict,
      measured: base.measured,
      reason: `the paper contradicts itself (${claim.inconsistency}); ${base.reason}`,
    };
  }
  return { claim, ...base };
}
