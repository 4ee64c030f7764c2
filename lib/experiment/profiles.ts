/**
 * Run profiles: how much data, how many epochs and seeds one experiment uses.
 * `smoke` is for tests and CI, `quick` is the default of `deno task reproduce`,
 * `converged` trains full MNIST until validation accuracy plateaus (the published answer),
 * `paper` is the paper's protocol (full data, 50 epochs, batch 64, Adam 1e-3).
 *
 * @module
 */

import { type AnalyzeOptions, PROFILE_ANALYSIS } from "../analysis/mod.ts";
import {
  type DatasetName,
  EPSILON_GRID,
  PROFILE_DESCRIPTIONS,
  PROFILE_NAMES,
  type ProfileName,
} from "../results/mod.ts";

/** Split sizes; `undefined` for a split means the whole split. */
export interface SplitSizes {
  train?: number;
  val?: number;
  test?: number;
}

/** Everything a profile fixes about a run. */
export interface Profile {
  name: ProfileName;
  /** One line for the report and `--help`. */
  description: string;
  /** Split sizes per data set (seeded stratified subsets); empty means full data. */
  sizes: Record<DatasetName, SplitSizes>;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Seeds run by default (the first `seeds` of 1, 2, 3, ...). */
  seeds: number;
  /** Test images attacked per model with FGSM (and PGD at the headline epsilon). */
  attackCount: number;
  /** FGSM curve; 0 is clean accuracy, 0.1 is the paper's headline. */
  epsilons: number[];
  /** PGD steps at the headline epsilon (0 turns PGD off); step size 2.5 epsilon / steps. */
  pgdSteps: number;
  /** PGD random restarts; an image is robust only if every restart fails. */
  pgdRestarts: number;
  /** Test images whose penultimate features are stored for the feature-space figures. */
  featureCount: number;
  /** Images per split stored as samples (and per model as predictions). */
  sampleCount: number;
  /** Options of `analyze`: `PROFILE_ANALYSIS[name]` of `lib/analysis`, which `analysisFor` reads. */
  analysis: AnalyzeOptions;
  /** Print the run's estimated cost (a few timed steps) before training. @default false */
  estimateCost?: boolean;
}

/** The FGSM curve every profile draws. */
const EPSILONS = [...EPSILON_GRID];

/**
 * Epochs of the `converged` profile: enough for the validation accuracy of every model
 * to plateau on full MNIST with batch 64 and Adam 1e-3. Why 20:
 *
 * - Small CNNs of this size (two 3x3 convolutions with pooling, a dense layer) level off
 *   on MNIST within about 10 epochs: Keras's MNIST convnet example trains 15 epochs,
 *   PyTorch's MNIST example 14, both ending near 99 %. One full epoch here is 844
 *   steps, so 10 epochs are 8,440 steps, 44 times the `quick` profile's 192.
 * - The hybrid and control squeeze 128 features through a 16 -> 4 bottleneck and learn
 *   more slowly (`quick`: hybrid 87.7 % against classical 97.5 % after 192 steps), so
 *   the profile doubles that point to 20.
 * - Every run checks this for itself: the README table and the site state, per model,
 *   the mean validation-accuracy gain of the last 5 epochs over the 5 before
 *   (`plateauChecks` in lib/report), and say "STILL RISING" above 0.1 pp. If a model
 *   still rises, raise this constant and rerun with `--resume`: training continues
 *   from the per-epoch checkpoints.
 *
 * 50 (the paper's) would cost 2.5 times as much for what the plateau check says is flat.
 */
export const CONVERGED_EPOCHS = 20;

/** The profiles, by name. */
export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  smoke: {
    name: "smoke",
    description: PROFILE_DESCRIPTIONS.smoke,
    sizes: {
      mnist: { train: 512, val: 128, test: 256 },
      cifar100: { train: 512, val: 128, test: 256 },
      stl10: { train: 256, val: 64, test: 128 },
    },
    epochs: 1,
    batchSize: 64,
    learningRate: 1e-3,
    seeds: 1,
    attackCount: 64,
    epsilons: EPSILONS,
    pgdSteps: 10,
    pgdRestarts: 2,
    featureCount: 128,
    sampleCount: 16,
    analysis: PROFILE_ANALYSIS.smoke,
  },
  quick: {
    name: "quick",
    description: PROFILE_DESCRIPTIONS.quick,
    sizes: {
      mnist: { train: 4096, val: 512, test: 1024 },
      cifar100: { train: 4096, val: 512, test: 1024 },
      stl10: { train: 1024, val: 256, test: 512 },
    },
    epochs: 3,
    batchSize: 64,
    learningRate: 1e-3,
    seeds: 1,
    attackCount: 256,
    epsilons: EPSILONS,
    pgdSteps: 10,
    pgdRestarts: 2,
    featureCount: 400,
    sampleCount: 16,
    analysis: PROFILE_ANALYSIS.quick,
  },
  converged: {
    name: "converged",
    description: `${PROFILE_DESCRIPTIONS.converged} (${CONVERGED_EPOCHS} epochs)`,
    sizes: { mnist: {}, cifar100: {}, stl10: {} },
    epochs: CONVERGED_EPOCHS,
    batchSize: 64,
    learningRate: 1e-3,
    seeds: 3,
    attackCount: 1000,
    epsilons: EPSILONS,
    // Our choice: PGD-20 with 3 random restarts on 1,000 test images, strong enough to expose
    // gradient masking on MNIST at a cost of about one epoch per cell.
    pgdSteps: 20,
    pgdRestarts: 3,
    featureCount: 500,
    sampleCount: 16,
    analysis: PROFILE_ANALYSIS.converged,
    estimateCost: true,
  },
  paper: {
    name: "paper",
    description: PROFILE_DESCRIPTIONS.paper,
    sizes: { mnist: {}, cifar100: {}, stl10: {} },
    epochs: 50,
    batchSize: 64,
    learningRate: 1e-3,
    seeds: 3,
    attackCount: 1000,
    epsilons: EPSILONS,
    pgdSteps: 40,
    pgdRestarts: 5,
    featureCount: 500,
    sampleCount: 16,
    analysis: PROFILE_ANALYSIS.paper,
    estimateCost: true,
  },
};

/**
 * Looks up a profile by name, with a clear error for an unknown one.
 *
 * @example
 * ```ts
 * import { profileByName } from "./profiles.ts";
 * profileByName("paper").epochs; // 50
 * ```
 */
export function profileByName(name: string): Profile {
  if (!(PROFILE_NAMES as readonly string[]).includes(name)) {
    throw new TypeError(
      `Expected a profile of ${PROFILE_NAMES.join(", ")} but found "${name}": pick one of those`,
    );
  }
  return PROFILES[name as ProfileName];
}

/** The seeds a run uses: 1..n. */
export function seedList(count: number): number[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`Expected a positive whole number of seeds but found ${count}: pass 1+`);
  }
  return Array.from({ length: count }, (_, i) => i + 1);
}
