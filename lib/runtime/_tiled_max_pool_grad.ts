// Private: the MaxPoolGrad inner loop for windows that tile the input, over a range of images,
// so that the main thread and a helper worker can each take part of a batch.

/** Pooling geometry, in plain numbers so that it can be posted to a worker. */
export interface TiledPoolGeometry {
  inHeight: number;
  inWidth: number;
  channels: number;
  outHeight: number;
  outWidth: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

/** The buffers of MaxPoolGrad: input, pooled output, output gradient and input gradient. */
export interface PoolGradBuffers {
  x: Float32Array;
  y: Float32Array;
  g: Float32Array;
  dx: Float32Array;
}

/**
 * Zeroes `dx` for images `[from, to)` and routes each output gradient to the first input of its
 * window equal to the pooled maximum. Each window owns its inputs (stride equals the window), so
 * images are independent and any split of the batch gives the same result.
 */
export function tiledMaxPoolGrad(
  { x, y, g, dx }: PoolGradBuffers,
  p: TiledPoolGeometry,
  { from, to }: { from: number; to: number },
): void {
  const { inHeight, inWidth, channels: c, outHeight, outWidth } = p;
  const imageSize = inHeight * inWidth * c;
  dx.fill(0, from * imageSize, to * imageSize);
  const done = new Uint8Array(c);
  for (let b = from; b < to; b++) {
    const xBatch = b * imageSize;
    for (let oh = 0; oh < outHeight; oh++) {
      const h0 = oh * p.strideHeight - p.padTop;
      const hStart = Math.max(0, h0);
      const hEnd = Math.min(inHeight, h0 + p.filterHeight);
      for (let ow = 0; ow < outWidth; ow++) {
        const w0 = ow * p.strideWidth - p.padLeft;
        const wStart = Math.max(0, w0);
        const wEnd = Math.min(inWidth, w0 + p.filterWidth);
        const o = ((b * outHeight + oh) * outWidth + ow) * c;
        done.fill(0);
        for (let h = hStart; h < hEnd; h++) {
          for (let w = wStart; w < wEnd; w++) {
            const at = xBatch + (h * inWidth + w) * c;
            for (let ch = 0; ch < c; ch++) {
              if (x[at + ch] === y[o + ch] && done[ch] === 0) {
                dx[at + ch] = g[o + ch]!;
                done[ch] = 1;
              }
            }
          }
        }
      }
    }
  }
}
