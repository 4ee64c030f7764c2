import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import type { Blas } from "./_blas.ts";
import { type ConvGeometry, convGeometry, heapF32, makeF32 } from "./_wasm.ts";
import { backpropFilterDirect, DIRECT_FILTER_TAPS, im2colInPlace } from "./_assembly.ts";
import { epilogue, fusable } from "./_epilogue.ts";
import type { KernelArgs } from "./fast_conv_kernels.ts";

type Kernel = (args: KernelArgs) => tf.TensorInfo;

/** Whether a convolution's columns are the input itself (1x1 filter, stride 1, no padding). */
function pointwise(g: ConvGeometry): boolean {
  return g.kH === 1 && g.kW === 1 && g.strideH === 1 && g.strideW === 1 && g.padTop === 0 &&
    g.padLeft === 0 && g.outH === g.inH && g.outW === g.inW;
}

/** Rows and depth of the column matrix of a convolution. */
function colsShape(g: ConvGeometry): [number, number] {
  return [g.batch * g.outH * g.outW, g.kH * g.kW * g.inC];
}

/** `out = im2col(x)·W` on the wasm heap; the caller disposes the result. */
function convForward(
  blas: Blas,
  backend: BackendWasm,
  x: tf.TensorInfo,
  filter: tf.TensorInfo,
  attrs: tf.NamedAttrMap,
): tf.TensorInfo {
  const g = convGeometry(x.shape, filter.shape, attrs);
  const [rows, depth] = colsShape(g);
  const out = makeF32(backend, [g.batch, g.outH, g.outW, g.outC]);
  const cols = pointwise(g) ? null : makeF32(backend, [rows, depth]);
  const a = cols === null ? heapF32(backend, x) : heapF32(backend, cols);
  if (cols !== null) im2colInPlace(backend, heapF32(backend, x), a, g);
  blas.sgemm(false, false, rows, g.outC, depth, a, heapF32(backend, filter), heapF32(backend, out));
  if (cols !== null) backend.disposeData(cols.dataId);
  return out;
}

/** Batched `op(A)·op(B)` with broadcasting of a batch of one; `null` when not float32 or not broadcastable that way. */
function batchMatMul(blas: Blas, backend: BackendWasm, args: KernelArgs): tf.TensorInfo | null {
  const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
  if (a.dtype !== "float32" || b.dtype !== "float32") return null;
  const { transposeA = false, transposeB = false } = (args.attrs ?? {}) as {
    transposeA?: boolean;
    transposeB?: boolean;
  };
  const ra = a.shape.length;
  const rb = b.shape.length;
  const m = a.shape[ra - (transposeA ? 1 : 2)]!;
  const k = a.shape[ra - (transposeA ? 2 : 1)]!;
  const n = b.shape[rb - (transposeB ? 2 : 1)]!;
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const countA = batchA.reduce((p, q) => p * q, 1);
  const countB = batchB.reduce((p, q) => p * q, 1);
  const batch = tf.backend_util.assertAndGetBroadcastShape(batchA, batchB);
  const count = batch.reduce((p, q) => p * q, 1);
  if ((countA !== count && countA !== 1) || (countB !== count && countB !== 1)) return null;
  const out = makeF32(backend, [...batch, m, n]);
  const av = heapF32(backend, a);
  const bv = heapF32(backend, b);
  const cv = heapF32(backend, out);
  for (let i = 0; i < count; i++) {
    const at = countA === 1 ? 0 : i * m * k;
    const bt = countB === 1 ? 0 : i * k * n;
    blas.sgemm(
      transposeA,
      transposeB,
      m,
      n,
      k,
      av.subarray(at, at + m * k),
      bv.subarray(bt, bt + k * n),
      cv.subarray(i * m * n, (i + 1) * m * n),
    );
  }
  return out;
}

/**
 * The native kernel set: convolutions (forward and both gradients) and matrix products as
 * CBLAS `sgemm` calls on the wasm heap, with im2col and its adjoint in AssemblyScript on the
 * same heap, so no tensor is copied. Kernels fall back to `fallback` (the wasm set) for
 * layouts they do not cover (NCHW, non-float32, exotic broadcasting or activations).
 *
 * @param blas The open CBLAS library.
 * @param fallback The kernel each name falls back to.
 * @returns Kernel functions by kernel name.
 */
