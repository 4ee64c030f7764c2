/**
 * Adversarial attacks in pixel space: FGSM, PGD (with restarts), FGSM in normalised-input
 * units, robust accuracy over a grid of epsilons, and transfer attacks between models.
 * The loss is the cross-entropy of the model's softmax output; results are clipped to the
 * pixel range.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { setupRuntime } from "../runtime/mod.ts";
 * import { fgsm } from "./mod.ts";
 * await setupRuntime({ backend: "wasm" });
 * const model = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [2, 1, 1] }),
 *   tf.layers.dense({ units: 2, activation: "softmax" })] });
 * const x = tf.fill([3, 2, 1, 1], 0.5) as tf.Tensor4D;
 * const adv = fgsm(model, x, tf.tensor1d([0, 1, 0], "int32"), { epsilon: 0.05 });
 * if (tf.max(tf.abs(tf.sub(adv, x))).dataSync()[0]! > 0.05 + 1e-6) throw new Error();
 * ```
 *
 * @module
 */
export type { PixelImages } from "./_pixels.ts";
export { fgsm, type FgsmOptions } from "./fgsm.ts";
export { pgd, type PgdOptions } from "./pgd.ts";
export { robustness, type RobustnessOptions } from "./robustness.ts";
export { transferAttack, type TransferOptions, type TransferResult } from "./transfer.ts";
