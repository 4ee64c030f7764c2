// Private: the bias-and-activation epilogue of the fused kernels (_FusedMatMul, FusedConv2D),
// applied in place to an output whose last axis has `width` entries.

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
