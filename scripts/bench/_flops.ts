// Floating-point operations of the product-shaped kernels, for the roofline of `bench train`.
import * as tf from "@tensorflow/tfjs";

type Shape4 = [number, number, number, number];

function convFlops(xShape: number[], filterShape: number[], attrs: tf.NamedAttrMap): number {
  const info = tf.backend_util.computeConv2DInfo(
    xShape as Shape4,
    filterShape as Shape4,
    attrs.strides as number | [number, number],
    (attrs.dilations as number | [number, number] | undefined) ?? 1,
    attrs.pad as "valid" | "same" | number,
    attrs.dimRoundingMode as "floor" | "round" | "ceil" | undefined,
  );
  return 2 * info.batchSize * info.outHeight * info.outWidth * info.outChannels *
    info.filterHeight * info.filterWidth * info.inChannels;
}

function matMulFlops(a: number[], b: number[], attrs: tf.NamedAttrMap): number {
  const m = a[a.length - (attrs.transposeA ? 1 : 2)]!;
  const k = a[a.length - (attrs.transposeA ? 2 : 1)]!;
  const n = b[b.length - (attrs.transposeB ? 2 : 1)]!;
  const batch = Math.max(
    a.slice(0, -2).reduce((p, q) => p * q, 1),
    b.slice(0, -2).reduce((p, q) => p * q, 1),
  );
  return 2 * batch * m * n * k;
}

/**
 * Multiply-adds times two of one call of a convolution or product kernel; 0 for other kernels
 * (elementwise kernels are bound by memory, not arithmetic).
 */
export function kernelFlops(
  name: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap,
): number {
  const shape = (key: string) => inputs[key]!.shape;
  switch (name) {
    case "Conv2D":
    case "FusedConv2D":
      return convFlops(shape("x"), shape("filter"), attrs);
    case "Conv2DBackpropFilter":
      return convFlops(shape("x"), attrs.filterShape as number[], attrs);
    case "Conv2DBackpropInput":
      return convFlops(attrs.inputShape as number[], shape("filter"), attrs);
    case "BatchMatMul":
    case "_FusedMatMul":
      return matMulFlops(shape("a"), shape("b"), attrs);
    default:
      return 0;
  }
}
