/**
 * Parameter counts and layer listings of a model, and the layer whose output
 * the feature-space figures read.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import type { LayerSummary } from "../results/mod.ts";

/** What {@link summarizeModel} returns. */
export interface ModelSummary {
  parameterCount: number;
  trainableParameterCount: number;
  layers: LayerSummary[];
}

/**
 * Counts a model's parameters and lists its layers.
 *
 * @param model a built model.
 * @returns total and trainable parameter counts and one entry per layer.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { summarizeModel } from "./summarize.ts";
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4] })] });
 * if (summarizeModel(model).parameterCount !== 4 * 3 + 3) throw new Error();
 * ```
 */
export function summarizeModel(model: tf.LayersModel): ModelSummary {
  const trainableParameterCount = model.trainableWeights.reduce(
    (n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 1), 1),
    0,
  );
  return {
    parameterCount: model.countParams(),
    trainableParameterCount,
    layers: model.layers.map((layer) => ({
      name: layer.name,
      className: layer.getClassName(),
      outputShape: [...(layer.outputShape as (number | null)[])],
      parameters: layer.countParams(),
    })),
  };
}

/**
 * The penultimate layer: the one whose output feeds the final classifier (`hidden` for the
 * classical model, `quantum` for the hybrid, `control` for the control).
 *
 * @param model a model with at least two layers.
 * @returns the layer's name.
 * @throws {RangeError} when the model has fewer than two layers.
 */
export function featureLayerName(model: tf.LayersModel): string {
  const layers = model.layers;
  if (layers.length < 2) {
    throw new RangeError(
      `Expected a model with at least 2 layers but found ${layers.length}: pass a model from buildModel`,
    );
  }
  return layers[layers.length - 2]!.name;
}
