// Private: validating Circuit.run() arguments (tensors), kept apart from _validate.ts so that
// the builder and the drawing code load without tfjs.
import * as tf from "@tensorflow/tfjs";
import type { CompiledCircuit } from "./ops.ts";

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(", ")}]`;
}

/** Validates run() arguments against a compiled circuit. */
export function checkRunArgs(c: CompiledCircuit, inputs: unknown, weights: unknown): void {
  if (c.measurements.length === 0) {
    throw new RangeError(
      "Expected at least one measurement but found none: call expval() or probs() on the circuit",
    );
  }
  if (!(inputs instanceof tf.Tensor) || inputs.rank !== 2) {
    const found = inputs instanceof tf.Tensor ? `rank ${inputs.rank}` : typeof inputs;
    throw new TypeError(
      `Expected inputs as a rank-2 tensor [batch, ${c.inputSize}] but found ${found}: reshape the features`,
    );
  }
  if (inputs.shape[1] !== c.inputSize) {
    throw new RangeError(
      `Expected inputs of width ${c.inputSize} but found ${
        inputs.shape[1]
      }: pass [batch, ${c.inputSize}] features`,
    );
  }
  if (!Array.isArray(weights) || weights.length !== c.weightShapes.length) {
    const found = Array.isArray(weights) ? `${weights.length} tensors` : typeof weights;
    throw new RangeError(
      `Expected ${c.weightShapes.length} weight tensors but found ${found}: pass one tensor per circuit.weightShapes() entry`,
    );
  }
  weights.forEach((w, i) => {
    const want = c.weightShapes[i]!;
    if (
      !(w instanceof tf.Tensor) || w.shape.length !== want.length ||
      w.shape.some((d: number, k: number) => d !== want[k])
    ) {
      const found = w instanceof tf.Tensor ? shapeText(w.shape) : typeof w;
      throw new RangeError(
        `Expected weights[${i}] of shape ${
          shapeText(want)
        } but found ${found}: pass tensors shaped as circuit.weightShapes()`,
      );
    }
  });
}
