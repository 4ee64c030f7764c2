import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { callKernel, convGeometry, heapF32, makeF32, withShape } from "./_wasm.ts";
import { im2colInPlace } from "./_assembly.ts";

/** Arguments tfjs passes to a kernel function. */
export interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}

/**
 * Conv2DBackpropFilter for the wasm backend (NHWC) as im2col (AssemblyScript, SIMD) followed by the backend's
 * XNNPACK matrix product: `dW = colsᵀ·dY`, or `(dYᵀ·cols)ᵀ` when that packs less.
 *
 * @param args Kernel arguments: inputs `{ x, dy }`, attrs `{ strides, pad, filterShape, ... }`.
 * @returns The filter gradient, shape `[kH, kW, inC, outC]`; the engine disposes it.
 */
export function fastConv2DBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const attrs = args.attrs ?? {};
  const filterShape = attrs.filterShape as number[];
  const g = convGeometry(x.shape, filterShape, attrs);
  const rows = g.batch * g.outH * g.outW;
  const depth = g.kH * g.kW * g.inC;
  const cols = makeF32(backend, [rows, depth]);
  im2colInPlace(backend, heapF32(backend, x), heapF32(backend, cols), g);
  // XNNPACK re-packs the right operand of every new product at a cost that grows with its
  // height and width; both candidates are `rows` tall, so the narrower one goes on the right.
  let out: tf.TensorInfo;
  if (g.outC <= depth) {
    const colsT = callKernel("Transpose", backend, { x: cols }, { perm: [1, 0] });
    out = callKernel("BatchMatMul", backend, {
      a: withShape(colsT, [1, depth, rows]),
      b: withShape(dy, [1, rows, g.outC]),
    }, { transposeA: false, transposeB: false });
    backend.disposeData(colsT.dataId);
  } else {
    const dyT = callKernel("Transpose", backend, { x: withShape(dy, [rows, g.outC]) }, {
      perm: [1, 0],
    });
    const product = callKernel("BatchMatMul", backend, {
      a: withShape(dyT, [1, g.outC, rows]),
      b: withShape(cols, [1, rows, depth]),
    }, { transposeA: false, transposeB: false });
    out = callKernel("Transpose", backend, { x: withShape(product, [g.outC, depth]) }, {
      perm: [1, 0],
    });
    backend.disposeData(dyT.dataId);
    backend.disposeData(product.dataId);
  }
  backend.disposeData(cols.dataId);
  return withShape(out, filterShape);
}

/** Copies `dy` into a zero tensor with `stride - 1` zeros between neighbouring pixels. */
function stuffZeros(
  backend: BackendWasm,
  dy: tf.TensorInfo,
  strideH: number,
  strideW: number,
): tf.TensorInfo {
  const [batch, outH, outW, outC] = dy.shape as [number, number, number, number];
  const h = (outH - 1) * strideH + 1;
  const w = (outW - 1) * strideW + 1;
  const stuffed = makeF32(backend, [batch, h, w, outC]);
  const dst = heapF32(backend, stuffed);
  const src = heapF32(backend, dy);
  dst.fill(0);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        const from = ((b * outH + i) * outW + j) * outC;
        const to = ((b * h + i * strideH) * w + j * strideW) * outC;
        dst.set(src.subarray(from, from + outC), to);
      }
    }
  }
  return stuffed;
}

/** The filter rotated by 180 degrees with in and out channels swapped: `[kH, kW, outC, inC]`. */
function flipFilter(backend: BackendWasm, filter: tf.TensorInfo): tf.TensorInfo {
  const [kH, kW, inC, outC] = filter.shape as [number, number, number, number];
  const flipped = makeF32(backend, [kH, kW, outC, inC]);
  const dst = heapF32(backend, flipped);
  const src = heapF32(backend, filter);
  for (let fh = 0; fh < kH; fh++) {
    for (let fw = 0; fw < kW; fw++) {
      const from = ((kH - 1 - fh) * kW + (kW - 1 - fw)) * inC * outC;
      const to = (fh * kW + fw) * outC * inC;
      for (let ci = 0; ci < inC; ci++) {
        for (let co = 0; co < outC; co++) dst[to + co * inC + ci] = src[from + ci * outC + co]!;
      }
    }
  }
  return flipped;
}

/**
 * Conv2DBackpropInput for the wasm backend (NHWC) as one XNNPACK convolution of the
 * (zero-stuffed, for strides above 1) output gradient with the flipped filter.
 *
 * @param args Kernel arguments: inputs `{ dy, filter }`, attrs `{ inputShape, strides, pad, ... }`.
 * @param fallback Kernel used when the padding cannot be expressed this way.
 * @returns The input gradient, shape `inputShape`; the engine disposes it.
 */
export function fastConv2DBackpropInput(
  args: KernelArgs,
  fallback: (args: KernelArgs) => tf.TensorInfo,
): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const attrs = args.attrs ?? {};
  const inputShape = attrs.inputShape as number[];
  const g = convGeometry(inputShape, filter.shape, attrs);
  const stuffedH = (g.outH - 1) * g.strideH + 1;
  const stuffedW = (g.outW - 1) * g.strideW + 1;
  const top = g.kH - 1 - g.padTop;
  const left = g.kW - 1 - g.padLeft;
  const bottom = g.inH - stuffedH - top + g.kH - 1;
  const right = g.inW - stuffedW - left + g.kW - 1;
  if (Math.min(top, left, bottom, right) < 0 || g.dilH !== 1 || g.dilW !== 1) return fallback(args);
  const strided = g.strideH > 1 || g.strideW > 1;
  const source = strided ? stuffZeros(backend, dy, g.strideH, g.strideW) : dy;
  const flipped = flipFilter(backend, filter);
  const out = callKernel("Conv2D", backend, { x: source, filter: flipped }, {
    strides: [1, 1],
    pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
    dilations: [1, 1],
    dataFormat: "NHWC",
  });
  if (strided) backend.disposeData(source.dataId);
  backend.disposeData(flipped.dataId);
  return out;
}
