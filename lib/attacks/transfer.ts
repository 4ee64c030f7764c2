/**
 * Transfer (black-box) attacks: adversarial examples crafted on one model, evaluated on
 * others. A model whose white-box robustness comes from masked gradients (a bounded,
 * normalised quantum layer can flatten them) falls to examples crafted on a model whose
 * gradients are informative.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { deriveSeed, sampleIndices, stream } from "../random/mod.ts";
import { fgsm } from "./fgsm.ts";
import { pgd } from "./pgd.ts";
import { type PixelImages, pixelTensor } from "./_pixels.ts";

/** Options of {@link transferAttack}. */
export interface TransferOptions {
  /** L-infinity size of the perturbation, in pixel units. */
  epsilon: number;
  /** Images attacked (a seeded sample of the split, the same one `robustness` uses for `seed`). */
  count: number;
  /** Seeds the sample (and PGD's random start). @default {0} */
  seed?: number;
  /** `fgsm`, or `pgd` with this many steps (step size 2.5 epsilon / steps, random start). @default {"fgsm"} */
  attack?: "fgsm" | { pgdSteps: number };
  /** @default {128} */
  batchSize?: number;
}

/** One target's accuracy on the transferred examples. */
export interface TransferResult {
  /** Accuracy on the adversarial examples crafted on the source. */
  accuracy: number;
  /** Accuracy on the same images, clean. */
  cleanAccuracy: number;
  count: number;
}

function correct(model: tf.LayersModel, x: tf.Tensor4D, y: tf.Tensor1D): number {
  const n = tf.tidy(() =>
    tf.sum(tf.cast(tf.equal(tf.argMax(model.predict(x) as tf.Tensor2D, -1), y), "int32"))
  );
  const value = n.dataSync()[0]!;
  n.dispose();
  return value;
}

/**
 * Crafts adversarial examples on `source` (white-box) and scores every model of `targets` on
 * them and on the clean images.
 *
 * @param source the model whose gradients craft the examples.
 * @param targets the models evaluated on them (pixels in [0, 1] to softmax probabilities).
 * @param split images to sample from (usually the test split).
 * @param options epsilon, count, seed, attack, batch size.
 * @returns one result per target, in order.
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { transferAttack } from "./transfer.ts";
 * const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [1, 1, 1] }),
 *   tf.layers.dense({ units: 2, activation: "softmax" })] });
 * const split = { images: new Uint8Array([0, 255]), labels: new Uint8Array([0, 1]), count: 2,
 *   height: 1, width: 1, channels: 1 };
 * const [r] = transferAttack(model, [model], split, { epsilon: 0, count: 2 });
 * if (r!.accuracy !== r!.cleanAccuracy) throw new Error(); // epsilon 0 changes nothing
 * ```
 */
export function transferAttack(
  source: tf.LayersModel,
  targets: readonly tf.LayersModel[],
  split: PixelImages,
  { epsilon, count, seed = 0, attack = "fgsm", batchSize = 128 }: TransferOptions,
): TransferResult[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(
      `Expected count to be a positive integer but found ${count}: pass e.g. 1000`,
    );
  }
  // The same images `robustness` attacks for this seed.
  const indices = sampleIndices(split.count, count, stream(seed, "attack-sample"));
  const adversarial = targets.map(() => 0);
  const clean = targets.map(() => 0);
  for (let start = 0; start < indices.length; start += batchSize) {
    const batch = indices.slice(start, start + batchSize);
    const x = pixelTensor(split, batch);
    const y = tf.tensor1d(batch.map((i) => split.labels[i]!), "int32");
    const adv = attack === "fgsm" ? fgsm(source, x, y, { epsilon }) : pgd(source, x, y, {
      epsilon,
      steps: attack.pgdSteps,
      seed: deriveSeed(seed, "pgd-start", start, 0),
    });
    targets.forEach((target, t) => {
      adversarial[t]! += correct(target, adv, y);
      clean[t]! += correct(target, x, y);
    });
    tf.dispose([x, y, adv]);
  }
  const n = indices.length;
  return targets.map((_, t) => ({
    accuracy: adversarial[t]! / n,
    cleanAccuracy: clean[t]! / n,
    count: n,
  }));
}
