import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import {
  CheckpointError,
  loadCheckpoint,
  saveCheckpoint,
  type TrainingState,
} from "../../lib/train/mod.ts";
import { tempDir } from "./_fixtures.ts";
import { useBackend } from "../_shared.ts";

function state(epoch: number): TrainingState {
  return {
    epoch,
    fingerprint: {
      seed: 1,
      batchSize: 64,
      learningRate: 1e-3,
      trainCount: 10,
      shapes: [[2, 3], [3]],
    },
    history: [],
    samples: [{
      epoch,
      t: 1.5,
      cpuProcessPercent: 50,
      cpuSystemPercent: 60,
      rssMB: 100,
      tensorMB: 2,
    }],
    trainSeconds: 3.25,
    randomState: 123456789,
    optimizerStep: 7 * epoch,
    weights: [tf.tensor2d([[1, 2, 3], [4, 5, epoch]]), tf.tensor1d([0.5, -0.5, Math.PI])],
    firstMoments: [tf.zeros([2, 3]), tf.fill([3], 0.25)],
    secondMoments: [tf.ones([2, 3]), tf.fill([3], 1e-8)],
  };
}

function tensors(s: TrainingState): tf.Tensor[] {
  return [...s.weights, ...s.firstMoments, ...s.secondMoments];
}

Deno.test("saveCheckpoint() and loadCheckpoint() round-trip every field bit for bit", async () => {
  await useBackend("wasm", 1);
  const dir = await tempDir("ckpt-");
  const saved = state(2);
  await saveCheckpoint(dir, saved);
  const loaded = await loadCheckpoint(dir);
  assert.ok(loaded);
  const { weights: _w, firstMoments: _m, secondMoments: _v, ...plain } = saved;
  const { weights: _w2, firstMoments: _m2, secondMoments: _v2, ...plainLoaded } = loaded;
  assert.deepEqual(plainLoaded, plain);
  tensors(saved).forEach((t, i) => {
    const u = tensors(loaded)[i]!;
    assert.deepEqual(u.shape, t.shape);
    assert.deepEqual(Array.from(u.dataSync()), Array.from(t.dataSync()));
  });
  tf.dispose([...tensors(saved), ...tensors(loaded)]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("saveCheckpoint() keeps only the newest epoch and leaves no temporary files", async () => {
  await useBackend("wasm", 1);
  const dir = await tempDir("ckpt-");
  for (const epoch of [1, 2, 3]) {
    const s = state(epoch);
    await saveCheckpoint(dir, s);
    tf.dispose(tensors(s));
  }
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.deepEqual(names.sort(), ["epoch-0003", "latest.json"]);
  const loaded = await loadCheckpoint(dir);
  assert.equal(loaded?.epoch, 3);
  tf.dispose(tensors(loaded!));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadCheckpoint() returns null for an empty directory", async () => {
  const dir = await tempDir("ckpt-");
  assert.equal(await loadCheckpoint(dir), null);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadCheckpoint() rejects truncated tensors with a CheckpointError", async () => {
  await useBackend("wasm", 1);
  const dir = await tempDir("ckpt-");
  const s = state(1);
  await saveCheckpoint(dir, s);
  tf.dispose(tensors(s));
  const bin = `${dir}/epoch-0001/tensors.bin`;
  const bytes = await Deno.readFile(bin);
  await Deno.writeFile(bin, bytes.slice(0, 8));
  await assert.rejects(loadCheckpoint(dir), (e: unknown) =>
    e instanceof CheckpointError &&
    e.message ===
      `Expected ${bytes.length} bytes of tensors in ${dir}/epoch-0001 but found 8: delete ${dir} to start over`);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadCheckpoint() rejects another version with a CheckpointError", async () => {
  await useBackend("wasm", 1);
  const dir = await tempDir("ckpt-");
  const s = state(1);
  await saveCheckpoint(dir, s);
  tf.dispose(tensors(s));
  const path = `${dir}/epoch-0001/state.json`;
  const json = JSON.parse(await Deno.readTextFile(path));
  await Deno.writeTextFile(path, JSON.stringify({ ...json, version: 99 }));
  await assert.rejects(loadCheckpoint(dir), {
    name: "CheckpointError",
    message: `Expected checkpoint version 1 but found 99 in ${dir}: delete ${dir} to start over`,
  });
  await Deno.remove(dir, { recursive: true });
});
