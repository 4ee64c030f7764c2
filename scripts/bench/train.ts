/**
 * Training-throughput benchmark of the reference CNN (conv 3x3x32, max-pool, conv 3x3x64,
 * max-pool, dense 128, dense 10; 28x28x1; batch 64; Adam). Each round measures our native path
 * (CBLAS through Deno FFI, when a library is found), our wasm path and PyTorch with 1 and 2
 * threads back to back, so that a noisy machine slows all of them alike; medians over the
 * rounds give `ratio ours/PyTorch` for each path against PyTorch's faster setting. Then a
 * per-kernel profile of each path with achieved GFLOP/s beside the path's measured GEMM peak.
 *
 * Usage: `deno task bench train [--rounds N] [--steps N] [--threads N] [--no-torch]`
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import {
  type CommandSpec,
  numberOption,
  parseCommand,
  runMain,
  usageText,
} from "../../lib/cli/mod.ts";
import { writeJsonAtomic } from "../../lib/results/mod.ts";
import {
  type KernelPath,
  type KernelTiming,
  profileKernels,
  setupRuntime,
} from "../../lib/runtime/mod.ts";
import { kernelFlops } from "./_flops.ts";
import { measureTorch } from "./_torch.ts";

const BATCH = 64;
const WARMUP_STEPS = 3;
/** Steps the per-kernel profile averages over. */
const PROFILE_STEPS = 5;
const CLASSES = 10;
/** Side of the square product that measures a path's GEMM peak. */
const PEAK_SIZE = 1024;
const PEAK_REPEATS = 5;
const RESULT_PATH = "data/bench/train.json";

type Path = "native" | "wasm";
type Setting = Path | "torch2" | "torch1";
const LABELS: Record<Setting, string> = {
  native: "ours, native",
  wasm: "ours, wasm",
  torch2: "PyTorch 2 threads",
  torch1: "PyTorch 1 thread",
};

/** Options parsed from the command line. */
interface TrainBenchOptions {
  rounds: number;
  steps: number;
  /** Threads of the wasm backend and the CBLAS library; 0 for setupRuntime()'s default. */
  threads: number;
  torch: boolean;
}

/** The command line of `deno task bench train`. */
export const TRAIN_BENCH_COMMAND = {
  name: "bench train",
  summary:
    "Training throughput of the reference CNN: ours (native and wasm paths) against PyTorch, interleaved.",
  options: {
    rounds: { type: "string", valueName: "N", description: "interleaved rounds (default 5)" },
    steps: { type: "string", valueName: "N", description: "timed steps per round (default 20)" },
    threads: { type: "string", valueName: "N", description: "threads (default: one per core)" },
    "no-torch": { type: "boolean", description: "skip the PyTorch comparison" },
  },
} as const satisfies CommandSpec;

function parseOptions(args: string[]): TrainBenchOptions | null {
  const { values, help } = parseCommand(args, TRAIN_BENCH_COMMAND);
  if (help) return null;
  return {
    rounds: numberOption(values.rounds, "rounds", { fallback: 5, min: 1 }),
    steps: numberOption(values.steps, "steps", { fallback: 20, min: 1 }),
    threads: numberOption(values.threads, "threads", { fallback: 0 }),
    torch: !values["no-torch"],
  };
}

/** The reference CNN, compiled with Adam and sparse categorical crossentropy. */
function referenceCnn(): tf.Sequential {
  const model = tf.sequential();
  model.add(tf.layers.conv2d({
    inputShape: [28, 28, 1],
    filters: 32,
    kernelSize: 3,
    activation: "relu",
  }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: "relu" }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 128, activation: "relu" }));
  model.add(tf.layers.dense({ units: CLASSES, activation: "softmax" }));
  model.compile({ optimizer: tf.train.adam(1e-3), loss: "sparseCategoricalCrossentropy" });
  return model;
}

async function usePath(path: Path, threads: number): Promise<KernelPath> {
  const kernels = path === "native" ? "native" : "fast";
  return (await setupRuntime({ backend: "wasm", seed: 1, threads, kernels })).path;
}

/** Trains `steps` steps after a warm-up; returns samples/s, or the profile when asked. */
async function train(steps: number, profile: boolean): Promise<[number, KernelTiming[]]> {
  const model = referenceCnn();
  const x = tf.randomUniform([BATCH, 28, 28, 1], 0, 1, "float32", 1);
  const y = tf.randomUniform([BATCH], 0, CLASSES, "int32", 2).cast("float32");
  for (let i = 0; i < WARMUP_STEPS; i++) await model.trainOnBatch(x, y);
  let timings: KernelTiming[] = [];
  const start = performance.now();
  if (profile) {
    timings = await profileKernels(async () => {
      for (let i = 0; i < steps; i++) await model.trainOnBatch(x, y);
    }, { flops: kernelFlops });
  } else {
    for (let i = 0; i < steps; i++) await model.trainOnBatch(x, y);
  }
  const seconds = (performance.now() - start) / 1000;
  tf.dispose([x, y]);
  model.layers.forEach((layer) => layer.dispose());
  return [(steps * BATCH) / seconds, timings];
}

/**
 * GFLOP/s of a `PEAK_SIZE`² product through the active path's BatchMatMul, by the best of
 * `PEAK_REPEATS` (the best approaches what the CPU does when nothing else runs).
 */
