import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { callKernel, convGeometry, heapF32, makeF32, withShape } from "./_wasm.ts";
import { backpropFilterDirect, DIRECT_FILTER_TAPS, im2colInPlace } from "./_assembly.ts";

/** Arguments tfjs passes to a kernel function. */
export interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}

/**
 * Conv2DBackpropFilter for the wasm backend (NHWC) as im2col (AssemblyScript, SIMD) followed by the backend's
 * XNNPACK matrix product: `dW = colsᵀ·dY`, or `(dYᵀ·cols)ᵀ` when that packs less; filters
 * with few taps accumulate directly instead (AssemblyScript, SIMD).
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
  if (depth <= DIRECT_FILTER_TAPS) {
    const out = makeF32(backend, filterShape);
    const [xs, dys, dw] = [x, dy, out].map((t) => heapF32(backend, t));
    backpropFilterDirect(backend, xs!, dys!, dw!, g);
    return out;
  }
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

/**
 * Conv2DBackpropInput for the wasm backend (NHWC) as the backend's XNNPACK product
 * `dCols = dY·Wᵀ` followed by col2im (AssemblyScript, SIMD), which adds each row of `dCols`
 * back onto the input pixels its patch came from. Any stride, padding and dilation.
 *
 * @param args Kernel arguments: inputs `{ dy, filter }`, attrs `{ inputShape, strides, pad, ... }`.
 * @returns The input gradient, shape `inputShape`; the engine disposes it.
 */
export function fastConv2DBackpropInput(args: KernelArgs): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const attrs = args.attrs ?? {};
  const inputShape = attrs.inputShape as number[];
  const g = convGeometry(inputShape, filter.shape, attrs);
  const rows = g.batch * g.outH * g.outW;
  const depth = g.kH * g.kW * g.inC;
  const cols = callKernel("BatchMatMul", backend, {
    a: withShape(dy, [1, rows, g.outC]),
    b: withShape(filter, [1, depth, g.outC]),
  }, { transposeA: false, transposeB: true });
  const out = makeF32(backend, inputShape);
  const dx = heapF32(backend, out);
  dx.fill(0);
  im2colInPlace(backend, dx, heapF32(backend, cols), g, true);
  backend.disposeData(cols.dataId);
  return out;
}
