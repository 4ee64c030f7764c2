/**
 * Per-epoch training checkpoints written atomically: the model's weights, the
 * optimizer's state, the shuffling generator's state and the history so far.
 *
 * Layout: `<dir>/epoch-0003/{state.json,tensors.bin,manifest.json}` plus
 * `<dir>/latest.json` naming the newest complete one. `manifest.json` records
 * the SHA-256 of the other two files, checked on load, so a flipped byte is
 * refused rather than resumed from. A checkpoint directory is written under a
 * temporary name and renamed into place, then `latest.json` is replaced the
 * same way, so a run killed at any moment leaves the previous checkpoint intact;
 * temporary folders left by a killed save are removed by later saves.
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

/** Format version of a checkpoint (`state.json` and `manifest.json`). */
export const CHECKPOINT_VERSION = 2;

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
const MANIFEST = "manifest.json";
const STATE = "state.json";
const TENSORS = "tensors.bin";
/** The only names `latest.json` may point at: a folder right inside the checkpoint folder. */
const EPOCH_DIR = /^epoch-\d{4,}$/;
/** Temporary folders older than this are left over from a killed save and removed. */
const STALE_TEMP_MS = 10 * 60 * 1000;
/** Attempts at moving a checkpoint folder into place when another save races for the name. */
const PLACE_ATTEMPTS = 5;

/** What `manifest.json` holds. */
interface Manifest {
  version: number;
  epoch: number;
  /** SHA-256 (hex) of each file of the checkpoint folder. */
  sha256: Record<string, string>;
}

