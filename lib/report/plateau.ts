/**
 * Whether a run trained long enough: per model, the validation-accuracy curve (mean over
 * seeds) of the last epochs against the epochs before them. Published tables state it,
 * so a profile's epoch count is checked by every run made with it.
 *
 * @module
 */

import { FULL_PROFILES, MODEL_KINDS, type ModelKind, type Results } from "../results/mod.ts";

/** Epochs in each of the two windows compared. */
export const PLATEAU_WINDOW = 5;
/** Largest mean gain (as a fraction, 0.1 pp) of the last window that still counts as a plateau. */
export const PLATEAU_TOLERANCE = 0.001;

/** The plateau check of one model. */
export interface PlateauCheck {
  kind: ModelKind;
  /** Mean validation accuracy of the last window minus that of the window before it. */
  gain: number | null;
  /** `true` plateaued, `false` still rising, `null` too few epochs to tell. */
  plateaued: boolean | null;
}

/**
 * Checks every model's validation curve for a plateau.
 *
 * @param results A finished run.
 * @returns One check per model kind present, in display order.
 * @example
 * ```ts ignore
 * import { plateauChecks } from "./plateau.ts";
 * plateauChecks(results).every((c) => c.plateaued === true);
 * ```
 */
export function plateauChecks(results: Results): PlateauCheck[] {
  return MODEL_KINDS.flatMap((kind): PlateauCheck[] => {
    const model = results.models[kind];
    if (model === undefined || model.runs.length === 0) return [];
    const epochs = Math.min(...model.runs.map((r) => r.history.length));
    if (epochs < 2 * PLATEAU_WINDOW) return [{ kind, gain: null, plateaued: null }];
    const curve = Array.from(
      { length: epochs },
      (_, e) =>
        model.runs.reduce((sum, r) => sum + r.history[e]!.valAccuracy, 0) / model.runs.length,
    );
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const gain = mean(curve.slice(-PLATEAU_WINDOW)) -
      mean(curve.slice(-2 * PLATEAU_WINDOW, -PLATEAU_WINDOW));
    return [{ kind, gain, plateaued: gain <= PLATEAU_TOLERANCE }];
  });
}

/**
 * The checks in one sentence, e.g. "Validation accuracy over the last 5 epochs against the
 * 5 before (mean over seeds): hybrid +0.02 pp (plateaued), classical +0.31 pp (still rising)".
 */
export function plateauSentence(results: Results): string {
  const parts = plateauChecks(results).map((c) =>
    c.gain === null
      ? `${c.kind}: too few epochs to tell (needs ${2 * PLATEAU_WINDOW})`
      : `${c.kind} ${c.gain >= 0 ? "+" : ""}${(c.gain * 100).toFixed(2)} pp (${
        c.plateaued ? "plateaued" : "STILL RISING"
      })`
  );
  return `Validation accuracy of the last ${PLATEAU_WINDOW} epochs against the ${PLATEAU_WINDOW} ` +
    `before them (mean over seeds; a plateau gains at most ${PLATEAU_TOLERANCE * 100} pp): ` +
    `${parts.join(", ")}.`;
}

/**
 * Why the paper's absolute number for `model` cannot be compared with this run, or `null`
 * when it can: the run must train on the full data with a profile of `FULL_PROFILES`
 * (`paper`, `converged`), and a `converged` run (fewer epochs than the paper's 50) must
 * show the model's validation curve plateaued.
 *
 * @param results A finished run.
 * @param model The model the claim is about.
 * @returns A reason for "not testable here", or `null`.
 */
export function absoluteClaimBlocker(results: Results, model: ModelKind): string | null {
  const { profile, config, dataset } = results;
  if (!FULL_PROFILES.includes(profile)) {
    return `profile ${profile}: ${config.epochs} epoch(s) on ${dataset.sizes.train} training ` +
      `images, not full training on full data`;
  }
  // The paper's own protocol is compared as it is; shorter full-data runs must show a plateau.
  if (profile === "paper") return null;
  const check = plateauChecks(results).find((c) => c.kind === model);
  if (check?.plateaued === true) return null;
  return check?.plateaued === false
    ? `${model}'s validation accuracy still rises after ${config.epochs} epochs`
    : `${config.epochs} epochs are too few to see whether ${model} plateaued`;
}
