/**
 * The four models of the experiment, built from a data-set spec and a circuit:
 * `classical`, `hybrid` (with a simulated quantum circuit), `control` (the hybrid with the
 * circuit replaced by L2 normalisation and a dense layer of the same widths) and `frozen`
 * (the hybrid with its circuit weights fixed at their random initialisation).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { ModelKind } from "../results/mod.ts";
import { type Circuit, paperCircuit, QuantumLayer } from "../quantum/mod.ts";
import { L2Normalization } from "./l2_normalization.ts";
import { PixelNormalization } from "./normalization.ts";
import { type DatasetSpec, trunkFor } from "./spec.ts";

/** Width of the dense layer every head starts with. */
export const HIDDEN_UNITS = 128;

/** Layer names shared by all models, so figures and tests can find layers. */
export const LAYER_NAMES = {
  normalize: "normalize",
  flatten: "flatten",
  hidden: "hidden",
  toCircuit: "to_circuit",
  quantum: "quantum",
  l2Normalize: "l2_normalize",
  control: "control",
  classifier: "classifier",
} as const;

/** Options of {@link buildModel}. */
export interface BuildModelOptions {
  /** The circuit of the hybrid model (and the widths of the control's stand-in layer). @default {paperCircuit()} */
  circuit?: Circuit;
  /** Seeds every initializer. @default {0} */
  seed?: number;
}

const KINDS: readonly ModelKind[] = ["classical", "hybrid", "control", "frozen"];

/** A distinct, reproducible initializer seed per layer. */
function layerSeed(seed: number, index: number): number {
  return (Math.imul((seed | 0) ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0;
}

function dense(
  units: number,
  activation: "relu" | "softmax" | "tanh" | "linear",
  name: string,
  seed: number,
): tf.layers.Layer {
  return tf.layers.dense({
    units,
    activation,
    name,
    kernelInitializer: tf.initializers.glorotUniform({ seed }),
    biasInitializer: "zeros",
  });
}

function checkSpec(spec: DatasetSpec): void {
  for (const key of ["height", "width", "channels", "classes"] as const) {
    if (!Number.isInteger(spec[key]) || spec[key] < 1) {
      throw new RangeError(
        `Expected spec.${key} to be a positive integer but found ${
          spec[key]
        }: use specFor(dataset)`,
      );
    }
  }
  if (spec.classes < 2) {
    throw new RangeError(
      `Expected at least 2 classes but found ${spec.classes}: use specFor(dataset)`,
    );
  }
}

/**
 * Builds a model from pixels in [0, 1] (`[batch, H, W, C]`) to softmax class probabilities.
 *
 * - `classical`: normalize -> trunk -> dense(128, relu) -> dense(classes, softmax).
 * - `hybrid`: normalize -> trunk -> dense(128, relu) -> dense(circuit.inputSize) ->
 *   QuantumLayer(circuit) -> dense(classes, softmax).
 * - `control`: as hybrid, with the QuantumLayer replaced by L2Normalization ->
 *   dense(circuit.outputSize, tanh): the same scale-free input as the amplitude embedding and
 *   outputs in [-1, 1] like Pauli-Z expectations (the width-matched control).
 * - `frozen`: as hybrid, with the QuantumLayer not trainable (weights stay at their seeded
 *   random initialisation), to show whether training the circuit matters.
 *
 * Kernels are Glorot-uniform with per-layer seeds derived from `seed`, biases zero, circuit
 * weights uniform in [0, 2 pi) from `seed`; the same seed gives the same weights.
 *
 * @param kind which model.
 * @param spec image shape, classes and normalization (see `specFor`).
 * @param options circuit and seed.
 * @returns an uncompiled `tf.LayersModel`; the caller disposes it.
 * @throws {TypeError} for an unknown kind.
 *
 * @example
 * ```ts
 * import { buildModel } from "./build_model.ts";
 * const spec = { name: "mnist", height: 28, width: 28, channels: 1, classes: 10, mean: [0.13], std: [0.31] };
 * const model = buildModel("classical", spec, { seed: 1 });
 * if (model.outputs[0]!.shape[1] !== 10) throw new Error();
 * model.dispose();
 * ```
 */
export function buildModel(
  kind: ModelKind,
  spec: DatasetSpec,
  { circuit, seed = 0 }: BuildModelOptions = {},
): tf.LayersModel {
  if (!KINDS.includes(kind)) {
    throw new TypeError(
      `Expected a model kind of ${KINDS.join(", ")} but found "${kind}": pick one of those`,
    );
  }
  checkSpec(spec);
  const model = tf.sequential({ name: kind });
  let index = 0;
  model.add(
    new PixelNormalization({
      mean: spec.mean,
      std: spec.std,
      inputShape: [spec.height, spec.width, spec.channels],
      name: LAYER_NAMES.normalize,
    }),
  );
  trunkFor(spec).forEach((stage, i) => {
    model.add(tf.layers.conv2d({
      filters: stage.filters,
      kernelSize: 3,
      strides: stage.strides ?? 1,
      padding: stage.padding,
      activation: "relu",
      name: `conv${i + 1}`,
      kernelInitializer: tf.initializers.glorotUniform({ seed: layerSeed(seed, index++) }),
      biasInitializer: "zeros",
    }));
    if (stage.pool) model.add(tf.layers.maxPooling2d({ poolSize: 2, name: `pool${i + 1}` }));
  });
  model.add(tf.layers.flatten({ name: LAYER_NAMES.flatten }));
  model.add(dense(HIDDEN_UNITS, "relu", LAYER_NAMES.hidden, layerSeed(seed, index++)));
  if (kind !== "classical") {
    const c = circuit ?? paperCircuit();
    model.add(dense(c.inputSize, "linear", LAYER_NAMES.toCircuit, layerSeed(seed, index++)));
    if (kind === "control") {
      model.add(new L2Normalization({ name: LAYER_NAMES.l2Normalize }));
      model.add(dense(c.outputSize, "tanh", LAYER_NAMES.control, layerSeed(seed, index++)));
    } else {
      // hybrid and frozen share the seed of the circuit weights: the frozen circuit is the
      // hybrid's starting point, held fixed.
      model.add(
        new QuantumLayer({
          circuit: c,
          name: LAYER_NAMES.quantum,
          seed: layerSeed(seed, index++),
          trainable: kind === "hybrid",
        }),
      );
    }
  }
  model.add(dense(spec.classes, "softmax", LAYER_NAMES.classifier, layerSeed(seed, index++)));
  return model;
}
