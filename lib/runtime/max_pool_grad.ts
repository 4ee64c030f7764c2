import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { heapF32, makeF32 } from "./_wasm.ts";
import type { KernelArgs } from "./fast_conv_kernels.ts";
import { assemblyKernels } from "./_assembly.ts";

/**
 * MaxPoolGrad for the wasm backend (NHWC), in AssemblyScript with SIMD over channels, on the
 * wasm heap: routes each output gradient to the first maximal input of its window, as the cpu
 * backend does. Windows that tile the input take a one-pass path that compares each input with
 * the pooled output.
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
  const out = makeF32(backend, input.shape);
  assemblyKernels(backend).maxPoolGrad(
    heapF32(backend, input).byteOffset,
    heapF32(backend, output).byteOffset,
    heapF32(backend, dy).byteOffset,
    heapF32(backend, out).byteOffset,
    0,
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
  );
  return out;
}
