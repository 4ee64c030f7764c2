import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { heapF32, makeF32, withShape } from "./_wasm.ts";
import type { KernelArgs } from "./fast_conv_kernels.ts";
import { splitTiledMaxPoolGrad } from "./_helper.ts";

/**
 * MaxPoolGrad for the wasm backend (NHWC): routes each output gradient to the first maximal
 * input of its window, as the cpu backend does. With the threaded build, windows that tile the
 * input split the batch with a helper worker on the shared heap (same result for any split).
 *
 * @param args Kernel arguments: inputs `{ dy, input, output }`, attrs `{ filterSize, strides, pad, dimRoundingMode }`.
 * @returns The input gradient, shape of `input`; the engine disposes it.
 */
export function fastMaxPoolGrad(args: KernelArgs): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const { dy, input, output } = args.inputs as {
    dy: tf.TensorInfo;
    input: tf.TensorInfo;
    output: tf.TensorInfo;
  };
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
  if (strideHeight === filterHeight && strideWidth === filterWidth) {
    const geometry = {
      inHeight,
      inWidth,
      channels: c,
      outHeight,
      outWidth,
      filterHeight,
      filterWidth,
      strideHeight,
      strideWidth,
      padTop: info.padInfo.top,
      padLeft: info.padInfo.left,
    };
    splitTiledMaxPoolGrad({ x, y: heapF32(backend, output), g, dx }, {
      geometry,
      batch: batchSize,
    });
    return out;
  }
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
