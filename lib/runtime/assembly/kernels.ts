// AssemblyScript source of kernels.wasm and kernels_shared.wasm (rebuild: `deno task wasm`).
// The module imports the wasm backend's own memory, so every pointer is a byte offset into the
// tfjs heap and nothing is copied. It keeps no data, stack or heap of its own: it must never
// allocate, or it would write over the backend's memory.

/** Vector lanes of one v128 of f32. */
const LANES: i32 = 4;
/** Lane numbers 0..3, added to a splatted index. */
const LANE_INDEX = i32x4(0, 1, 2, 3);

/** Copies `n` floats from `src` to `dst`, four at a time where it can. */
@inline function copyFloats(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + LANES <= n; i += LANES) {
    v128.store(dst + (<usize>i << 2), v128.load(src + (<usize>i << 2)));
  }
  for (; i < n; i++) store<f32>(dst + (<usize>i << 2), load<f32>(src + (<usize>i << 2)));
}

/** Adds `n` floats from `src` into `dst`. */
@inline function addFloats(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + LANES <= n; i += LANES) {
    const at = dst + (<usize>i << 2);
    v128.store(at, f32x4.add(v128.load(at), v128.load(src + (<usize>i << 2))));
  }
  for (; i < n; i++) {
    const at = dst + (<usize>i << 2);
    store<f32>(at, load<f32>(at) + load<f32>(src + (<usize>i << 2)));
  }
}

/**
 * im2col for NHWC: row `(b, oh, ow)` of `cols` (`[batch * outH * outW, kH * kW * inC]`) holds
 * the input patch that output pixel sees, zero where it falls into padding. With `add` = 0 it
 * writes the columns; with `add` = 1 it is the adjoint (col2im): it adds each row of `cols`
 * back into `x`, which the caller zeroed first.
 */
export function im2col(
  x: usize, cols: usize, batch: i32, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32,
  kH: i32, kW: i32, strideH: i32, strideW: i32, dilH: i32, dilW: i32, padTop: i32,
  padLeft: i32, add: i32,
): void {
  const run = kW * inC;
  const rowBytes = <usize>(kH * run) << 2;
  // With no dilation, one filter row's taps are one contiguous run of the input row.
  const contiguous = dilW == 1;
  let row = cols;
  for (let b = 0; b < batch; b++) {
    const image = x + (<usize>(b * inH * inW * inC) << 2);
    for (let oh = 0; oh < outH; oh++) {
      const ih0 = oh * strideH - padTop;
      for (let ow = 0; ow < outW; ow++, row += rowBytes) {
        const iw0 = ow * strideW - padLeft;
        const inside = contiguous && iw0 >= 0 && iw0 + kW <= inW;
        let dst = row;
        for (let fh = 0; fh < kH; fh++, dst += <usize>run << 2) {
          const ih = ih0 + fh * dilH;
          if (ih < 0 || ih >= inH) {
            if (add == 0) memory.fill(dst, 0, <usize>run << 2);
            continue;
          }
          const src = image + (<usize>((ih * inW + iw0) * inC) << 2);
          if (inside) {
            if (add == 0) copyFloats(dst, src, run);
            else addFloats(src, dst, run);
            continue;
          }
          for (let fw = 0; fw < kW; fw++) {
            const iw = iw0 + fw * dilW;
            const tap = dst + (<usize>(fw * inC) << 2);
            if (iw < 0 || iw >= inW) {
              if (add == 0) memory.fill(tap, 0, <usize>inC << 2);
            } else {
              const at = src + (<usize>(fw * dilW * inC) << 2);
              if (add == 0) copyFloats(tap, at, inC);
              else addFloats(at, tap, inC);
            }
          }
        }
      }
    }
  }
}

/**
 * MaxPoolGrad for windows that tile the input (stride equal to the window, no padding) and
 * channels in whole vectors: each input is compared with its window's pooled value `y` and
 * the first equal one per channel takes the gradient. No read-modify-write, one pass.
 */
