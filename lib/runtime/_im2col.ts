// Private: im2col for NHWC convolutions, written straight into a wasm heap tensor.
import type { ConvGeometry } from "./_wasm.ts";

/**
 * Fills `cols` (row-major `[batch * outH * outW, kH * kW * inC]`) with the input patches each
 * output pixel sees; taps that fall into padding are zero.
 */
export function im2col(x: Float32Array, cols: Float32Array, g: ConvGeometry): void {
  const { inH, inW, inC, outH, outW, kH, kW } = g;
  const rowLen = kH * kW * inC;
  let row = 0;
  for (let b = 0; b < g.batch; b++) {
    const xBatch = b * inH * inW * inC;
    for (let oh = 0; oh < outH; oh++) {
      const ih0 = oh * g.strideH - g.padTop;
      for (let ow = 0; ow < outW; ow++, row += rowLen) {
        const iw0 = ow * g.strideW - g.padLeft;
        let dst = row;
        for (let fh = 0; fh < kH; fh++) {
          const ih = ih0 + fh * g.dilH;
          if (ih < 0 || ih >= inH) {
            cols.fill(0, dst, dst + kW * inC);
            dst += kW * inC;
            continue;
          }
          const xRow = xBatch + ih * inW * inC;
          for (let fw = 0; fw < kW; fw++, dst += inC) {
            const iw = iw0 + fw * g.dilW;
            if (iw < 0 || iw >= inW) {
              cols.fill(0, dst, dst + inC);
            } else if (inC === 1) {
              cols[dst] = x[xRow + iw]!;
            } else {
              const src = xRow + iw * inC;
              for (let c = 0; c < inC; c++) cols[dst + c] = x[src + c]!;
            }
          }
        }
      }
    }
  }
}
