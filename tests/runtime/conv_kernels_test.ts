import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { registerTrainingKernels, setupRuntime } from "../../lib/runtime/mod.ts";
import { compareKernel, randomValues, REL_TOLERANCE } from "./_compare.ts";
import { PATHS, pathTest } from "./_native_gate.ts";

interface ConvCase {
  x: [number, number, number, number];
  filter: [number, number, number, number];
  stride: number | [number, number];
  pad: "same" | "valid";
}

const CASES: ConvCase[] = [
  { x: [2, 7, 6, 1], filter: [3, 3, 1, 4], stride: 1, pad: "valid" },
  { x: [2, 7, 6, 3], filter: [3, 3, 3, 5], stride: 1, pad: "same" },
  { x: [2, 9, 7, 3], filter: [3, 2, 3, 4], stride: 2, pad: "same" },
  { x: [2, 9, 8, 2], filter: [3, 2, 2, 3], stride: 2, pad: "valid" },
  { x: [1, 6, 9, 4], filter: [1, 3, 4, 2], stride: [1, 2], pad: "same" },
  { x: [3, 8, 8, 8], filter: [1, 3, 8, 1], stride: 1, pad: "valid" },
  { x: [2, 10, 10, 16], filter: [5, 5, 16, 8], stride: 2, pad: "same" },
  { x: [2, 5, 5, 1], filter: [2, 2, 1, 1], stride: 2, pad: "valid" },
  { x: [2, 6, 5, 12], filter: [1, 1, 12, 7], stride: 1, pad: "valid" },
  { x: [2, 12, 11, 32], filter: [3, 3, 32, 64], stride: 1, pad: "valid" },
];

function outShape(c: ConvCase): [number, number, number, number] {
  const info = tf.backend_util.computeConv2DInfo(c.x, c.filter, c.stride, 1, c.pad);
  return info.outShape as [number, number, number, number];
}

function label(c: ConvCase): string {
  return `x ${c.x} filter ${c.filter} stride ${c.stride} ${c.pad}`;
}

function attrsOf(c: ConvCase): tf.NamedAttrMap {
  return { strides: c.stride, pad: c.pad, dataFormat: "NHWC", dilations: 1 };
}

for (const kernels of [...PATHS, "naive"] as const) {
  pathTest(
    "Conv2DBackpropFilter() matches cpu for strides, paddings and shapes",
    kernels,
    async () => {
      const info = await setupRuntime({ backend: "wasm", kernels });
      assert.equal(info.kernels.includes("Conv2DBackpropFilter"), true);
      try {
        for (const [i, c] of CASES.entries()) {
          const error = await compareKernel(
            "Conv2DBackpropFilter",
            {
              x: { shape: c.x, values: randomValues(c.x, 10 + i) },
              dy: { shape: outShape(c), values: randomValues(outShape(c), 20 + i) },
            },
            { ...attrsOf(c), filterShape: c.filter },
            kernels,
          );
          assert(error < REL_TOLERANCE, `${label(c)}: relative error ${error}`);
        }
      } finally {
        registerTrainingKernels("fast");
      }
    },
  );
}

for (const kernels of PATHS) {
  pathTest(
    "Conv2DBackpropInput() matches cpu for strides, paddings and shapes",
    kernels,
    async () => {
      for (const [i, c] of CASES.entries()) {
        const error = await compareKernel(
          "Conv2DBackpropInput",
          {
            dy: { shape: outShape(c), values: randomValues(outShape(c), 30 + i) },
            filter: { shape: c.filter, values: randomValues(c.filter, 40 + i) },
          },
          { ...attrsOf(c), inputShape: c.x },
          kernels,
        );
        assert(error < REL_TOLERANCE, `${label(c)}: relative error ${error}`);
      }
    },
  );

  pathTest("Conv2D() matches cpu for strides, paddings and shapes", kernels, async () => {
    for (const [i, c] of CASES.entries()) {
      const error = await compareKernel(
        "Conv2D",
        {
          x: { shape: c.x, values: randomValues(c.x, 110 + i) },
          filter: { shape: c.filter, values: randomValues(c.filter, 120 + i) },
        },
        attrsOf(c),
        kernels,
      );
      assert(error < REL_TOLERANCE, `${label(c)}: relative error ${error}`);
    }
  });

  pathTest(
    "FusedConv2D() adds the bias and applies the activation as cpu does",
    kernels,
    async () => {
      for (const [i, activation] of ["relu", "linear", "leakyrelu", "sigmoid"].entries()) {
        const c = CASES[(2 * i + 1) % CASES.length]!;
        const outC = c.filter[3];
        const error = await compareKernel(
          "FusedConv2D",
          {
            x: { shape: c.x, values: randomValues(c.x, 130 + i) },
            filter: { shape: c.filter, values: randomValues(c.filter, 140 + i) },
            bias: { shape: [outC], values: randomValues([outC], 150 + i) },
          },
          { ...attrsOf(c), activation, leakyreluAlpha: 0.3 },
          kernels,
        );
        assert(error < REL_TOLERANCE, `${label(c)} ${activation}: relative error ${error}`);
      }
    },
  );
}
