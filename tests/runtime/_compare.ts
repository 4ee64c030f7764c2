// Test helpers: run the same kernel on cpu and on wasm and compare.
import * as tf from "@tensorflow/tfjs";
import { type KernelSet, setupRuntime } from "../../lib/runtime/mod.ts";
import { stream } from "../../lib/random/mod.ts";

/** Largest accepted `max|wasm - cpu| / max|cpu|` between the two backends. */
export const REL_TOLERANCE = 1e-4;

/** Seeded standard-uniform values in [-1, 1). */
export function randomValues(shape: number[], seed: number): Float32Array {
  const next = stream(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return Float32Array.from({ length: size }, () => 2 * next() - 1);
}

/** Normwise relative error of `actual` against `expected`. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) {
    throw new RangeError(`Expected ${expected.length} values but found ${actual.length}`);
  }
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return diff / Math.max(scale, Number.MIN_VALUE);
}

/** Runs `fn` on the given backend and returns its output's values and shape. */
export async function runOn(
  backend: "cpu" | "wasm",
  fn: () => tf.Tensor,
  kernels: KernelSet = "fast",
): Promise<{ values: Float32Array; shape: number[] }> {
  if (backend === "cpu") await tf.setBackend("cpu");
  else await setupRuntime({ backend: "wasm", kernels });
  const out = fn();
  const values = (await out.data()) as Float32Array;
  const shape = out.shape;
  out.dispose();
  return { values, shape };
}

/** Runs a kernel by name on cpu and wasm with the same inputs; returns the relative error. */
export async function compareKernel(
  name: string,
  inputs: Record<string, { shape: number[]; values: Float32Array }>,
  attrs: tf.NamedAttrMap,
  kernels: KernelSet = "fast",
): Promise<number> {
  function run(): tf.Tensor {
    return tf.tidy(() => {
      const tensors: tf.NamedTensorMap = {};
      for (const [key, { shape, values }] of Object.entries(inputs)) {
        tensors[key] = tf.tensor(values, shape);
      }
      return tf.engine().runKernel(name, tensors, attrs) as tf.Tensor;
    });
  }
  const expected = await runOn("cpu", run);
  const actual = await runOn("wasm", run, kernels);
  if (actual.shape.join() !== expected.shape.join()) {
    throw new RangeError(`Expected shape ${expected.shape} but found ${actual.shape}`);
  }
  return relativeError(actual.values, expected.values);
}
