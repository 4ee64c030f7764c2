/**
 * Per-epoch training checkpoints written atomically: the model's weights, the
 * optimizer's state, the shuffling generator's state and the history so far.
 *
 * Layout: `<dir>/epoch-0003/{state.json,tensors.bin}` plus `<dir>/latest.json`
 * naming the newest complete one. A checkpoint directory is written under a
 * temporary name and renamed into place, then `latest.json` is replaced the
 * same way, so a run killed at any moment leaves the previous checkpoint intact.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import {
  type EpochRecord,
  type ResourceSample,
  tempName,
  writeFileAtomic,
} from "../results/mod.ts";
import { CheckpointError } from "./errors.ts";

/** Format version of `state.json`. */
export const CHECKPOINT_VERSION = 1;

/** Settings a checkpoint must share with the run that resumes it. */
export interface CheckpointFingerprint {
  seed: number;
  batchSize: number;
  learningRate: number;
  trainCount: number;
  /** Shape of every model weight, in `model.getWeights()` order. */
  shapes: number[][];
}

/** Everything a resumed run needs. Tensors are owned by whoever holds the object. */
export interface TrainingState {
  /** Epochs completed. */
  epoch: number;
  fingerprint: CheckpointFingerprint;
  history: EpochRecord[];
  samples: ResourceSample[];
  trainSeconds: number;
  /** State of the shuffling/augmentation generator after `epoch` epochs. */
  randomState: number;
  optimizerStep: number;
  weights: tf.Tensor[];
  firstMoments: tf.Tensor[];
  secondMoments: tf.Tensor[];
}

interface StateFile extends Omit<TrainingState, "weights" | "firstMoments" | "secondMoments"> {
  version: number;
  /** Shapes of the tensors in tensors.bin, in order: weights, first moments, second moments. */
  tensorShapes: { weights: number[][]; firstMoments: number[][]; secondMoments: number[][] };
}

const LATEST = "latest.json";

function join(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, "")}/${name}`;
}

function epochDirName(epoch: number): string {
  return `epoch-${String(epoch).padStart(4, "0")}`;
}

/**
 * Writes a checkpoint for `state.epoch` and points `latest.json` at it; older epochs' checkpoints
 * are then removed.
 *
 * @param dir checkpoint directory (created if missing).
 * @param state what to save; its tensors are read, not disposed.
 */
export async function saveCheckpoint(dir: string, state: TrainingState): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  const groups = [state.weights, state.firstMoments, state.secondMoments];
  const floats = groups.flat().reduce((n, t) => n + t.size, 0);
  const bytes = new Float32Array(floats);
  let offset = 0;
  for (const t of groups.flat()) {
    bytes.set(await t.data() as Float32Array, offset);
    offset += t.size;
  }
  const { weights, firstMoments, secondMoments, ...rest } = state;
  const file: StateFile = {
    version: CHECKPOINT_VERSION,
    ...rest,
    tensorShapes: {
      weights: weights.map((t) => t.shape),
      firstMoments: firstMoments.map((t) => t.shape),
      secondMoments: secondMoments.map((t) => t.shape),
    },
  };
  const name = epochDirName(state.epoch);
  // The epoch folder is built under a temporary sibling name and renamed into place whole.
  const tmp = tempName(join(dir, name));
  await Deno.mkdir(tmp);
  await Deno.writeFile(join(tmp, "tensors.bin"), new Uint8Array(bytes.buffer));
  await Deno.writeTextFile(join(tmp, "state.json"), JSON.stringify(file));
  await Deno.remove(join(dir, name), { recursive: true }).catch(() => {});
  await Deno.rename(tmp, join(dir, name));
  await writeFileAtomic(join(dir, LATEST), JSON.stringify({ epoch: state.epoch, path: name }));
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isDirectory && entry.name.startsWith("epoch-") && entry.name !== name) {
      await Deno.remove(join(dir, entry.name), { recursive: true });
    }
  }
}

async function readText(path: string): Promise<string | null> {
  try {
    return await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

/**
 * Loads the newest complete checkpoint in `dir`.
 *
 * @returns the state (the caller disposes its tensors), or `null` when `dir` holds none.
 * @throws {CheckpointError} when the checkpoint is damaged or of another version.
 */
export async function loadCheckpoint(dir: string): Promise<TrainingState | null> {
  const latestText = await readText(join(dir, LATEST));
  if (latestText === null) return null;
  let file: StateFile;
  let raw: Uint8Array;
  let path = "";
  try {
    path = (JSON.parse(latestText) as { path: string }).path;
    file = JSON.parse(await Deno.readTextFile(join(join(dir, path), "state.json"))) as StateFile;
    raw = await Deno.readFile(join(join(dir, path), "tensors.bin"));
  } catch (error) {
    throw new CheckpointError(
      `Expected a readable checkpoint in ${dir} but found a damaged one (${
        (error as Error).message
      }): delete ${dir} to start over`,
    );
  }
  if (file.version !== CHECKPOINT_VERSION) {
    throw new CheckpointError(
      `Expected checkpoint version ${CHECKPOINT_VERSION} but found ${file.version} in ${dir}: delete ${dir} to start over`,
    );
  }
  const { weights, firstMoments, secondMoments } = file.tensorShapes;
  const all = [...weights, ...firstMoments, ...secondMoments];
  const need = all.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
  if (raw.byteLength !== need * 4) {
    throw new CheckpointError(
      `Expected ${need * 4} bytes of tensors in ${
        join(dir, path)
      } but found ${raw.byteLength}: delete ${dir} to start over`,
    );
  }
  const floats = new Float32Array(raw.buffer, raw.byteOffset, need);
  let offset = 0;
  const take = (shapes: number[][]) =>
    shapes.map((shape) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const t = tf.tensor(floats.slice(offset, offset + size), shape, "float32");
      offset += size;
      return t;
    });
  const { version: _version, tensorShapes: _shapes, ...rest } = file;
  return {
    ...rest,
    weights: take(weights),
    firstMoments: take(firstMoments),
    secondMoments: take(secondMoments),
  };
}
