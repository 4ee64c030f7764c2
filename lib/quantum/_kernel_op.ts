// Private: a whole circuit of the shape [amplitude embedding] [input-independent gates]
// [Z-diagonal measurements] as ONE tfjs op with a hand-written gradient (`fusion: "kernel"`).
//
// At batch 64 on 4 wires the tensor-op path costs ~70 tiny kernels per forward+backward, whose
// fixed overhead dominates; here forward and backward are one float64 loop each.
//
// Per row: y = x (+ e0 when |x|^2 < MIN_SQUARED_NORM under normalize; that mask has no
// gradient, as in the tensor path), psi = U y, p = |psi|^2, out = (p M) / |y|^2 where M maps
// probabilities to outputs (Z signs, Z-word signs, marginal indicators). Backward, with
// g = (M dy) / |y|^2 and w = 2 g psi (complex):
//   dL/dy_j = Re(sum_c conj(U_cj) w_c) - 2 y_j (dy . out) / |y|^2,
//   dL/dU_cj (re, im) = sum over rows of (re w_c, im w_c) y_j,
// and dL/dU goes into the adjoint-method weight gradient of the unitary (_adjoint.ts).
import * as tf from "@tensorflow/tfjs";
import type { AmplitudeOp, CompiledCircuit, GateOp, Measurement } from "./ops.ts";
import { isInputIndependent, measurementWidth } from "./ops.ts";
import { blockUnitary, usedBlocks } from "./_adjoint.ts";
import {
  FULL_FUSION_MAX_WIRES,
  KERNEL_MAX_WIRES,
  MIN_SQUARED_NORM,
  NORM_TOLERANCE,
} from "./constants.ts";

function diagonalInZ(m: Measurement): boolean {
  if (m.type === "expval") return m.pauli === "Z";
  if (m.type === "expvalPauli") return /^[IZ]+$/.test(m.word);
  return true;
}

/** True when `c` at this batch size runs as one kernel op. */
export function kernelSupports(c: CompiledCircuit, batch: number): boolean {
  const [first, ...rest] = c.ops;
  return c.shots === null && first?.kind === "amplitude" &&
    rest.every((o) => isInputIndependent(o)) && c.measurements.every(diagonalInZ) &&
    c.outputSize > 0 &&
    (c.wires <= FULL_FUSION_MAX_WIRES || (c.wires <= KERNEL_MAX_WIRES && 2 ** c.wires <= batch));
}

/** [N, outputs] map from basis-state probabilities to the measurements' outputs. */
function readoutMatrix(n: number, measurements: Measurement[], outputs: number): Float64Array {
  const N = 1 << n;
  const m = new Float64Array(N * outputs);
  const bit = (i: number, w: number) => (i >> (n - 1 - w)) & 1;
  let col = 0;
  for (const meas of measurements) {
    for (let i = 0; i < N; i++) {
      if (meas.type === "expval") {
        meas.wires.forEach((w, j) => (m[i * outputs + col + j] = bit(i, w) ? -1 : 1));
      } else if (meas.type === "expvalPauli") {
        let sign = 1;
        meas.wires.forEach((w, j) => {
          if (meas.word[j] === "Z" && bit(i, w)) sign = -sign;
        });
        m[i * outputs + col] = sign;
      } else {
        let k = 0;
        for (const w of meas.wires) k = 2 * k + bit(i, w);
        m[i * outputs + col + k] = 1;
      }
    }
    col += measurementWidth(meas);
  }
  return m;
}

/** Embedded rows y [batch, N] and their squared norms (1 without normalize). */
function embed(op: AmplitudeOp, x: ArrayLike<number>, batch: number, width: number, N: number) {
  const y = new Float64Array(batch * N);
  const n2 = new Float64Array(batch);
  for (let b = 0; b < batch; b++) {
    const row = y.subarray(b * N, (b + 1) * N);
    for (let j = 0; j < N; j++) {
      row[j] = j < op.size ? x[b * width + op.offset + j]! : op.padWith ?? 0;
    }
    let sq = 0;
    for (let j = 0; j < N; j++) sq += row[j]! * row[j]!;
    if (!op.normalize) {
      if (Math.abs(Math.sqrt(sq) - 1) > NORM_TOLERANCE) {
        throw new RangeError(
          `Features must be a vector of norm 1 but found norm ${
            Math.sqrt(sq)
          } in row ${b}: pass normalize: true or normalize the features`,
        );
      }
      n2[b] = 1;
      continue;
    }
    if (sq < MIN_SQUARED_NORM) {
      sq += 2 * row[0]! + 1;
      row[0]! += 1;
    }
    n2[b] = sq;
  }
  return { y, n2 };
}

