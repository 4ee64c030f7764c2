import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { type KernelSet, setupRuntime } from "../../lib/runtime/mod.ts";
import { randomValues, REL_TOLERANCE, relativeError } from "./_compare.ts";
import { PATHS, pathTest } from "./_native_gate.ts";

const X_SHAPE = [4, 12, 10, 3];

/** A small CNN covering same/valid padding, stride 2, a 3x2 kernel, pooling and dense layers. */
function buildCnn(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({
    inputShape: X_SHAPE.slice(1),
    filters: 4,
    kernelSize: 3,
    padding: "same",
    activation: "relu",
    kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }),
  }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({
    filters: 6,
    kernelSize: [3, 2],
    strides: 2,
    padding: "valid",
    activation: "relu",
    kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }),
  }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({
    units: 5,
    activation: "softmax",
    kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }),
  }));
  return model;
}

async function gradientsOn(backend: "cpu" | "wasm", kernels: KernelSet): Promise<Float32Array[]> {
  await setupRuntime({ backend, kernels });
  const model = buildCnn();
  const x = tf.tensor4d(randomValues(X_SHAPE, 5), X_SHAPE as [number, number, number, number]);
  const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 4], "int32"), 5);
  const { grads } = tf.variableGrads(() =>
    tf.losses.softmaxCrossEntropy(labels, model.predict(x) as tf.Tensor) as tf.Scalar
  );
  const names = Object.keys(grads).sort();
  const values = await Promise.all(names.map((n) => grads[n]!.data() as Promise<Float32Array>));
  tf.dispose([x, labels, grads]);
  model.layers.forEach((layer) => layer.dispose());
  return values;
}

for (const kernels of PATHS) {
  pathTest("setupRuntime() gives a small CNN the same gradients as cpu", kernels, async () => {
    const expected = await gradientsOn("cpu", kernels);
    const actual = await gradientsOn("wasm", kernels);
    assert.equal(actual.length, expected.length);
    assert.ok(expected.length >= 6, `only ${expected.length} gradients`);
    for (const [i, values] of actual.entries()) {
      const error = relativeError(values, expected[i]!);
      assert.ok(error < REL_TOLERANCE, `gradient ${i}: relative error ${error}`);
    }
  });
}
