/**
 * Memory of a training step as it happens: the peak of tfjs tensor memory over every kernel
 * of the step (activations kept for the backward pass, gradients and the optimizer's
 * temporaries included), read with `tf.profile`, and the floor that any step sits on
 * (weights plus Adam's two moments). Sampling between steps sees only that floor.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** Bytes per float32 value. */
const FLOAT_BYTES = 4;
/** Adam keeps two moments per trainable weight. */
const ADAM_MOMENTS = 2;

/**
 * Runs `step` under `tf.profile` and returns its result with the peak tensor bytes reached
 * after any kernel of the step (never less than the bytes live before or after it).
 *
 * @param step a synchronous function; tensors it returns belong to the caller.
 * @returns `{ result, peakBytes }`.
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { profileStep } from "./step_memory.ts";
 * const { result, peakBytes } = await profileStep(() => tf.tidy(() => tf.sum(tf.ones([1000]))));
 * if (!(peakBytes >= 4000)) throw new Error(); // the 1000 ones existed inside the step
 * result.dispose();
 * ```
 */
export async function profileStep<T>(step: () => T): Promise<{ result: T; peakBytes: number }> {
  const before = tf.memory().numBytes;
  let result: T | undefined;
  let done = false;
  const info = await tf.profile(() => {
    result = step();
    done = true;
  });
  if (!done) {
    throw new TypeError("Expected the step to finish but it did not: pass a synchronous function");
  }
  const kernelPeak = info.kernels.length > 0 ? info.peakBytes : 0;
  return {
    result: result as T,
    peakBytes: Math.max(kernelPeak, before, tf.memory().numBytes),
  };
}

/**
 * Bytes every training step of `model` with Adam holds at least: all weights, plus two
 * moments per trainable weight.
 *
 * @param model the model being trained.
 * @returns bytes.
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { optimizerFloorBytes } from "./step_memory.ts";
 * const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
 * if (optimizerFloorBytes(m) !== 8 * 4 * 3) throw new Error(); // 8 weights, x3 for Adam
 * m.dispose();
 * ```
 */
export function optimizerFloorBytes(model: tf.LayersModel): number {
  const size = (ws: tf.LayerVariable[]) =>
    ws.reduce((s, w) => s + w.shape.reduce((a: number, b) => a * (b ?? 1), 1), 0);
  return FLOAT_BYTES * (size(model.weights) + ADAM_MOMENTS * size(model.trainableWeights));
}
