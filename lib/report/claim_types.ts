/**
 * Types of the paper's claims: a number for one model, a direction or ratio
 * between two models, or a parameter reduction.
 *
 * @module
 */

import type { DatasetName, ModelKind } from "../results/mod.ts";

/** Summary metrics a claim can refer to (see `SUMMARY_METRICS` in lib/experiment). */
export type ClaimMetric =
  | "valAccuracy"
  | "testAccuracy"
  | "fgsmAccuracy"
  | "fgsmNormAccuracy"
  | "pgdAccuracy"
  | "epochSeconds"
  | "cpuProcessPercent"
  | "stepTensorMB"
  | "freshRssMB";

/** A number the paper states for one model. */
export interface ValueClaim {
  kind: "value";
  metric: ClaimMetric;
  model: ModelKind;
  /** Claimed value in the metric's unit (fractions for accuracies). */
  value: number;
  /** True when the number depends on the paper's hardware or software, so no run here can test it. */
  hardwareDependent?: boolean;
}

/** A claimed direction between two models ("hybrid > classical"), optionally with a size. */
export interface DifferenceClaim {
  kind: "difference";
  metric: ClaimMetric;
  a: ModelKind;
  b: ModelKind;
  /** `>`: a above b; `<`: a below b; `~`: comparable (no significant difference). */
  direction: ">" | "<" | "~";
  /** Claimed size of a - b, for display (the verdict tests the direction). */
  value?: number;
  /**
   * Smallest |a - b| relative to b's mean that counts as a real difference
   * (a significant but negligible effect is not the claim reproduced).
   */
  minRelativeEffect?: number;
}

/** A claimed ratio a / b of a metric (e.g. epoch time "2.3x longer"). */
export interface RatioClaim {
  kind: "ratio";
  metric: ClaimMetric;
  a: ModelKind;
  b: ModelKind;
  /** Claimed ratio, or a [low, high] range. */
  value: number | [number, number];
}

/** A claimed parameter reduction of the hybrid relative to the classical model. */
export interface ParameterClaim {
  kind: "parameters";
  /** Claimed reduction 1 - hybrid / classical, or a [low, high] range. */
  value: number | [number, number];
}

/** One row of the claims table. */
export type Claim = (ValueClaim | DifferenceClaim | RatioClaim | ParameterClaim) & {
  /** Stable id used in the report, e.g. `mnist-val-hybrid`. */
  id: string;
  dataset: DatasetName;
  /** The claim in words. */
  text: string;
  /** What the paper says, as it says it. */
  paper: string;
  /** Where in the paper. */
  source: string;
  /** Set when the paper contradicts itself on this claim: the id of the entry in {@link CONTRADICTIONS}. */
  inconsistency?: string;
};
