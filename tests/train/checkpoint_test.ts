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
  await assert.rejects(loadCheckpoint(dir), (e: unknown) => {
    assert.ok(e instanceof CheckpointError);
    assert.match(
      e.message,
      new RegExp(
        `^Expected a valid checkpoint in ${dir} but found tensors\\.bin in ${dir}/epoch-0001 with SHA-256 [0-9a-f]{64}, not the [0-9a-f]{64} recorded \\(the file is damaged\\): delete ${dir} to start over$`,
      ),
    );
    return true;
  });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadCheckpoint() rejects another version with a CheckpointError", async () => {
  await useBackend("wasm", 1);
  const dir = await tempDir("ckpt-");
  const s = state(1);
  await saveCheckpoint(dir, s);
  tf.dispose(tensors(s));
  const path = `${dir}/latest.json`;
  const json = JSON.parse(await Deno.readTextFile(path));
  await Deno.writeTextFile(path, JSON.stringify({ ...json, version: 99 }));
  await assert.rejects(loadCheckpoint(dir), {
    name: "CheckpointError",
    message: `Expected checkpoint version 2 but found 99 in ${dir}: delete ${dir} to start over`,
  });
  await Deno.remove(dir, { recursive: true });
});

/** Saves `state(epoch)` to a fresh folder, disposing the saved tensors. */
async function savedDir(epoch = 1): Promise<string> {
  await useBackend();
  const dir = await tempDir("ckpt-");
  const s = state(epoch);
  await saveCheckpoint(dir, s);
  tf.dispose(tensors(s));
  return dir;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

Deno.test("loadCheckpoint() refuses 100 flipped bytes in tensors.bin, naming the folder", async () => {
  const dir = await savedDir();
  const bin = `${dir}/epoch-0001/tensors.bin`;
  const bytes = await Deno.readFile(bin);
  // Flip the low bit of the mantissa of every float: each weight changes by about 1e-7.
  for (let i = 0; i < Math.min(100, bytes.length); i += 4) bytes[i]! ^= 1;
  await Deno.writeFile(bin, bytes);
  await assert.rejects(loadCheckpoint(dir), {
    name: "CheckpointError",
    message: new RegExp(
      `^Expected a valid checkpoint in ${dir} but found tensors\\.bin .* damaged`,
    ),
  });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadCheckpoint() refuses a NaN weight even when the manifest was rewritten to match", async () => {
  const dir = await savedDir();
  const folder = `${dir}/epoch-0001`;
  const bytes = await Deno.readFile(`${folder}/tensors.bin`);
  new DataView(bytes.buffer).setFloat32(4, NaN, true);
  await Deno.writeFile(`${folder}/tensors.bin`, bytes);
  const manifest = JSON.parse(await Deno.readTextFile(`${folder}/manifest.json`));
  manifest.sha256["tensors.bin"] = await sha256Hex(bytes);
  await Deno.writeTextFile(`${folder}/manifest.json`, JSON.stringify(manifest));
  await assert.rejects(loadCheckpoint(dir), {
    name: "CheckpointError",
    message:
      `Expected a valid checkpoint in ${dir} but found NaN or infinite values in ${folder}/tensors.bin: delete ${dir} to start over`,
  });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadCheckpoint() never follows latest.json outside the checkpoint folder", async () => {
  const dir = await savedDir();
  // A complete, valid checkpoint right beside the folder: following "../x" would load it.
  const outside = `${dir}-outside`;
  await Deno.rename(`${dir}/epoch-0001`, outside);
  for (const path of [`../${outside.split("/").pop()}`, outside, "epoch-0001/..", ".tmp-1"]) {
    await Deno.writeTextFile(
      `${dir}/latest.json`,
      JSON.stringify({ version: 2, epoch: 1, path }),
    );
    await assert.rejects(loadCheckpoint(dir), {
      name: "CheckpointError",
      message: `Expected a valid checkpoint in ${dir} but found latest.json pointing at ${
        JSON.stringify(path)
      } (only a folder epoch-NNNN inside the checkpoint folder is followed): delete ${dir} to start over`,
    });
  }
  await Deno.remove(dir, { recursive: true });
  await Deno.remove(outside, { recursive: true });
});

Deno.test("loadCheckpoint() names the folder for a truncated latest.json or a missing manifest", async () => {
  const dir = await savedDir();
  await Deno.remove(`${dir}/epoch-0001/manifest.json`);
  await assert.rejects(loadCheckpoint(dir), {
    name: "CheckpointError",
    message: new RegExp(
      `^Expected a valid checkpoint in ${dir} but found a missing or unreadable manifest\\.json`,
    ),
  });
  await Deno.writeTextFile(`${dir}/latest.json`, '{"version": 2, "epo');
  await assert.rejects(loadCheckpoint(dir), {
    name: "CheckpointError",
    message:
      `Expected a valid checkpoint in ${dir} but found an unreadable latest.json: delete ${dir} to start over`,
  });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("saveCheckpoint() run concurrently on one folder succeeds every time and leaves no debris", async () => {
  await useBackend();
  const dir = await tempDir("ckpt-");
  const states = [1, 2, 3, 4, 4, 3, 2, 1, 4].map(state);
  await Promise.all(states.map((s) => saveCheckpoint(dir, s)));
  tf.dispose(states.flatMap(tensors));
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.deepEqual(names.sort(), ["epoch-0004", "latest.json"]);
  const loaded = await loadCheckpoint(dir);
  assert.equal(loaded?.epoch, 4);
  tf.dispose(tensors(loaded!));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("saveCheckpoint() removes temporary folders left by a killed save", async () => {
  const dir = await savedDir();
  const stale = `${dir}/epoch-0001.99999-killed.tmp`;
  await Deno.mkdir(stale);
  await Deno.writeTextFile(`${stale}/tensors.bin`, "half");
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  await Deno.utime(stale, hourAgo, hourAgo);
  const s = state(2);
  await saveCheckpoint(dir, s);
  tf.dispose(tensors(s));
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.deepEqual(names.sort(), ["epoch-0002", "latest.json"]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("saveCheckpoint() refuses a NaN weight and keeps the previous checkpoint", async () => {
  const dir = await savedDir(1);
  const s = state(2);
  const bad = tf.tensor1d([0.5, NaN, 1]);
  await assert.rejects(saveCheckpoint(dir, { ...s, weights: [s.weights[0]!, bad] }), {
    name: "CheckpointError",
    message:
      `Expected finite weights and optimizer moments to checkpoint epoch 2 in ${dir} but found NaN or infinite values: the previous checkpoint is kept; lower the learning rate`,
  });
  tf.dispose([...tensors(s), bad]);
  const loaded = await loadCheckpoint(dir);
  assert.equal(loaded?.epoch, 1);
  tf.dispose(tensors(loaded!));
  await Deno.remove(dir, { recursive: true });
});