/**
 * Runs a circuit that {@linkcode kernelSupports} as one differentiable op.
 *
 * @returns `[batch, outputSize]` float32.
 */
export function runKernel(
  c: CompiledCircuit,
  inputs: tf.Tensor2D,
  weights: tf.Tensor[],
): tf.Tensor2D {
  const op = c.ops[0] as AmplitudeOp;
  const gates = c.ops.slice(1) as GateOp[];
  const n = c.wires;
  const N = 1 << n;
  const D = 2 * N;
  const outputs = c.outputSize;
  const M = readoutMatrix(n, c.measurements, outputs);
  const used = usedBlocks(gates);
  const sizes = weights.map((w) => w.size);
  const [batch, width] = inputs.shape;
  const forward = (xt: tf.Tensor, ...wts: tf.Tensor[]) => {
    const values: ArrayLike<number>[] = [];
    used.forEach((b, i) => (values[b] = wts[i]!.dataSync()));
    const unitary = blockUnitary(gates, n, { values, sizes });
    const U = unitary.x; // row j: column j of U, interleaved
    const { y, n2 } = embed(op, xt.dataSync(), batch, width, N);
    const psi = new Float64Array(batch * D);
    const raw = new Float64Array(batch * outputs);
    const out = new Float32Array(batch * outputs);
    for (let b = 0; b < batch; b++) {
      const s = psi.subarray(b * D, (b + 1) * D);
      for (let j = 0; j < N; j++) {
        const yj = y[b * N + j]!;
        if (yj === 0) continue;
        const u = U.subarray(j * D, (j + 1) * D);
        for (let t = 0; t < D; t++) s[t]! += yj * u[t]!;
      }
      const r = raw.subarray(b * outputs, (b + 1) * outputs);
      for (let i = 0; i < N; i++) {
        const p = s[2 * i]! * s[2 * i]! + s[2 * i + 1]! * s[2 * i + 1]!;
        if (p === 0) continue;
        for (let k = 0; k < outputs; k++) r[k]! += p * M[i * outputs + k]!;
      }
      for (let k = 0; k < outputs; k++) out[b * outputs + k] = r[k]! / n2[b]!;
    }
    const gradFunc = (dyT: tf.Tensor) => {
      const dy = dyT.dataSync();
      const dx = new Float32Array(batch * width);
      const zU = new Float64Array(N * D);
      const w = new Float64Array(D);
      for (let b = 0; b < batch; b++) {
        const inv = 1 / n2[b]!;
        let dn2 = 0;
        for (let k = 0; k < outputs; k++) dn2 -= dy[b * outputs + k]! * raw[b * outputs + k]!;
        dn2 *= op.normalize ? inv * inv : 0;
        const s = psi.subarray(b * D, (b + 1) * D);
        for (let i = 0; i < N; i++) {
          let g = 0;
          for (let k = 0; k < outputs; k++) g += dy[b * outputs + k]! * M[i * outputs + k]!;
          g *= 2 * inv;
          w[2 * i] = g * s[2 * i]!;
          w[2 * i + 1] = g * s[2 * i + 1]!;
        }
        for (let j = 0; j < N; j++) {
          const u = U.subarray(j * D, (j + 1) * D);
          const yj = y[b * N + j]!;
          const z = zU.subarray(j * D, (j + 1) * D);
          let acc = 0;
          for (let t = 0; t < D; t++) {
            acc += u[t]! * w[t]!;
            z[t]! += yj * w[t]!;
          }
          if (j < op.size) dx[b * width + op.offset + j] = acc + 2 * yj * dn2;
        }
      }
      const gw = used.length > 0 ? unitary.grads(zU) : new Map<number, Float64Array>();
      return [
        tf.tensor2d(dx, [batch, width]),
        ...used.map((b) =>
          tf.tensor(Float32Array.from(gw.get(b) ?? new Float64Array(sizes[b]!)), weights[b]!.shape)
        ),
      ];
    };
    return { value: tf.tensor2d(out, [batch, outputs]), gradFunc };
  };
  const kernel = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) =>
    forward(...(args.slice(0, used.length + 1) as tf.Tensor[]) as [tf.Tensor, ...tf.Tensor[]])
  );
  return kernel(inputs, ...used.map((b) => weights[b]!)) as tf.Tensor2D;
}
