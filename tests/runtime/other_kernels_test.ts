import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { setupRuntime } from "../../lib/runtime/mod.ts";
import { compareKernel, randomValues, REL_TOLERANCE } from "./_compare.ts";
import { PATHS, pathTest } from "./_native_gate.ts";

interface PoolCase {
  x: [number, number, number, number];
  filterSize: number | [number, number];
  stride: number | [number, number];
  pad: "same" | "valid";
  /** Clamp inputs at zero, as after a ReLU, so that windows hold tied maxima. */
  relu?: boolean;
}

const POOLS: PoolCase[] = [
  { x: [2, 8, 8, 3], filterSize: 2, stride: 2, pad: "valid" },
  { x: [2, 7, 9, 1], filterSize: 2, stride: 2, pad: "valid" },
  { x: [2, 7, 7, 4], filterSize: 3, stride: 2, pad: "same" },
  { x: [2, 7, 5, 3], filterSize: 2, stride: 2, pad: "same" },
  { x: [1, 9, 8, 2], filterSize: [3, 2], stride: [3, 2], pad: "valid" },
  { x: [2, 8, 8, 3], filterSize: 2, stride: 2, pad: "valid", relu: true },
  { x: [2, 7, 7, 3], filterSize: 3, stride: 2, pad: "same", relu: true },
  { x: [1, 6, 5, 2], filterSize: 3, stride: 1, pad: "same" },
  { x: [2, 9, 8, 5], filterSize: [3, 2], stride: [2, 1], pad: "valid" },
  { x: [2, 26, 26, 32], filterSize: 2, stride: 2, pad: "valid", relu: true },
  { x: [2, 11, 11, 8], filterSize: 3, stride: 2, pad: "same", relu: true },
  { x: [2, 11, 9, 8], filterSize: 2, stride: 2, pad: "valid", relu: true },
];

for (const kernels of PATHS) {
  pathTest("MaxPoolGrad() matches cpu for windows, strides and paddings", kernels, async () => {
    for (const [i, c] of POOLS.entries()) {
      await setupRuntime({ backend: "wasm", kernels });
      const x = randomValues(c.x, 50 + i).map((v) => c.relu ? Math.max(0, v) : v);
      const attrs = { filterSize: c.filterSize, strides: c.stride, pad: c.pad };
      const output = tf.tidy(() => tf.maxPool(tf.tensor4d(x, c.x), c.filterSize, c.stride, c.pad));
      const outShape = output.shape;
      const outValues = output.dataSync() as Float32Array;
      output.dispose();
      const error = await compareKernel(
        "MaxPoolGrad",
        {
          dy: { shape: outShape, values: randomValues(outShape, 60 + i) },
          input: { shape: c.x, values: x },
          output: { shape: outShape, values: outValues },
        },
        attrs,
        kernels,
      );
      assert(error < REL_TOLERANCE, `pool ${JSON.stringify(c)}: relative error ${error}`);
    }
  });
}

const MATMULS: Array<{ a: number[]; b: number[]; transposeA: boolean; transposeB: boolean }> = [
  { a: [1, 5, 7], b: [1, 7, 3], transposeA: false, transposeB: false },
  { a: [1, 7, 5], b: [1, 7, 3], transposeA: true, transposeB: false },
  { a: [1, 5, 7], b: [1, 3, 7], transposeA: false, transposeB: true },
  { a: [2, 7, 5], b: [2, 3, 7], transposeA: true, transposeB: true },
  { a: [3, 64, 33], b: [3, 64, 17], transposeA: true, transposeB: false },
  { a: [4, 6], b: [6, 9], transposeA: false, transposeB: false },
  { a: [6, 4], b: [6, 9], transposeA: true, transposeB: false },
  { a: [4, 6], b: [9, 6], transposeA: false, transposeB: true },
  { a: [1, 6, 4], b: [1, 9, 6], transposeA: true, transposeB: true },
  { a: [3, 5, 7], b: [1, 7, 4], transposeA: false, transposeB: false },
  { a: [1, 7, 5], b: [2, 3, 4, 7], transposeA: true, transposeB: true },
  { a: [64, 1600], b: [1600, 128], transposeA: false, transposeB: false },
];

for (const kernels of PATHS) {
  pathTest("BatchMatMul() matches cpu with transposes and broadcasting", kernels, async () => {
    for (const [i, c] of MATMULS.entries()) {
      const error = await compareKernel(
        "BatchMatMul",
        {
          a: { shape: c.a, values: randomValues(c.a, 70 + i) },
          b: { shape: c.b, values: randomValues(c.b, 80 + i) },
        },
        { transposeA: c.transposeA, transposeB: c.transposeB },
        kernels,
      );
      assert(error < REL_TOLERANCE, `matmul ${JSON.stringify(c)}: relative error ${error}`);
    }
  });

  pathTest(
    "_FusedMatMul() adds the bias and applies the activation as cpu does",
    kernels,
    async () => {
      const activations = ["linear", "relu", "relu6", "elu", "leakyrelu", "sigmoid", "prelu"];
      for (const [i, activation] of activations.entries()) {
        const c = MATMULS[i % MATMULS.length]!;
        const n = c.b[c.b.length - (c.transposeB ? 2 : 1)]!;
        const error = await compareKernel("_FusedMatMul", {
          a: { shape: c.a, values: randomValues(c.a, 160 + i) },
          b: { shape: c.b, values: randomValues(c.b, 170 + i) },
          bias: { shape: [n], values: randomValues([n], 180 + i) },
          ...(activation === "prelu"
            ? { preluActivationWeights: { shape: [n], values: randomValues([n], 190 + i) } }
            : {}),
        }, {
          transposeA: c.transposeA,
          transposeB: c.transposeB,
          activation,
          leakyreluAlpha: 0.3,
        }, kernels);
        assert(
          error < REL_TOLERANCE,
          `${activation} ${JSON.stringify(c)}: relative error ${error}`,
        );
      }
    },
  );
}

Deno.test("fast Identity() matches cpu and outlives its input", async () => {
  const error = await compareKernel("Identity", {
    x: { shape: [3, 4], values: randomValues([3, 4], 90) },
  }, {});
  assert(error < REL_TOLERANCE, `identity: relative error ${error}`);
  await setupRuntime({ backend: "wasm" });
  const before = tf.memory().numBytes;
  const x = tf.tensor1d([1, 2, 3]);
  const y = tf.clone(x);
  x.dispose();
  assert.deepEqual([...y.dataSync()], [1, 2, 3]);
  y.dispose();
  assert.equal(tf.memory().numBytes, before);
});

const SUMS: Array<{ x: number[]; axis: number | number[]; keepDims: boolean }> = [
  { x: [4, 5, 6, 3], axis: [0, 1, 2], keepDims: false },
  { x: [4, 5, 6, 3], axis: [2, 0, 1], keepDims: true },
  { x: [7, 9], axis: 0, keepDims: false },
  { x: [4, 5, 6], axis: [0, 1], keepDims: false },
  { x: [4, 5, 6], axis: [1, 2], keepDims: false },
  { x: [4, 5, 6], axis: -1, keepDims: true },
  { x: [4, 5, 6], axis: [0, 2], keepDims: false },
];

Deno.test("fast Sum() matches cpu over leading and other axes", async () => {
  for (const [i, c] of SUMS.entries()) {
    const error = await compareKernel("Sum", {
      x: { shape: c.x, values: randomValues(c.x, 100 + i) },
    }, { axis: c.axis, keepDims: c.keepDims });
    assert(error < REL_TOLERANCE, `sum ${JSON.stringify(c)}: relative error ${error}`);
  }
});
