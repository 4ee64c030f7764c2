// Private helpers shared by the wasm kernels: heap views and kernel plumbing.
import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";

/** A tensor's float32 data as a view on the wasm heap (no copy; invalid after any allocation). */
export function heapF32(backend: BackendWasm, info: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info) as Float32Array;
}

/** Allocates an uninitialised float32 output on the wasm heap. */
export function makeF32(backend: BackendWasm, shape: number[]): tf.TensorInfo {
  return backend.makeOutput(shape, "float32");
}

/** A second view of the same data with another shape (no copy, no reference counting). */
export function withShape(info: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

/** Runs another registered wasm kernel from inside a kernel. Caller disposes the result. */
export function callKernel(
  name: string,
  backend: BackendWasm,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const config = tf.getKernel(name, "wasm");
  if (config === undefined) {
    throw new Error(`Expected kernel ${name} on the wasm backend but found none: upgrade tfjs`);
  }
  return config.kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
}

/** Geometry of a 2-D convolution in NHWC, derived from tfjs's own conv-info helper. */
export interface ConvGeometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  kH: number;
  kW: number;
  strideH: number;
  strideW: number;
  dilH: number;
  dilW: number;
  padTop: number;
  padLeft: number;
}

/** Computes conv geometry; rejects NCHW, which our kernels do not implement. */
export function convGeometry(
  xShape: number[],
  filterShape: number[],
  attrs: tf.NamedAttrMap,
): ConvGeometry {
  const dataFormat = (attrs.dataFormat as string | undefined) ?? "NHWC";
  if (dataFormat !== "NHWC" && dataFormat !== "channelsLast") {
    throw new TypeError(
      `Expected dataFormat NHWC but found ${dataFormat}: transpose inputs to NHWC`,
    );
  }
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides as number | [number, number],
    (attrs.dilations as number | [number, number] | undefined) ?? 1,
    attrs.pad as "valid" | "same" | number,
    attrs.dimRoundingMode as "floor" | "round" | "ceil" | undefined,
  );
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    kH: info.filterHeight,
    kW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    dilH: info.dilationHeight,
    dilW: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}
