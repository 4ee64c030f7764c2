// Private: a tight float64 loop applying one small gate to many interleaved complex vectors at
// once (the rows of a block unitary in the adjoint method).
import type { Matrix } from "./gates.ts";

/** Where a gate's amplitudes sit in a k-wire register, and its matrix as flat arrays. */
export interface GatePlan {
  /** Amplitude indices grouped per gate application: groups of `d` consecutive entries. */
  index: Int32Array;
  d: number;
  re: Float64Array;
  im: Float64Array;
}

const indexCache = new Map<string, Int32Array>();

function gateIndex(k: number, wires: number[]): Int32Array {
  const key = `${k}:${wires.join(",")}`;
  const cached = indexCache.get(key);
  if (cached) return cached;
  const n = 1 << k;
  const d = 1 << wires.length;
  const masks = wires.map((w) => 1 << (k - 1 - w));
  const all = masks.reduce((a, b) => a | b, 0);
  const index = new Int32Array(n);
  let at = 0;
  for (let base = 0; base < n; base++) {
    if ((base & all) !== 0) continue;
    for (let j = 0; j < d; j++) {
      let x = base;
      for (let b = 0; b < wires.length; b++) if ((j >> (wires.length - 1 - b)) & 1) x |= masks[b]!;
      index[at++] = x;
    }
  }
  indexCache.set(key, index);
  return index;
}

/** Prepares `m` (acting on `wires`, controls first) for {@linkcode applyPlan} on k wires. */
export function plan(k: number, wires: number[], m: Matrix<number>): GatePlan {
  const d = m.length;
  const re = new Float64Array(d * d);
  const im = new Float64Array(d * d);
  m.forEach((row, i) =>
    row.forEach(([r, c], j) => {
      re[i * d + j] = r as number;
      im[i * d + j] = c as number;
    })
  );
  return { index: gateIndex(k, wires), d, re, im };
}

/**
 * Applies a planned gate in place to `rows` complex vectors of length 2^k stored one after
 * another in `x` (interleaved [re, im]), starting at vector `from`.
 */
export function applyPlan(x: Float64Array, rows: number, p: GatePlan, from = 0): void {
  const { index, d, re, im } = p;
  const stride = 2 * index.length;
  const ar = new Float64Array(d);
  const ai = new Float64Array(d);
  for (let r = from; r < from + rows; r++) {
    const o = r * stride;
    for (let g = 0; g < index.length; g += d) {
      for (let j = 0; j < d; j++) {
        const at = o + 2 * index[g + j]!;
        ar[j] = x[at]!;
        ai[j] = x[at + 1]!;
      }
      for (let i = 0; i < d; i++) {
        let sr = 0;
        let si = 0;
        for (let j = 0; j < d; j++) {
          const mr = re[i * d + j]!;
          const mi = im[i * d + j]!;
          sr += mr * ar[j]! - mi * ai[j]!;
          si += mr * ai[j]! + mi * ar[j]!;
        }
        const at = o + 2 * index[g + i]!;
        x[at] = sr;
        x[at + 1] = si;
      }
    }
  }
}

/** The conjugate transpose of a plan's matrix, as a new plan. */
export function daggerPlan(p: GatePlan): GatePlan {
  const { d } = p;
  const re = new Float64Array(d * d);
  const im = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      re[j * d + i] = p.re[i * d + j]!;
      im[j * d + i] = -p.im[i * d + j]!;
    }
  }
  return { index: p.index, d, re, im };
}
