/**
 * Robust accuracy of a model: FGSM over a grid of epsilons and PGD at the headline epsilon,
 * on a seeded sample of a split.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { EPSILON_GRID, HEADLINE_EPSILON, type Robustness } from "../results/mod.ts";
import { deriveSeed, sampleIndices, stream } from "../random/mod.ts";
import { checkAttackRange, lossGradientSign } from "./_gradient.ts";
import { pgd } from "./pgd.ts";
import { type PixelImages, pixelTensor } from "./_pixels.ts";

/** Options of {@link robustness}. */
export interface RobustnessOptions {
  /** Images attacked (a seeded sample of the split; all of it when larger). */
  count: number;
  /** @default {EPSILON_GRID} (from `lib/results`) */
  epsilons?: readonly number[];
  /** Epsilon of the headline numbers (added to the curve when missing). @default {0.1} */
  headline?: number;
  /** @default {128} */
  batchSize?: number;
  /** Seeds the sample and PGD's random start. @default {0} */
  seed?: number;
  /**
   * PGD at the headline epsilon; `null` to skip it. With `restarts` > 1 an image counts as
   * robust only when every restart (each from its own random start) fails.
   * @default {{ steps: 10, restarts: 1 }}
   */
  pgd?: { steps: number; stepSize?: number; randomStart?: boolean; restarts?: number } | null;
  /**
   * Per-channel standard deviations of the model's input normalisation. When given, FGSM is
   * also run at the headline epsilon in normalised-input units (a step of `epsilon * std` per
   * channel in pixel space) and reported as `fgsmNormalizedAccuracy`.
   */
  normalizationStd?: readonly number[];
  /** @default {0} */
  clipMin?: number;
  /** @default {1} */
  clipMax?: number;
}

function countCorrect(model: tf.LayersModel, x: tf.Tensor4D, y: tf.Tensor1D): number {
  const correct = tf.tidy(() =>
    tf.sum(tf.cast(tf.equal(tf.argMax(model.predict(x) as tf.Tensor2D, -1), y), "int32"))
  );
  const n = correct.dataSync()[0]!;
  correct.dispose();
  return n;
}

/**
 * Accuracy under FGSM for each epsilon of the grid (one gradient per image serves every
 * epsilon, since FGSM only uses its sign at the clean image) and under PGD at the headline.
 *
 * @param model from pixels in [0, 1] to softmax probabilities.
 * @param split the images to sample from (usually the test split).
 * @param options see {@link RobustnessOptions}.
 * @returns the headline accuracies and the curve, sorted by epsilon.
 */
export function robustness(
  model: tf.LayersModel,
  split: PixelImages,
  {
    count,
    epsilons = EPSILON_GRID,
    headline = HEADLINE_EPSILON,
    batchSize = 128,
    seed = 0,
    pgd: pgdOptions = { steps: 10 },
    clipMin = 0,
    clipMax = 1,
    normalizationStd,
  }: RobustnessOptions,
): Robustness {
  const restarts = pgdOptions?.restarts ?? 1;
  if (!Number.isInteger(restarts) || restarts < 1) {
    throw new RangeError(
      `Expected pgd.restarts to be a positive integer but found ${restarts}: pass e.g. 3`,
    );
  }
  const pgdStep = pgdOptions ? pgdOptions.stepSize ?? (2.5 * headline) / pgdOptions.steps : 0;
  const grid = [...new Set([...epsilons, headline])].sort((a, b) => a - b);
  grid.forEach((e) => checkAttackRange(e, clipMin, clipMax));
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(
      `Expected count to be a positive integer but found ${count}: pass e.g. 1000`,
    );
  }
  const indices = sampleIndices(split.count, count, stream(seed, "attack-sample"));
  const fgsmCorrect = new Map<number, number>(grid.map((e) => [e, 0]));
  let pgdCorrect = 0, normalizedCorrect = 0;
  for (let start = 0; start < indices.length; start += batchSize) {
    const batch = indices.slice(start, start + batchSize);
    const x = pixelTensor(split, batch);
    const y = tf.tensor1d(batch.map((i) => split.labels[i]!), "int32");
    const sign = lossGradientSign(model, x, y);
    for (const e of grid) {
      const adv = tf.tidy(() =>
        tf.clipByValue(tf.add(x, tf.mul(sign, e)), clipMin, clipMax) as tf.Tensor4D
      );
      fgsmCorrect.set(e, fgsmCorrect.get(e)! + countCorrect(model, adv, y));
      adv.dispose();
    }
    if (normalizationStd) {
      const adv = tf.tidy(() =>
        tf.clipByValue(
          tf.add(x, tf.mul(sign, tf.tensor1d(normalizationStd.map((s) => headline * s)))),
          clipMin,
          clipMax,
        ) as tf.Tensor4D
      );
      normalizedCorrect += countCorrect(model, adv, y);
      adv.dispose();
    }
    if (pgdOptions) {
      let robust: tf.Tensor = tf.tidy(() => tf.cast(tf.onesLike(y), "bool"));
      for (let r = 0; r < restarts; r++) {
        const adv = pgd(model, x, y, {
          ...pgdOptions,
          stepSize: pgdStep,
          epsilon: headline,
          seed: deriveSeed(seed, "pgd-start", start, r),
          clipMin,
          clipMax,
        });
        const next = tf.tidy(() =>
          tf.logicalAnd(robust, tf.equal(tf.argMax(model.predict(adv) as tf.Tensor2D, -1), y))
        );
        tf.dispose([adv, robust]);
        robust = next;
      }
      const survived = tf.tidy(() => tf.sum(tf.cast(robust, "int32")));
      pgdCorrect += survived.dataSync()[0]!;
      tf.dispose([survived, robust]);
    }
    tf.dispose([x, y, sign]);
  }
  const n = indices.length;
  const curve = grid.map((epsilon) => ({
    epsilon,
    fgsm: fgsmCorrect.get(epsilon)! / n,
    ...(pgdOptions && epsilon === headline ? { pgd: pgdCorrect / n } : {}),
  }));
  return {
    epsilon: headline,
    fgsmAccuracy: fgsmCorrect.get(headline)! / n,
    ...(normalizationStd ? { fgsmNormalizedAccuracy: normalizedCorrect / n } : {}),
    ...(pgdOptions
      ? {
        pgdAccuracy: pgdCorrect / n,
        pgd: { steps: pgdOptions.steps, restarts, stepSize: pgdStep },
      }
      : {}),
    curve,
    count: n,
  };
}