function tiledMaxPoolGrad(
  x: usize, y: usize, dy: usize, dx: usize, batch: i32, inH: i32, inW: i32, c: i32,
  outH: i32, outW: i32, kH: i32, kW: i32,
): void {
  memory.fill(dx, 0, <usize>(batch * inH * inW * c) << 2);
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        const o = ((b * outH + oh) * outW + ow) * c;
        const first = ((b * inH + oh * kH) * inW + ow * kW) * c;
        for (let ch = 0; ch < c; ch += LANES) {
          const best = v128.load(y + (<usize>(o + ch) << 2));
          const g = v128.load(dy + (<usize>(o + ch) << 2));
          let done = i32x4.splat(0);
          for (let h = 0; h < kH; h++) {
            for (let w = 0; w < kW; w++) {
              const at = <usize>(first + (h * inW + w) * c + ch) << 2;
              const hit = v128.andnot(f32x4.eq(v128.load(x + at), best), done);
              v128.store(dx + at, v128.and(g, hit));
              done = v128.or(done, hit);
            }
          }
        }
      }
    }
  }
}

/**
 * MaxPoolGrad for NHWC over images `[from, to)`: zeroes their part of `dx`, then adds each
 * output gradient to the first input of its window (in row-major window order) that holds the
 * window's maximum, as tfjs's cpu backend does. Windows are clipped to the input. `y` is the
 * pooled output, used by the tiled fast path.
 */
export function maxPoolGrad(
  x: usize, y: usize, dy: usize, dx: usize, from: i32, to: i32, inH: i32, inW: i32, c: i32,
  outH: i32, outW: i32, kH: i32, kW: i32, strideH: i32, strideW: i32, padTop: i32, padLeft: i32,
): void {
  const tiled = strideH == kH && strideW == kW && padTop == 0 && padLeft == 0;
  if (tiled && (c & (LANES - 1)) == 0 && outH * kH <= inH && outW * kW <= inW) {
    const image = <usize>(inH * inW * c) << 2;
    const pooled = <usize>(outH * outW * c) << 2;
    tiledMaxPoolGrad(
      x + <usize>from * image, y + <usize>from * pooled, dy + <usize>from * pooled,
      dx + <usize>from * image, to - from, inH, inW, c, outH, outW, kH, kW,
    );
    return;
  }
  const image = inH * inW * c;
  memory.fill(dx + (<usize>(from * image) << 2), 0, <usize>((to - from) * image) << 2);
  const vectors = c & ~(LANES - 1);
  for (let b = from; b < to; b++) {
    const base = b * image;
    for (let oh = 0; oh < outH; oh++) {
      const h0 = oh * strideH - padTop;
      const hStart = max(0, h0);
      const hEnd = min(inH, h0 + kH);
      for (let ow = 0; ow < outW; ow++) {
        const w0 = ow * strideW - padLeft;
        const wStart = max(0, w0);
        const wEnd = min(inW, w0 + kW);
        if (hStart >= hEnd || wStart >= wEnd) continue;
        const first = base + (hStart * inW + wStart) * c;
        const g = dy + (<usize>(((b * outH + oh) * outW + ow) * c) << 2);
        let ch = 0;
        for (; ch < vectors; ch += LANES) {
          let best = v128.load(x + (<usize>(first + ch) << 2));
          let where = i32x4.add(i32x4.splat(first + ch), LANE_INDEX);
          for (let h = hStart; h < hEnd; h++) {
            for (let w = wStart; w < wEnd; w++) {
              const at = base + (h * inW + w) * c + ch;
              const v = v128.load(x + (<usize>at << 2));
              const better = f32x4.gt(v, best);
              best = v128.bitselect(v, best, better);
              where = v128.bitselect(i32x4.add(i32x4.splat(at), LANE_INDEX), where, better);
            }
          }
          const gv = v128.load(g + (<usize>ch << 2));
          addAt(dx, i32x4.extract_lane(where, 0), f32x4.extract_lane(gv, 0));
          addAt(dx, i32x4.extract_lane(where, 1), f32x4.extract_lane(gv, 1));
          addAt(dx, i32x4.extract_lane(where, 2), f32x4.extract_lane(gv, 2));
          addAt(dx, i32x4.extract_lane(where, 3), f32x4.extract_lane(gv, 3));
        }
        for (; ch < c; ch++) {
          let best = load<f32>(x + (<usize>(first + ch) << 2));
          let where = first + ch;
          for (let h = hStart; h < hEnd; h++) {
            for (let w = wStart; w < wEnd; w++) {
              const at = base + (h * inW + w) * c + ch;
              const v = load<f32>(x + (<usize>at << 2));
              if (v > best) {
                best = v;
                where = at;
              }
            }
          }
          addAt(dx, where, load<f32>(g + (<usize>ch << 2)));
        }
      }
    }
  }
}

