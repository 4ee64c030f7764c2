import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { buildModel } from "../../lib/models/mod.ts";
import { PAPER_SPECS } from "../../lib/models/parameter_table.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";
import { fit, optimizerFloorBytes, profileStep } from "../../lib/train/mod.ts";

const MIB = 1024 * 1024;

Deno.test("profileStep() sees tensors that live only inside the step", async () => {
  await setupRuntime({ backend: "wasm" });
  const before = tf.memory().numBytes;
  const { result, peakBytes } = await profileStep(() =>
    tf.tidy(() => tf.sum(tf.mul(tf.ones([250_000]), 2)))
  );
  // ones and the product (1 MB each) existed together inside the step, then were freed
  assert.ok(peakBytes - before >= 2_000_000, `peak only ${peakBytes - before} bytes above`);
  assert.ok(tf.memory().numBytes - before <= 8);
  result.dispose();
});

Deno.test("optimizerFloorBytes() counts weights once and trainable weights three times", async () => {
  await setupRuntime({ backend: "wasm" });
  const hybrid = buildModel("hybrid", PAPER_SPECS.mnist, { seed: 1 });
  const frozen = buildModel("frozen", PAPER_SPECS.mnist, { seed: 1 });
  assert.equal(optimizerFloorBytes(hybrid), 225_866 * 12);
  assert.equal(optimizerFloorBytes(frozen), 225_866 * 12 - 8 * 8); // no Adam moments for 8 weights
  hybrid.dispose();
  frozen.dispose();
});

Deno.test("fit() records in-step tensor memory above the weights-plus-Adam floor", async () => {
  await setupRuntime({ backend: "wasm" });
  for (const kind of ["classical", "hybrid"] as const) {
    const model = buildModel(kind, PAPER_SPECS.mnist, { seed: 1 });
    const n = 128;
    const split = {
      images: new Uint8Array(n * 784).map((_, i) => (i * 37) % 256),
      labels: new Uint8Array(n).map((_, i) => i % 10),
      count: n,
      height: 28,
      width: 28,
      channels: 1,
    };
    const { history } = await fit(model, { train: split, val: split }, {
      epochs: 1,
      classes: 10,
      seed: 1,
    });
    const floor = optimizerFloorBytes(model) / MIB;
    const step = history[0]!.stepTensorMB!;
    // Activations of a batch of 64 (conv1 alone: 64 x 26 x 26 x 32 floats = 5.3 MiB) and the
    // gradients come on top of the floor; sampling between steps sees the floor only.
    assert.ok(step > floor + 5, `${kind}: step ${step} MiB vs floor ${floor} MiB`);
    assert.ok(Math.abs(history[0]!.tensorMB - floor) < 0.1, `${kind}: between steps`);
    model.dispose();
  }
});
