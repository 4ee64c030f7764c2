import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { heapF32, makeF32, withShape } from "./_wasm.ts";
import type { KernelArgs } from "./fast_conv_kernels.ts";

type Kernel = (args: KernelArgs) => tf.TensorInfo;

/** Swaps the last two axes with the backend's Transpose kernel. Caller disposes the result. */
function transposeLastTwo(original: Kernel, args: KernelArgs, t: tf.TensorInfo): tf.TensorInfo {
  const rank = t.shape.length;
  const perm = [...Array(rank).keys()];
  perm[rank - 2] = rank - 1;
  perm[rank - 1] = rank - 2;
  return original({ inputs: { x: t }, backend: args.backend, attrs: { perm } });
}

/**
 * Wraps the wasm BatchMatMul so that transposed operands are transposed in memory first: the
 * backend's XNNPACK path handles only plain products and its transposed path is ~15x slower.
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
    if (!transposeA && !transposeB) return matMul(args);
    const aPlain = transposeA ? transposeLastTwo(transpose, args, a) : a;
    const bPlain = transposeB ? transposeLastTwo(transpose, args, b) : b;
    const out = matMul({
      inputs: { a: aPlain, b: bPlain },
      backend: args.backend,
      attrs: { transposeA: false, transposeB: false },
    });
    const backend = args.backend as BackendWasm;
    if (transposeA) backend.disposeData(aPlain.dataId);
    if (transposeB) backend.disposeData(bPlain.dataId);
    return out;
  };
}

/**
 * MaxPoolGrad for the wasm backend (NHWC): routes each output gradient to the first maximal
 * input of its window, as the cpu backend does.
 *
 * @param args Kernel arguments: inputs `{ dy, input, output }`, attrs `{ filterSize, strides, pad, dimRoundingMode }`.
 * @returns The input gradient, shape of `input`; the engine disposes it.
 */
export function fastMaxPoolGrad(args: KernelArgs): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, input } = args.inputs as { dy: tf.TensorInfo; input: tf.TensorInfo };
  const attrs = args.attrs ?? {};
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize as number | [number, number],
    attrs.strides as number | [number, number],
    1,
    attrs.pad as "valid" | "same" | number,
    attrs.dimRoundingMode as "floor" | "round" | "ceil" | undefined,
  );
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const out = makeF32(backend, input.shape);
  const dx = heapF32(backend, out);
  const x = heapF32(backend, withShape(input, input.shape));
  const g = heapF32(backend, dy);
  dx.fill(0);
  // Channels innermost keeps every read contiguous; ties go to the first maximum, like cpu.
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  for (let b = 0; b < batchSize; b++) {
    const xBatch = b * inHeight * inWidth * c;
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = oh * strideHeight - info.padInfo.top;
      const hStart = Math.max(0, h0);
      const hEnd = Math.min(inHeight, h0 + filterHeight);
      for (let ow = 0; ow < outWidth; ow++) {
        const w0 = ow * strideWidth - info.padInfo.left;
        const wStart = Math.max(0, w0);
        const wEnd = Math.min(inWidth, w0 + filterWidth);
        if (hStart >= hEnd || wStart >= wEnd) continue;
        const first = xBatch + (hStart * inWidth + wStart) * c;
        for (let ch = 0; ch < c; ch++) {
          best[ch] = x[first + ch]!;
          where[ch] = first + ch;
        }
        for (let h = hStart; h < hEnd; h++) {
          for (let w = h === hStart ? wStart + 1 : wStart; w < wEnd; w++) {
            const at = xBatch + (h * inWidth + w) * c;
            for (let ch = 0; ch < c; ch++) {
              const v = x[at + ch]!;
              if (v > best[ch]!) {
                best[ch] = v;
                where[ch] = at + ch;
              }
            }
          }
        }
        const gBase = ((b * outHeight + oh) * outWidth + ow) * c;
        for (let ch = 0; ch < c; ch++) dx[where[ch]!]! += g[gBase + ch]!;
      }
    }
  }
  return out;
}
