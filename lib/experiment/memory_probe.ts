/**
 * Peak resident memory of training one model, measured in a fresh process so that no other
 * model ran before it (RSS and the wasm heap only grow within a process, so a shared process
 * favours whichever model runs first). The child loads the runtime and the data set exactly
 * as a run does, trains the model for a few steps and prints the largest RSS sampled after each
 * step (wasm memory is never returned to the system, so a step's wasm peak stays resident) and the
 * size of the wasm heap.
 *
 * Run as a script it is the child: `deno run ... memory_probe.ts '<request JSON>'`.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import { loadDataset } from "../data/mod.ts";
import { buildModel, specFor } from "../models/mod.ts";
import { Circuit } from "../quantum/mod.ts";
import { setupRuntime } from "../runtime/mod.ts";
import { fit, TrainingInterruptedError } from "../train/mod.ts";
import type { DatasetName, MemoryRecord, ModelKind } from "../results/mod.ts";
import type { SplitSizes } from "./profiles.ts";

/** Training steps the child runs (the first one is the slowest; a few reach the steady state). */
export const PROBE_STEPS = 3;

const MIB = 1024 * 1024;

/** What the child is asked to train. */
export interface ProbeRequest {
  dataset: DatasetName;
  kind: ModelKind;
  seed: number;
  batchSize: number;
  learningRate: number;
  sizes: SplitSizes;
  dataSeed: number;
  dataDir: string;
  backend: "wasm" | "cpu";
  /** `Circuit.toJSON()` of the hybrid's circuit. */
  circuit: unknown;
  /** @default {PROBE_STEPS} */
  steps?: number;
}

/** The fresh-process part of a {@link MemoryRecord}. */
export type FreshProcessMemory = MemoryRecord["freshProcess"];

/** Resident set size of this process now, MiB. */
function rssMB(): number {
  return Deno.memoryUsage().rss / MIB;
}

/** Size of the wasm backend's linear memory (it only grows), MiB; 0 on other backends. */
export function wasmHeapMB(): number {
  const backend = tf.backend() as unknown as { wasm?: { wasmMemory?: WebAssembly.Memory } };
  return (backend.wasm?.wasmMemory?.buffer.byteLength ?? 0) / MIB;
}

/**
 * The child's work: load, build, train `steps` steps, read the high-water marks. Call it only
 * in a process of its own.
 */
export async function probeInThisProcess(request: ProbeRequest): Promise<FreshProcessMemory> {
  const steps = request.steps ?? PROBE_STEPS;
  await setupRuntime({ backend: request.backend, seed: request.seed });
  const dataset = await loadDataset(request.dataset, {
    sizes: request.sizes,
    seed: request.dataSeed,
    dataDir: request.dataDir,
  });
  const rssBeforeMB = rssMB();
  let peak = rssBeforeMB;
  const model = buildModel(request.kind, specFor(dataset), {
    circuit: Circuit.fromJSON(request.circuit),
    seed: request.seed,
  });
  try {
    await fit(model, { train: dataset.train, val: dataset.val }, {
      epochs: 1,
      classes: dataset.classNames.length,
      seed: request.seed,
      batchSize: request.batchSize,
      learningRate: request.learningRate,
      stopAfterBatches: steps,
      // getrusage's ru_maxrss would be no use here: Linux carries the parent's high-water mark
      // across fork and exec, so every child reported the parent's RSS. Sample after each step.
      onProgress: () => {
        peak = Math.max(peak, rssMB());
      },
    });
  } catch (error) {
    if (!(error instanceof TrainingInterruptedError)) throw error;
  } finally {
    model.dispose();
  }
  const rssAfterMB = rssMB();
  return {
    peakRssMB: Math.max(peak, rssAfterMB),
    rssBeforeMB,
    rssAfterMB,
    wasmHeapMB: wasmHeapMB(),
    steps,
  };
}

/**
 * Measures a model's peak RSS in a fresh Deno process.
 *
 * @param request what to train.
 * @returns the child's high-water marks, or `{ notMeasured: why }` when no child could run
 *   (no `--allow-run` for the Deno executable, or the child failed).
 */
export async function measureFreshProcess(request: ProbeRequest): Promise<FreshProcessMemory> {
  const script = new URL(import.meta.url).pathname;
  let output: Deno.CommandOutput;
  try {
    // By name, not Deno.execPath(): `--allow-run=deno` grants the `deno` found on PATH.
    output = await new Deno.Command("deno", {
      args: [
        "run",
        "--quiet",
        "--allow-read",
        "--allow-env",
        "--allow-sys",
        script,
        JSON.stringify(request),
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return {
      notMeasured: `no fresh process could be started (${why}); run with --allow-run=deno`,
    };
  }
  const text = new TextDecoder().decode(output.stdout).trim().split("\n").at(-1) ?? "";
  if (!output.success) {
    const err = new TextDecoder().decode(output.stderr).trim().split("\n").slice(-3).join(" ");
    return { notMeasured: `the fresh process failed: ${err}` };
  }
  try {
    return JSON.parse(text) as FreshProcessMemory;
  } catch {
    return { notMeasured: `the fresh process printed no result: ${text.slice(0, 200)}` };
  }
}

if (import.meta.main) {
  const request = JSON.parse(Deno.args[0] ?? "null") as ProbeRequest | null;
  if (request === null) {
    throw new TypeError(
      "Expected a probe request as the first argument but found none: pass its JSON",
    );
  }
  const result = await probeInThisProcess(request);
  console.log(JSON.stringify(result));
  // The runtime's helper worker keeps the event loop alive; the result is out, so stop here.
  Deno.exit(0);
}
