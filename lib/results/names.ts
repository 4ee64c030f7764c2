/**
 * The names every folder shares: data sets, model kinds, profiles, the paper's
 * FGSM epsilons. Each is defined here once; other folders import them from
 * `lib/results/mod.ts`.
 *
 * @module
 */

/** The data sets of the paper. */
export type DatasetName = "mnist" | "cifar100" | "stl10";

/** Every data set name, in the paper's order. */
export const DATASET_NAMES: readonly DatasetName[] = ["mnist", "cifar100", "stl10"];

/** Display names of the data sets (figure titles, report tables). */
export const DATASET_LABELS: Readonly<Record<DatasetName, string>> = {
  mnist: "MNIST",
  cifar100: "CIFAR-100",
  stl10: "STL-10",
};

/**
 * Where a data set's pixels came from: the official files (published checksum),
 * files the user supplied (their own MD5 or folder, not checked against the
 * published one), or the synthetic stand-in.
 */
export type Provenance = "official" | "user-supplied" | "synthetic stand-in";

/**
 * The models every experiment trains with the same protocol:
 * - `hybrid`: CNN -> dense 16 -> quantum circuit (8 trainable weights) -> classifier;
 * - `classical`: CNN -> classifier, no bottleneck;
 * - `control`: the hybrid with the circuit replaced by L2 normalisation and a dense 16 -> 4
 *   (tanh), the width-matched control (68 parameters in place of the circuit's 8);
 * - `frozen`: the hybrid with the circuit's weights fixed at their random initialisation.
 */
export type ModelKind = "classical" | "hybrid" | "control" | "frozen";

/** Every model kind, in the order figures and tables list them. */
export const MODEL_KINDS: readonly ModelKind[] = ["hybrid", "classical", "control", "frozen"];

/**
 * Run sizes: `smoke` for tests and CI, `quick` (default), `converged` (full MNIST until the
 * curves plateau: the published answer), `paper` (the paper's settings).
 */
export type ProfileName = "smoke" | "quick" | "converged" | "paper";

/** Profile names in the order `--help` lists them. */
export const PROFILE_NAMES: readonly ProfileName[] = ["smoke", "quick", "converged", "paper"];

/**
 * Profiles that train on the full official splits until the curves level off, so the
 * paper's absolute numbers can be compared with theirs.
 */
export const FULL_PROFILES: readonly ProfileName[] = ["converged", "paper"];

/** One line per profile, for the report and `--help`. */
export const PROFILE_DESCRIPTIONS: Readonly<Record<ProfileName, string>> = {
  smoke: "tiny subsets, 1 epoch, 1 seed: checks that everything runs (a few minutes); no verdicts",
  quick:
    "moderate subsets, 3 epochs, 1 seed: every figure in minutes (default); add --seeds 3 for verdicts",
  converged:
    "full official splits (MNIST 54,000 / 6,000 / 10,000) until validation accuracy plateaus, batch 64, 3 seeds, every model, attacks on 1,000 test images: the published answer",
  paper:
    "the paper's data, epochs (50) and batch size (64); optimiser (Adam 1e-3), seeds (3), trunks and head are our choices (see Protocol)",
};

/** The paper's FGSM epsilon (pixel scale [0, 1]). */
export const HEADLINE_EPSILON = 0.1;

/**
 * The FGSM curve's epsilons: 0 is clean accuracy, {@link HEADLINE_EPSILON} the paper's headline.
 *
 * @example
 * ```ts
 * import { EPSILON_GRID, HEADLINE_EPSILON } from "./names.ts";
 * import { ok } from "node:assert/strict";
 * ok(EPSILON_GRID.includes(0) && EPSILON_GRID.includes(HEADLINE_EPSILON));
 * ```
 */
export const EPSILON_GRID: readonly number[] = [0, 0.01, 0.02, 0.05, HEADLINE_EPSILON, 0.2];
