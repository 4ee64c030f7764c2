// Private: the bias-and-activation epilogue of the fused kernels (_FusedMatMul, FusedConv2D),
// applied in place to an output whose last axis has `width` entries.
import type * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { heapF32 } from "./_wasm.ts";
import type { KernelArgs } from "./fast_conv_kernels.ts";

/** Activations tfjs fuses into products and convolutions. */
const ACTIVATIONS = new Set(["linear", "relu", "relu6", "elu", "leakyrelu", "sigmoid", "prelu"]);

/** Whether {@linkcode applyEpilogue} handles this activation and these operand sizes. */
export function epilogueSupported(
  activation: string,
  width: number,
  biasSize: number | null,
  preluSize: number | null,
): boolean {
  const fits = (size: number | null) => size === null || size === 1 || size === width;
  return ACTIVATIONS.has(activation) && fits(biasSize) && fits(preluSize) &&
    (activation !== "prelu" || preluSize !== null);
}

/**
 * Adds `bias` (length 1 or `width`) and applies `activation` to `out` in place, in the order
 * tfjs's fused kernels use: bias first.
 */
export function applyEpilogue(
  out: Float32Array,
  width: number,
  bias: Float32Array | null,
  activation: string,
  alpha: number,
  prelu: Float32Array | null,
): void {
  if (bias !== null) {
    const step = bias.length === 1 ? 0 : 1;
    for (let i = 0, j = 0; i < out.length; i++, j = j + 1 === width ? 0 : j + 1) {
      out[i]! += bias[j * step]!;
    }
  }
  switch (activation) {
    case "linear":
      return;
    case "relu":
      for (let i = 0; i < out.length; i++) if (out[i]! < 0) out[i] = 0;
      return;
    case "relu6":
      for (let i = 0; i < out.length; i++) out[i] = Math.min(Math.max(out[i]!, 0), 6);
      return;
    case "elu":
      for (let i = 0; i < out.length; i++) if (out[i]! < 0) out[i] = Math.expm1(out[i]!);
      return;
    case "leakyrelu":
      for (let i = 0; i < out.length; i++) if (out[i]! < 0) out[i]! *= alpha;
      return;
    case "sigmoid":
      for (let i = 0; i < out.length; i++) out[i] = 1 / (1 + Math.exp(-out[i]!));
      return;
    case "prelu": {
      const p = prelu!;
      const step = p.length === 1 ? 0 : 1;
      for (let i = 0, j = 0; i < out.length; i++, j = j + 1 === width ? 0 : j + 1) {
        if (out[i]! < 0) out[i]! *= p[j * step]!;
      }
      return;
    }
  }
}

/** Sizes of optional fused operands, `null` where absent. */
function sizeOf(t: tf.TensorInfo | undefined): number | null {
  return t === undefined ? null : t.shape.reduce((p, q) => p * q, 1);
}

/** Applies a fused kernel's bias and activation to `out` in place. */
export function epilogue(
  backend: BackendWasm,
  out: tf.TensorInfo,
  width: number,
  args: KernelArgs,
): void {
  const { bias, preluActivationWeights: prelu } = args.inputs as Record<string, tf.TensorInfo>;
  const attrs = args.attrs ?? {};
  applyEpilogue(
    heapF32(backend, out),
    width,
    bias ? heapF32(backend, bias) : null,
    (attrs.activation as string | undefined) ?? "linear",
    (attrs.leakyreluAlpha as number | undefined) ?? 0.2,
    prelu ? heapF32(backend, prelu) : null,
  );
}

/** Whether a fused kernel's epilogue is one we apply; otherwise the original kernel runs. */
export function fusable(args: KernelArgs, width: number): boolean {
  const { bias, preluActivationWeights: prelu } = args.inputs as Record<string, tf.TensorInfo>;
  const all = [args.inputs.a, args.inputs.b, args.inputs.x, args.inputs.filter, bias, prelu];
  const activation = ((args.attrs ?? {}).activation as string | undefined) ?? "linear";
  return all.every((t) => t === undefined || t.dtype === "float32") &&
    epilogueSupported(activation, width, sizeOf(bias), sizeOf(prelu));
}
