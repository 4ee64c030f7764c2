/**
 * Small synthetic splits and models for training tests: fast on any backend.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { LabeledImages } from "../../lib/data/mod.ts";

/**
 * A learnable split: class `k` lights up the k-th horizontal band of the image, plus noise.
 */
export function bandImages(count: number, classes: number, seed: number, side = 4): LabeledImages {
  const images = new Uint8Array(count * side * side);
  const labels = new Uint8Array(count);
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
  for (let i = 0; i < count; i++) {
    const label = i % classes;
    labels[i] = label;
    for (let r = 0; r < side; r++) {
      const lit = Math.floor((r * classes) / side) === label;
      for (let c = 0; c < side; c++) {
        images[(i * side + r) * side + c] = Math.round((lit ? 180 : 40) + random() * 60);
      }
    }
  }
  return { images, labels, count, height: side, width: side, channels: 1 };
}

/** flatten -> dense(8, relu) -> dense(classes, softmax) with seeded weights. */
export function tinyModel(classes: number, side = 4, seed = 1): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: [side, side, 1] }),
      tf.layers.dense({
        units: 8,
        activation: "relu",
        name: "hidden",
        kernelInitializer: tf.initializers.glorotUniform({ seed }),
      }),
      tf.layers.dense({
        units: classes,
        activation: "softmax",
        name: "out",
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
      }),
    ],
  });
}

/** Flattened copy of every weight of a model. */
export function flatWeights(model: tf.LayersModel): number[] {
  return model.getWeights().flatMap((w) => Array.from(w.dataSync()));
}

/** A fresh temporary directory under /tmp. */
export async function tempDir(prefix: string): Promise<string> {
  return await Deno.makeTempDir({ dir: "/tmp", prefix });
}