function join(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, "")}/${name}`;
}

function epochDirName(epoch: number): string {
  return `epoch-${String(epoch).padStart(4, "0")}`;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function allFinite(values: Float32Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}

/** Saves to one folder run one at a time within a process (another process is handled by renames). */
const queues = new Map<string, Promise<unknown>>();

/**
 * Writes a checkpoint for `state.epoch` and points `latest.json` at it; older epochs' checkpoints
 * are then removed. Concurrent saves to one folder are serialized; a failed save removes its
 * temporary folder.
 *
 * @param dir checkpoint directory (created if missing).
 * @param state what to save; its tensors are read, not disposed.
 * @throws {CheckpointError} when a weight or optimizer moment is NaN or infinite (a diverged
 *   state is never saved, so the kept checkpoint is the last finite one).
 */
export function saveCheckpoint(dir: string, state: TrainingState): Promise<void> {
  const key = dir.replace(/\/+$/, "");
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(() => saveNow(dir, state));
  queues.set(key, next);
  const forget = () => {
    if (queues.get(key) === next) queues.delete(key);
  };
  next.then(forget, forget);
  return next;
}

async function saveNow(dir: string, state: TrainingState): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  const groups = [state.weights, state.firstMoments, state.secondMoments];
  const floats = groups.flat().reduce((n, t) => n + t.size, 0);
  const values = new Float32Array(floats);
  let offset = 0;
  for (const t of groups.flat()) {
    values.set(await t.data() as Float32Array, offset);
    offset += t.size;
  }
  if (!allFinite(values)) {
    throw new CheckpointError(
      `Expected finite weights and optimizer moments to checkpoint epoch ${state.epoch} in ${dir} but found NaN or infinite values: the previous checkpoint is kept; lower the learning rate`,
    );
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
  const tensorBytes = new Uint8Array(values.buffer);
  const stateBytes = new TextEncoder().encode(JSON.stringify(file));
  const manifest: Manifest = {
    version: CHECKPOINT_VERSION,
    epoch: state.epoch,
    sha256: { [STATE]: await sha256(stateBytes), [TENSORS]: await sha256(tensorBytes) },
  };
  const name = epochDirName(state.epoch);
  const tmp = tempName(join(dir, name));
  try {
    await Deno.mkdir(tmp);
    await Deno.writeFile(join(tmp, TENSORS), tensorBytes);
    await Deno.writeFile(join(tmp, STATE), stateBytes);
    await Deno.writeTextFile(join(tmp, MANIFEST), JSON.stringify(manifest));
    await placeDir(tmp, dir, name);
  } catch (error) {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
    throw error;
  }
  await writeFileAtomic(
    join(dir, LATEST),
    JSON.stringify({ version: CHECKPOINT_VERSION, epoch: state.epoch, path: name }),
  );
  await removeDebris(dir, state.epoch);
}

/** Renames `tmp` to `<dir>/<name>`, moving an older folder of that name aside first. */
async function placeDir(tmp: string, dir: string, name: string): Promise<void> {
  for (let attempt = 1;; attempt++) {
    const old = tempName(join(dir, `${name}.old`));
    const movedOld = await Deno.rename(join(dir, name), old).then(() => true, (e) => {
      if (e instanceof Deno.errors.NotFound) return false;
      throw e;
    });
    try {
      await Deno.rename(tmp, join(dir, name));
      return;
    } catch (error) {
      // Another process put its folder there between the two renames: move it aside again.
      if (attempt >= PLACE_ATTEMPTS) throw error;
    } finally {
      if (movedOld) await Deno.remove(old, { recursive: true }).catch(() => {});
    }
  }
}

/** Removes other epochs (saves in this process are serialized) and temporary folders left by killed saves. */
async function removeDebris(dir: string, epoch: number): Promise<void> {
  const now = Date.now();
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.isDirectory) continue;
    const path = join(dir, entry.name);
    let remove = false;
    if (EPOCH_DIR.test(entry.name)) remove = entry.name !== epochDirName(epoch);
    else if (entry.name.endsWith(".tmp")) {
      const stat = await Deno.stat(path).catch(() => null);
      remove = stat !== null && now - (stat.mtime?.getTime() ?? now) > STALE_TEMP_MS;
    }
    if (remove) await Deno.remove(path, { recursive: true }).catch(() => {});
  }
}

async function readBytes(path: string): Promise<Uint8Array | null> {
  try {
    return await Deno.readFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

/**
 * Loads the newest complete checkpoint in `dir`, verifying the SHA-256 of every
 * file against its manifest and that every tensor value is finite.
 *
 * @returns the state (the caller disposes its tensors), or `null` when `dir` holds none.
 * @throws {CheckpointError} naming `dir` when the checkpoint is damaged (a checksum
 *   mismatch, a missing file, non-finite values), points outside `dir`, or is of another version.
 */
export async function loadCheckpoint(dir: string): Promise<TrainingState | null> {
  const latestBytes = await readBytes(join(dir, LATEST));
  if (latestBytes === null) return null;
  const damaged = (what: string) =>
    new CheckpointError(
      `Expected a valid checkpoint in ${dir} but found ${what}: delete ${dir} to start over`,
    );
  const latest = parseJson(latestBytes) as { version?: unknown; epoch?: unknown; path?: unknown };
  if (latest === null || typeof latest !== "object") {
    throw damaged(`an unreadable ${LATEST}`);
  }
  if (latest.version !== CHECKPOINT_VERSION) {
    throw new CheckpointError(
      `Expected checkpoint version ${CHECKPOINT_VERSION} but found ${
        String(latest.version ?? 1)
      } in ${dir}: delete ${dir} to start over`,
    );
  }
  if (typeof latest.path !== "string" || !EPOCH_DIR.test(latest.path)) {
    throw damaged(
      `${LATEST} pointing at ${
        JSON.stringify(latest.path)
      } (only a folder epoch-NNNN inside the checkpoint folder is followed)`,
    );
  }
  const folder = join(dir, latest.path);
  const manifest = parseJson(await readBytes(join(folder, MANIFEST))) as Manifest | null;
  if (
    manifest === null || typeof manifest !== "object" || typeof manifest.sha256 !== "object" ||
    manifest.sha256 === null || manifest.epoch !== latest.epoch
  ) {
    throw damaged(`a missing or unreadable ${MANIFEST} in ${folder}`);
  }
  const files: Record<string, Uint8Array> = {};
  for (const name of [STATE, TENSORS]) {
    const bytes = await readBytes(join(folder, name));
    if (bytes === null) throw damaged(`no ${name} in ${folder}`);
    const actual = await sha256(bytes);
    if (actual !== manifest.sha256[name]) {
      throw damaged(
        `${name} in ${folder} with SHA-256 ${actual}, not the ${
          String(manifest.sha256[name])
        } recorded (the file is damaged)`,
      );
    }
    files[name] = bytes;
  }
  const file = parseJson(files[STATE]!) as StateFile | null;
  if (file === null || file.version !== CHECKPOINT_VERSION || file.epoch !== latest.epoch) {
    throw damaged(`a ${STATE} in ${folder} of another version or epoch`);
  }
  const raw = files[TENSORS]!;
  const { weights, firstMoments, secondMoments } = file.tensorShapes;
  const all = [...weights, ...firstMoments, ...secondMoments];
  const need = all.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
  if (raw.byteLength !== need * 4) {
    throw new CheckpointError(
      `Expected ${
        need * 4
      } bytes of tensors in ${folder} but found ${raw.byteLength}: delete ${dir} to start over`,
    );
  }
  const floats = new Float32Array(raw.slice().buffer, 0, need);
  if (!allFinite(floats)) throw damaged(`NaN or infinite values in ${join(folder, TENSORS)}`);
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

function parseJson(bytes: Uint8Array | null): unknown {
  if (bytes === null) return null;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}