function gemmPeak(): number {
  const a = tf.randomUniform([PEAK_SIZE, PEAK_SIZE], -1, 1, "float32", 3);
  const b = tf.randomUniform([PEAK_SIZE, PEAK_SIZE], -1, 1, "float32", 4);
  tf.matMul(a, b).dispose();
  let best = Infinity;
  for (let i = 0; i < PEAK_REPEATS; i++) {
    const start = performance.now();
    tf.matMul(a, b).dataSync();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  tf.dispose([a, b]);
  return (2 * PEAK_SIZE ** 3) / best / 1e9;
}

function median(values: number[]): number {
  const sorted = [...values].sort((p, q) => p - q);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function profileTable(path: Path, timings: KernelTiming[], peak: number): string {
  const stepMs = timings.reduce((sum, t) => sum + t.ms, 0) / PROFILE_STEPS;
  const lines = [
    `Per-kernel profile, ${path} path, one training step (mean of ${PROFILE_STEPS}, ${
      stepMs.toFixed(1)
    } ms in kernels); roofline: GEMM peak ${
      peak.toFixed(1)
    } GFLOP/s (best ${PEAK_SIZE}³ product on this path)`,
    `  ${"kernel".padEnd(22)} ${"calls".padStart(5)} ${"ms".padStart(7)} ${"share".padStart(6)} ${
      "GFLOP/s".padStart(8)
    } ${"of peak".padStart(7)}`,
  ];
  for (const t of timings.filter((t) => t.ms / PROFILE_STEPS >= 0.05)) {
    const ms = t.ms / PROFILE_STEPS;
    const gflops = t.flops > 0 ? t.flops / (t.ms / 1000) / 1e9 : null;
    lines.push(
      `  ${t.name.padEnd(22)} ${String(t.calls / PROFILE_STEPS).padStart(5)} ${
        ms.toFixed(2).padStart(7)
      } ${`${((100 * ms) / stepMs).toFixed(1)}%`.padStart(6)} ${
        gflops === null ? "".padStart(8) : gflops.toFixed(1).padStart(8)
      } ${gflops === null ? "" : `${((100 * gflops) / peak).toFixed(0)}%`.padStart(7)}`,
    );
  }
  return lines.join("\n");
}

/**
 * Runs the benchmark and prints each round, the medians, the ratios and the profiles.
 *
 * @param args Command-line arguments after `train`.
 */
export async function main(args: string[]): Promise<void> {
  const options = parseOptions(args);
  if (options === null) {
    console.log(usageText(TRAIN_BENCH_COMMAND));
    return;
  }
  const threads = options.threads === 0 ? undefined : options.threads;
  const first = await setupRuntime({ backend: "wasm", seed: 1, threads });
  const paths: Path[] = first.path.path === "native" ? ["native", "wasm"] : ["wasm"];
  if (first.path.path !== "native") {
    console.log("native path: not measured (no CBLAS library; see the tfjs kernels line above)");
  }
  const described: Partial<Record<Path, KernelPath>> = {};
  for (const path of paths) described[path] = await usePath(path, first.threads);
  console.log(
    `Reference CNN, batch ${BATCH}, Adam; ${options.rounds} interleaved rounds of ${options.steps} steps, ${WARMUP_STEPS} warm-up steps excluded`,
  );
  const samples: Partial<Record<Setting, number[]>> = {};
  const add = (setting: Setting, value: number | null) => {
    if (value !== null) (samples[setting] ??= []).push(value);
  };
  for (let round = 1; round <= options.rounds; round++) {
    for (const path of paths) {
      await usePath(path, first.threads);
      add(path, (await train(options.steps, false))[0]);
    }
    if (options.torch) {
      add("torch2", await measureTorch(options.steps, 2, BATCH));
      add("torch1", await measureTorch(options.steps, 1, BATCH));
    }
    const line = Object.entries(samples).map(([s, v]) =>
      `${s} ${v.at(-1)!.toFixed(0).padStart(5)}`
    );
    console.log(`  round ${round}: ${line.join("  ")}  samples/s`);
  }
  const medians = Object.fromEntries(
    Object.entries(samples).map(([s, v]) => [s, median(v)]),
  ) as Partial<Record<Setting, number>>;
  console.log("\nMedian samples/s:");
  for (const [setting, value] of Object.entries(medians)) {
    console.log(`  ${LABELS[setting as Setting].padEnd(20)} ${value.toFixed(1).padStart(8)}`);
  }
  const torchBest = Math.max(medians.torch2 ?? 0, medians.torch1 ?? 0);
  const torchSetting = (medians.torch2 ?? 0) >= (medians.torch1 ?? 0) ? "2 threads" : "1 thread";
  const ratios: Partial<Record<Path, number>> = {};
  console.log("");
  if (torchBest === 0) console.log("PyTorch: not measured (no python3 with torch, or --no-torch)");
  for (const path of paths) {
    if (torchBest === 0) break;
    ratios[path] = medians[path]! / torchBest;
    const p = described[path]!;
    console.log(
      `ratio ours/PyTorch = ${ratios[path]!.toFixed(2)}  (${path} path, ${p.threads} thread(s)${
        p.library ? `, ${p.library}` : ""
      }; PyTorch ${torchSetting})`,
    );
  }
  const profiles: Partial<Record<Path, { peakGflops: number; kernels: KernelTiming[] }>> = {};
  for (const path of paths) {
    await usePath(path, first.threads);
    const peak = gemmPeak();
    const [, timings] = await train(PROFILE_STEPS, true);
    profiles[path] = { peakGflops: peak, kernels: timings };
    console.log("");
    console.log(profileTable(path, timings, peak));
  }
  await writeJsonAtomic(RESULT_PATH, {
    batch: BATCH,
    rounds: options.rounds,
    steps: options.steps,
    paths: described,
    samplesPerSecond: samples,
    medians,
    ratios,
    profiles,
  }, 2);
}

if (import.meta.main) await runMain(main, { spec: TRAIN_BENCH_COMMAND });
