import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { heapF32, makeF32, withShape } from "./_wasm.ts";
import type { KernelArgs } from "./fast_conv_kernels.ts";
import { epilogue, fusable } from "./_epilogue.ts";
import { assemblyKernels } from "./_assembly.ts";

type Kernel = (args: KernelArgs) => tf.TensorInfo;

/** Swaps the last two axes with the backend's Transpose kernel. Caller disposes the result. */
function transposeLastTwo(transpose: Kernel, backend: unknown, t: tf.TensorInfo): tf.TensorInfo {
  const rank = t.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return transpose({ inputs: { x: t }, backend, attrs: { perm } });
}

/** The operand stored so that it reads as `rows x cols` after an optional transpose. */
function plain(
  transpose: Kernel,
  backend: unknown,
  t: tf.TensorInfo,
  transposed: boolean,
  owned: tf.TensorInfo[],
): tf.TensorInfo {
  if (!transposed) return t;
  const out = transposeLastTwo(transpose, backend, t);
  owned.push(out);
  return out;
}

/**
 * Wraps the wasm BatchMatMul. The backend's fast (XNNPACK) path handles only plain products,
 * and it re-packs the right operand whenever that tensor is new, which costs far more per
 * element than the product itself for tall operands. So transposed operands are transposed in
 * memory first, and a single product `A·B` whose right operand is the larger one is computed
 * as `(Bᵀ·Aᵀ)ᵀ`.
 *
 * @param matMul The backend's own BatchMatMul kernel.
 * @param transpose The backend's own Transpose kernel.
 * @returns A BatchMatMul kernel function.
 */
export function fastBatchMatMul(matMul: Kernel, transpose: Kernel): Kernel {
  return function batchMatMul(args: KernelArgs): tf.TensorInfo {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA = false, transposeB = false } = (args.attrs ?? {}) as {
      transposeA?: boolean;
      transposeB?: boolean;
    };
    const backend = args.backend as BackendWasm;
    const owned: tf.TensorInfo[] = [];
    const noTranspose = { transposeA: false, transposeB: false };
    const m = a.shape[a.shape.length - (transposeA ? 1 : 2)]!;
    const n = b.shape[b.shape.length - (transposeB ? 2 : 1)]!;
    const single = a.shape.slice(0, -2).every((d) => d === 1) &&
      b.shape.slice(0, -2).every((d) => d === 1);
    let out: tf.TensorInfo;
    if (single && n > m) {
      const k = a.shape[a.shape.length - (transposeA ? 2 : 1)]!;
      const left = plain(transpose, backend, b, !transposeB, owned);
      const right = plain(transpose, backend, a, !transposeA, owned);
      const product = matMul({
        inputs: { a: withShape(left, [1, n, k]), b: withShape(right, [1, k, m]) },
        backend,
        attrs: noTranspose,
      });
      owned.push(product);
      out = transpose({
        inputs: { x: withShape(product, [n, m]) },
        backend,
        attrs: { perm: [1, 0] },
      });
      const batch = a.shape.length >= b.shape.length ? a.shape : b.shape;
      out = withShape(out, [...batch.slice(0, -2), m, n]);
    } else if (!transposeA && !transposeB) {
      return matMul(args);
    } else {
      out = matMul({
        inputs: {
          a: plain(transpose, backend, a, transposeA, owned),
          b: plain(transpose, backend, b, transposeB, owned),
        },
        backend,
        attrs: noTranspose,
      });
    }
    for (const t of owned) backend.disposeData(t.dataId);
    return out;
  };
}

/**
 * Identity for the wasm backend without a copy: tensors are immutable, so the output shares the
 * input's data and reference counting frees it once both are gone (the cpu backend does the same).
 *
 * @param args Kernel arguments: inputs `{ x }`.
 * @returns A tensor sharing `x`'s data; the engine disposes it.
 */
export function sharedIdentity(args: KernelArgs): tf.TensorInfo {
  const { x } = args.inputs as { x: tf.TensorInfo };
  (args.backend as BackendWasm).incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

/**
 * Wraps the wasm Sum so that sums over leading axes (bias gradients: `[batch, h, w, c]` summed
 * to `[c]`) run as one contiguous pass instead of the backend's transpose-then-reduce.
 *
 * @param sum The backend's own Sum kernel, used for every other case.
 * @returns A Sum kernel function.
 */
export function fastSum(sum: Kernel): Kernel {
  return function leadingSum(args: KernelArgs): tf.TensorInfo {
    const { x } = args.inputs as { x: tf.TensorInfo };
    const { axis, keepDims = false } = (args.attrs ?? {}) as {
      axis: number | number[];
      keepDims?: boolean;
    };
    const rank = x.shape.length;
    const axes = tf.util.parseAxisParam(axis, x.shape).sort((p, q) => p - q);
    const leading = axes.length > 0 && axes.length < rank && axes.every((a, i) => a === i);
    if (x.dtype !== "float32" || !leading) return sum(args);
    const width = x.shape.slice(axes.length).reduce((p, q) => p * q, 1);
    const shape = keepDims
      ? x.shape.map((d, i) => (i < axes.length ? 1 : d))
      : x.shape.slice(axes.length);
    const backend = args.backend as BackendWasm;
    const out = makeF32(backend, shape);
    const acc = makeF32(backend, [2 * width]);
    const rows = tf.util.sizeFromShape(x.shape) / width;
    assemblyKernels(backend).sumRows(
      heapF32(backend, x).byteOffset,
      heapF32(backend, out).byteOffset,
      heapF32(backend, acc).byteOffset,
      rows,
      width,
    );
    backend.disposeData(acc.dataId);
    return out;
  };
}

/**
 * Wraps the wasm _FusedMatMul, which returns wrong values in tfjs 4.22 for batched or
 * transposed operands and fails on rank-2 ones (found by the kernel tests against cpu): those run as our BatchMatMul
 * followed by the bias and activation, so the backend's fused kernel only runs plain products.
 *
 * @param fused The backend's own _FusedMatMul kernel.
 * @param batchMatMul Our BatchMatMul kernel.
 * @returns A _FusedMatMul kernel function.
 */
export function fastFusedMatMul(fused: Kernel, batchMatMul: Kernel): Kernel {
  return function fusedMatMul(args: KernelArgs): tf.TensorInfo {
    const { a, b } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
    const { transposeA = false, transposeB = false } = (args.attrs ?? {}) as {
      transposeA?: boolean;
      transposeB?: boolean;
    };
    // The backend's kernel also reads rank-3 shapes only (tfjs's fused.matMul reshapes to 3).
    const single = [a, b].every((t) => t.shape.length === 3 && t.shape[0] === 1);
    const width = b.shape[b.shape.length - (transposeB ? 2 : 1)]!;
    if ((single && !transposeA && !transposeB) || !fusable(args, width)) return fused(args);
    const backend = args.backend as BackendWasm;
    const out = batchMatMul({ inputs: { a, b }, backend, attrs: { transposeA, transposeB } });
    epilogue(backend, out, width, args);
    return out;
  };
}