export function nativeKernels(blas: Blas, fallback: (name: string) => Kernel): Map<string, Kernel> {
  function conv2D(args: KernelArgs): tf.TensorInfo {
    const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    if (!nhwc(args) || x.dtype !== "float32") return fallback("Conv2D")(args);
    return convForward(blas, args.backend as BackendWasm, x, filter, args.attrs ?? {});
  }
  function fusedConv2D(args: KernelArgs): tf.TensorInfo {
    const { x, filter } = args.inputs as { x: tf.TensorInfo; filter: tf.TensorInfo };
    const width = filter.shape[3]!;
    if (!nhwc(args) || !fusable(args, width)) return fallback("FusedConv2D")(args);
    const backend = args.backend as BackendWasm;
    const out = convForward(blas, backend, x, filter, args.attrs ?? {});
    epilogue(backend, out, width, args);
    return out;
  }
  function backpropFilter(args: KernelArgs): tf.TensorInfo {
    const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
    if (!nhwc(args)) return fallback("Conv2DBackpropFilter")(args);
    const backend = args.backend as BackendWasm;
    const filterShape = (args.attrs ?? {}).filterShape as number[];
    const g = convGeometry(x.shape, filterShape, args.attrs ?? {});
    const [rows, depth] = colsShape(g);
    const out = makeF32(backend, filterShape);
    if (depth <= DIRECT_FILTER_TAPS) {
      // A product with so short a side runs far below the library's peak.
      const [xs, dys, dw] = [x, dy, out].map((t) => heapF32(backend, t));
      backpropFilterDirect(backend, xs!, dys!, dw!, g);
      return out;
    }
    const cols = pointwise(g) ? null : makeF32(backend, [rows, depth]);
    const a = heapF32(backend, cols ?? x);
    if (cols !== null) im2colInPlace(backend, heapF32(backend, x), a, g);
    // dW = colsᵀ·dY: the transpose is a flag, not a pass over memory.
    blas.sgemm(true, false, depth, g.outC, rows, a, heapF32(backend, dy), heapF32(backend, out));
    if (cols !== null) backend.disposeData(cols.dataId);
    return out;
  }
  function backpropInput(args: KernelArgs): tf.TensorInfo {
    const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
    if (!nhwc(args)) return fallback("Conv2DBackpropInput")(args);
    const backend = args.backend as BackendWasm;
    const inputShape = (args.attrs ?? {}).inputShape as number[];
    const g = convGeometry(inputShape, filter.shape, args.attrs ?? {});
    const [rows, depth] = colsShape(g);
    const out = makeF32(backend, inputShape);
    if (pointwise(g)) {
      blas.sgemm(
        false,
        true,
        rows,
        depth,
        g.outC,
        heapF32(backend, dy),
        heapF32(backend, filter),
        heapF32(backend, out),
      );
      return out;
    }
    // dCols = dY·Wᵀ, then col2im adds each column row back onto the pixels it came from.
    const cols = makeF32(backend, [rows, depth]);
    const c = heapF32(backend, cols);
    blas.sgemm(false, true, rows, depth, g.outC, heapF32(backend, dy), heapF32(backend, filter), c);
    const dx = heapF32(backend, out);
    dx.fill(0);
    im2colInPlace(backend, dx, c, g, true);
    backend.disposeData(cols.dataId);
    return out;
  }
  function matMul(args: KernelArgs): tf.TensorInfo {
    return batchMatMul(blas, args.backend as BackendWasm, args) ?? fallback("BatchMatMul")(args);
  }
  function fusedMatMul(args: KernelArgs): tf.TensorInfo {
    const { b } = args.inputs as { b: tf.TensorInfo };
    const transposeB = ((args.attrs ?? {}).transposeB as boolean | undefined) ?? false;
    const width = b.shape[b.shape.length - (transposeB ? 2 : 1)]!;
    const backend = args.backend as BackendWasm;
    const out = fusable(args, width) ? batchMatMul(blas, backend, args) : null;
    if (out === null) return fallback("_FusedMatMul")(args);
    epilogue(backend, out, width, args);
    return out;
  }
  return new Map<string, Kernel>([
    ["BatchMatMul", matMul],
    ["Conv2D", conv2D],
    ["Conv2DBackpropFilter", backpropFilter],
    ["Conv2DBackpropInput", backpropInput],
    ["FusedConv2D", fusedConv2D],
    ["_FusedMatMul", fusedMatMul],
  ]);
}

function nhwc(args: KernelArgs): boolean {
  const format = ((args.attrs ?? {}).dataFormat as string | undefined) ?? "NHWC";
  return format === "NHWC" || format === "channelsLast";
}