@inline function addAt(base: usize, index: i32, value: f32): void {
  const at = base + (<usize>index << 2);
  store<f32>(at, load<f32>(at) + value);
}

/**
 * Sums `[rows, width]` at `x` over its rows into `out` (`[width]`), accumulating in f64 two
 * lanes at a time, so the result is the float32 rounding of a double-precision sum.
 * `acc` is scratch space for `width` f64 (caller-provided: this module never allocates).
 */
export function sumRows(x: usize, out: usize, acc: usize, rows: i32, width: i32): void {
  memory.fill(acc, 0, <usize>width << 3);
  const pairs = width & ~1;
  for (let r = 0; r < rows; r++) {
    const row = x + (<usize>(r * width) << 2);
    let j = 0;
    for (; j < pairs; j += 2) {
      const at = acc + (<usize>j << 3);
      const v = f64x2.promote_low_f32x4(v128.load64_zero(row + (<usize>j << 2)));
      v128.store(at, f64x2.add(v128.load(at), v));
    }
    for (; j < width; j++) {
      const at = acc + (<usize>j << 3);
      store<f64>(at, load<f64>(at) + <f64>load<f32>(row + (<usize>j << 2)));
    }
  }
  for (let j = 0; j < width; j++) {
    store<f32>(out + (<usize>j << 2), <f32>load<f64>(acc + (<usize>j << 3)));
  }
}

/**
 * Conv2DBackpropFilter for NHWC by direct accumulation, for filters with few taps
 * (`kH * kW * inC` small, as in a first layer on a grey image), where a matrix product would
 * be a long thin one: `dw[fh, fw, ci, :] += x[b, ih, iw, ci] * dy[b, oh, ow, :]` over every
 * output pixel, the `outC` lanes four at a time. Zeroes `dw` first.
 */
export function backpropFilterDirect(
  x: usize, dy: usize, dw: usize, batch: i32, inH: i32, inW: i32, inC: i32, outH: i32,
  outW: i32, outC: i32, kH: i32, kW: i32, strideH: i32, strideW: i32, dilH: i32, dilW: i32,
  padTop: i32, padLeft: i32,
): void {
  memory.fill(dw, 0, <usize>(kH * kW * inC * outC) << 2);
  const vectors = outC & ~(LANES - 1);
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        const g = dy + (<usize>(((b * outH + oh) * outW + ow) * outC) << 2);
        for (let fh = 0; fh < kH; fh++) {
          const ih = oh * strideH + fh * dilH - padTop;
          if (ih < 0 || ih >= inH) continue;
          for (let fw = 0; fw < kW; fw++) {
            const iw = ow * strideW + fw * dilW - padLeft;
            if (iw < 0 || iw >= inW) continue;
            const src = x + (<usize>(((b * inH + ih) * inW + iw) * inC) << 2);
            const row = dw + (<usize>((fh * kW + fw) * inC * outC) << 2);
            for (let ci = 0; ci < inC; ci++) {
              const xv = load<f32>(src + (<usize>ci << 2));
              const splat = f32x4.splat(xv);
              const dst = row + (<usize>(ci * outC) << 2);
              let co = 0;
              for (; co < vectors; co += LANES) {
                const at = dst + (<usize>co << 2);
                v128.store(at, f32x4.add(v128.load(at), f32x4.mul(splat, v128.load(g + (<usize>co << 2)))));
              }
              for (; co < outC; co++) {
                const at = dst + (<usize>co << 2);
                store<f32>(at, load<f32>(at) + xv * load<f32>(g + (<usize>co << 2)));
              }
            }
          }
        }
      }
    }
  }
}
