/**
 * A barren-plateau probe: the variance, over random initialisations of the weights (uniform in
 * [0, 2 pi), as `QuantumLayer` draws them), of the gradient of the circuit's first output with
 * respect to each weight, at random inputs (McClean et al. 2018). Variances that shrink
 * exponentially with the number of wires make a circuit hard to train.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Circuit } from "./circuit.ts";
import { stream } from "../random/mod.ts";

/** Options of {@linkcode gradientVariance}. */
export interface GradientVarianceOptions {
  /** Random initialisations. @default {64} */
  samples?: number;
  /** Seed of weights and inputs. @default {0} */
  seed?: number;
}

/** Per-weight gradient variances and their mean. */
export interface GradientVariance {
  /** Mean over all weights of Var[d output0 / d weight]. */
  mean: number;
  /** Var[d output0 / d weight] per weight (all blocks, flattened in order). */
  perWeight: number[];
  samples: number;
}

/**
 * Estimates the gradient variance of a circuit's weights at initialisation.
 *
 * @returns The mean variance and the per-weight variances (empty for a circuit without weights).
 */
export function gradientVariance(
  circuit: Circuit,
  { samples = 64, seed = 0 }: GradientVarianceOptions = {},
): GradientVariance {
  const shapes = circuit.weightShapes();
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  const total = shapes.reduce((a, s) => a + size(s), 0);
  if (total === 0) return { mean: 0, perWeight: [], samples };
  const random = stream(seed, "gradient-variance");
  const sum = new Float64Array(total);
  const sumSq = new Float64Array(total);
  for (let k = 0; k < samples; k++) {
    const grads = tf.tidy(() => {
      const x = tf.tensor2d(
        Array.from({ length: circuit.inputSize }, () => 2 * random() - 1),
        [1, circuit.inputSize],
      );
      const ws = shapes.map((s) =>
        tf.tensor(Array.from({ length: size(s) }, () => 2 * Math.PI * random()), s)
      );
      const f = (...w: tf.Tensor[]) => tf.sum(tf.slice(circuit.run(x, w), [0, 0], [1, 1]));
      return tf.grads(f)(ws).map((g) => Array.from(g.dataSync()));
    });
    grads.flat().forEach((g, i) => {
      sum[i]! += g;
      sumSq[i]! += g * g;
    });
  }
  const perWeight = Array.from(
    sum,
    (s, i) => Math.max(0, sumSq[i]! / samples - (s / samples) ** 2),
  );
  return { mean: perWeight.reduce((a, v) => a + v, 0) / total, perWeight, samples };
}
