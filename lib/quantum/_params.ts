// Private: gate parameters as [batch] tensors, shared by the statevector and density simulators.
import * as tf from "@tensorflow/tfjs";
import type { ParamRef } from "./ops.ts";

function column(inputs: tf.Tensor2D, index: number): tf.Tensor1D {
  return tf.reshape(tf.slice(inputs, [0, index], [-1, 1]), [-1]);
}

/** An input parameter per row: the column, or the product of two columns. */
export function inputParam(
  inputs: tf.Tensor2D,
  p: Extract<ParamRef, { kind: "input" }>,
): tf.Tensor1D {
  const x = column(inputs, p.index);
  return p.times === undefined ? x : tf.mul(x, column(inputs, p.times));
}

/** Any parameter as a [batch] tensor (constants filled, weights broadcast). */
export function batchParam(
  p: ParamRef,
  inputs: tf.Tensor2D,
  weights: tf.Tensor[],
  batch: number,
): tf.Tensor1D {
  if (p.kind === "input") return inputParam(inputs, p);
  if (p.kind === "const") return tf.fill([batch], p.value);
  const v = tf.reshape(tf.slice(tf.reshape(weights[p.block]!, [-1]), [p.index], [1]), []);
  return tf.mul(tf.ones([batch]), v);
}
