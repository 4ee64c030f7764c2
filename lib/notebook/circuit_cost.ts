/**
 * What a circuit costs to simulate: sizes and the time of a batched forward
 * pass and of a gradient with respect to inputs and weights.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import type { Circuit } from "../quantum/mod.ts";

/** Options of {@link circuitCost}. */
export interface CircuitCostOptions {
  /** Rows per batch. @default 64 */
  batch?: number;
  /** Timed repetitions (after one warm-up); the median is reported. @default 5 */
  repeats?: number;
  /** Seed of the random inputs and weights. @default 0 */
  seed?: number;
}

/** Sizes and median timings of one circuit. */
export interface CircuitCost {
  wires: number;
  inputs: number;
  outputs: number;
  /** Trainable circuit parameters (sum over weight shapes). */
  parameters: number;
  /** Amplitudes in the simulated state: 2 ** wires. */
  stateSize: number;
  batch: number;
  forwardMs: number;
  gradientMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(fn: () => tf.Tensor | tf.Tensor[]): Promise<number> {
  const start = performance.now();
  const out = fn();
  const tensors = Array.isArray(out) ? out : [out];
  await Promise.all(tensors.map((t) => t.data()));
  const ms = performance.now() - start;
  tf.dispose(tensors);
  return ms;
}

/**
 * Times a circuit's forward pass and its gradient (sum of outputs with
 * respect to inputs and weights) on a random batch.
 *
 * @param circuit The circuit.
 * @param options Batch size, repetitions and seed.
 * @returns Sizes and median milliseconds.
 * @throws {RangeError} When `batch` or `repeats` is not a positive whole number.
 */
export async function circuitCost(
  circuit: Circuit,
  { batch = 64, repeats = 5, seed = 0 }: CircuitCostOptions = {},
): Promise<CircuitCost> {
  for (const [name, value] of [["batch", batch], ["repeats", repeats]] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`Expected ${name} to be a positive whole number but found ${value}`);
    }
  }
  const shapes = circuit.weightShapes();
  const inputs = tf.randomUniform([batch, circuit.inputSize], 0, 1, "float32", seed) as tf.Tensor2D;
  const weights = shapes.map((shape, i) =>
    tf.randomUniform(shape, 0, 2 * Math.PI, "float32", seed + 1 + i)
  );
  const gradient = tf.grads((x: tf.Tensor, ...w: tf.Tensor[]) =>
    circuit.run(x as tf.Tensor2D, w).sum()
  );
  const forward: number[] = [];
  const backward: number[] = [];
  try {
    for (let i = 0; i <= repeats; i++) {
      const f = await timed(() => circuit.run(inputs, weights));
      const g = await timed(() => gradient([inputs, ...weights]));
      if (i > 0) {
        forward.push(f);
        backward.push(g);
      }
    }
  } finally {
    tf.dispose([inputs, ...weights]);
  }
  return {
    wires: circuit.wires,
    inputs: circuit.inputSize,
    outputs: circuit.outputSize,
    parameters: shapes.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0),
    stateSize: 2 ** circuit.wires,
    batch,
    forwardMs: median(forward),
    gradientMs: median(backward),
  };
}
