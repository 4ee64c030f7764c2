import * as tf from "@tensorflow/tfjs";
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import { convGeometry, heapF32, makeF32 } from "./_wasm.ts";

/**
 * Direct-loop Conv2DBackpropFilter for the wasm backend (NHWC): the minimal kernel that makes
 * training possible, kept as the baseline the fast kernels are measured against.
 *
 * @param args Kernel arguments: inputs `{ x, dy }`, attrs `{ strides, pad, filterShape, ... }`.
 * @returns The filter gradient, shape `[kH, kW, inC, outC]`; the engine disposes it.
 */
export function naiveConv2DBackpropFilter(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const attrs = args.attrs ?? {};
  const filterShape = attrs.filterShape as number[];
  const g = convGeometry(x.shape, filterShape, attrs);
  const out = makeF32(backend, filterShape);
  const dw = heapF32(backend, out);
  const xs = heapF32(backend, x);
  const dys = heapF32(backend, dy);
  dw.fill(0);
  const { inH, inW, inC, outH, outW, outC, kH, kW } = g;
  for (let b = 0; b < g.batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        const dyBase = ((b * outH + oh) * outW + ow) * outC;
        for (let fh = 0; fh < kH; fh++) {
          const ih = oh * g.strideH + fh * g.dilH - g.padTop;
          if (ih < 0 || ih >= inH) continue;
          for (let fw = 0; fw < kW; fw++) {
            const iw = ow * g.strideW + fw * g.dilW - g.padLeft;
            if (iw < 0 || iw >= inW) continue;
            const xBase = ((b * inH + ih) * inW + iw) * inC;
            const wBase = (fh * kW + fw) * inC * outC;
            for (let ci = 0; ci < inC; ci++) {
              const xv = xs[xBase + ci]!;
              const wRow = wBase + ci * outC;
              for (let co = 0; co < outC; co++) dw[wRow + co]! += xv * dys[dyBase + co]!;
            }
          }
        }
      }
    }
  }
  return out;
}
