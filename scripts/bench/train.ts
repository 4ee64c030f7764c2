/**
 * Training-throughput benchmark of the reference CNN (conv 3x3x32, max-pool, conv 3x3x64,
 * max-pool, dense 128, dense 10; 28x28x1; batch 64; Adam): our wasm stack against the
 * naive-kernel wasm baseline, the cpu backend and PyTorch, plus a per-kernel profile.
 *
 * Usage: `deno task bench train [--steps N] [--cpu-steps N] [--threads N] [--no-torch]`
 * (`--threads` defaults to setupRuntime()'s default, one per logical CPU; 1 = single-threaded build)
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
import { type KernelTiming, profileKernels, setupRuntime } from "../../lib/runtime/mod.ts";
import { writeJsonAtomic } from "../../lib/results/mod.ts";

const BATCH = 64;
const WARMUP_STEPS = 3;
/** Steps the per-kernel profile averages over. */
const PROFILE_STEPS = 5;
const CLASSES = 10;
const RESULT_PATH = "data/bench/train.json";

/** Options parsed from the command line. */
interface TrainBenchOptions {
  steps: number;
  cpuSteps: number;
  /** Threads of the wasm backend; 0 for setupRuntime()'s default. */
  threads: number;
  torch: boolean;
}

/** The command line of `deno task bench train`. */
export const TRAIN_BENCH_COMMAND = {
  name: "bench train",
  summary: "Training throughput of the reference CNN: ours (wasm), tfjs cpu and PyTorch.",
  options: {
    steps: { type: "string", valueName: "N", description: "timed wasm steps (default 30)" },
    "cpu-steps": { type: "string", valueName: "N", description: "timed cpu steps (default 1)" },
    threads: { type: "string", valueName: "N", description: "wasm threads (default: automatic)" },
    "no-torch": { type: "boolean", description: "skip the PyTorch comparison" },
  },
} as const satisfies CommandSpec;

function parseOptions(args: string[]): TrainBenchOptions | null {
  const { values, help } = parseCommand(args, TRAIN_BENCH_COMMAND);
  if (help) return null;
  return {
    steps: numberOption(values.steps, "steps", { fallback: 30 }),
    cpuSteps: numberOption(values["cpu-steps"], "cpu-steps", { fallback: 1 }),
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

/** One measured configuration. */
interface Measurement {
  samplesPerSecond: number;
  steps: number;
  profile?: KernelTiming[];
  stepMs?: number;
}

async function measureTfjs(
  steps: number,
  { warmup = WARMUP_STEPS, profile = false }: { warmup?: number; profile?: boolean } = {},
): Promise<Measurement> {
  const model = referenceCnn();
  const x = tf.randomUniform([BATCH, 28, 28, 1], 0, 1, "float32", 1);
  const y = tf.randomUniform([BATCH], 0, CLASSES, "int32", 2).cast("float32");
  for (let i = 0; i < warmup; i++) await model.trainOnBatch(x, y);
  const start = performance.now();
  for (let i = 0; i < steps; i++) await model.trainOnBatch(x, y);
  const seconds = (performance.now() - start) / 1000;
  const result: Measurement = { samplesPerSecond: (steps * BATCH) / seconds, steps };
  if (profile) {
    const begin = performance.now();
    const total = await profileKernels(async () => {
      for (let i = 0; i < PROFILE_STEPS; i++) await model.trainOnBatch(x, y);
    });
    result.stepMs = (performance.now() - begin) / PROFILE_STEPS;
    result.profile = total.map((t) => ({
      name: t.name,
      calls: t.calls / PROFILE_STEPS,
      ms: t.ms / PROFILE_STEPS,
    }));
  }
  tf.dispose([x, y]);
  model.layers.forEach((layer) => layer.dispose());
  return result;
}

async function measureTorch(
  steps: number,
  threads: number,
): Promise<Measurement & { python: string } | null> {
  for (const python of ["/usr/bin/python3", "python3"]) {
    const script = new URL("./peers/torch_train.py", import.meta.url).pathname;
    try {
      const { code, stdout } = await new Deno.Command(python, {
        args: [
          script,
          ...["--steps", String(steps), "--threads", String(threads), "--batch", String(BATCH)],
        ],
        stdout: "piped",
        stderr: "null",
      }).output();
      if (code !== 0) continue;
      const parsed = JSON.parse(new TextDecoder().decode(stdout).trim());
      return { samplesPerSecond: parsed.samples_per_second, steps, python };
    } catch {
      continue;
    }
  }
  return null;
}

function profileTable(profile: KernelTiming[], stepMs: number): string {
  const kernelMs = profile.reduce((sum, t) => sum + t.ms, 0);
  const lines = [
    `Per-kernel profile of one training step, mean of ${PROFILE_STEPS} (${
      stepMs.toFixed(1)
    } ms wall, ${kernelMs.toFixed(1)} ms in kernels):`,
    `  ${"kernel".padEnd(24)} ${"calls".padStart(5)} ${"ms".padStart(8)} ${"share".padStart(7)}`,
  ];
  for (const t of profile.filter((t) => t.ms >= 0.05)) {
    const share = `${((100 * t.ms) / stepMs).toFixed(1)}%`;
    lines.push(
      `  ${t.name.padEnd(24)} ${String(t.calls).padStart(5)} ${t.ms.toFixed(2).padStart(8)} ${
        share.padStart(7)
      }`,
    );
  }
  const other = stepMs - kernelMs;
  lines.push(
    `  ${"(outside kernels)".padEnd(24)} ${"".padStart(5)} ${other.toFixed(2).padStart(8)}`,
  );
  return lines.join("\n");
}

/**
 * Runs the benchmark and prints samples/s, the ratios and the per-kernel profile.
 *
 * @param args Command-line arguments after `train`.
 */
export async function main(args: string[]): Promise<void> {
  const options = parseOptions(args);
  if (options === null) {
    console.log(usageText(TRAIN_BENCH_COMMAND));
    return;
  }
  const fmt = (m: { samplesPerSecond: number }) => m.samplesPerSecond.toFixed(1).padStart(8);
  console.log(`Reference CNN, batch ${BATCH}, Adam; ${WARMUP_STEPS} warm-up steps excluded`);

  const threads = options.threads === 0 ? undefined : options.threads;
  const info = await setupRuntime({ backend: "wasm", seed: 1, threads });
  const ours = await measureTfjs(options.steps, { profile: true });
  console.log(`ours  (wasm, ${info.threads} thread(s), fast kernels) ${fmt(ours)} samples/s`);

  await setupRuntime({ backend: "wasm", seed: 1, kernels: "naive" });
  const naive = await measureTfjs(Math.max(1, Math.ceil(options.steps / 3)));
  console.log(`naive (wasm, naive Conv2DBackpropFilter)   ${fmt(naive)} samples/s`);

  let cpu: Measurement | null = null;
  if (options.cpuSteps > 0) {
    await setupRuntime({ backend: "cpu", seed: 1 });
    // The cpu backend needs tens of seconds per step, so it gets no warm-up.
    cpu = await measureTfjs(options.cpuSteps, { warmup: 0 });
    console.log(
      `cpu   (tfjs cpu backend, ${options.cpuSteps} steps)         ${fmt(cpu)} samples/s`,
    );
  }
  await setupRuntime({ backend: "wasm", seed: 1 });

  const torch = options.torch ? await measureTorch(options.steps, 2) : null;
  const torch1 = torch ? await measureTorch(options.steps, 1) : null;
  if (torch) console.log(`torch (PyTorch, 2 threads, ${torch.python})  ${fmt(torch)} samples/s`);
  else console.log("torch: not measured (no python3 with torch, or --no-torch)");
  if (torch1) console.log(`torch (PyTorch, 1 thread)                  ${fmt(torch1)} samples/s`);

  const ratio = (m: Measurement | null) => m ? ours.samplesPerSecond / m.samplesPerSecond : null;
  console.log("");
  if (torch) {
    console.log(`ratio ours/PyTorch = ${ratio(torch)!.toFixed(2)}  (PyTorch with 2 threads)`);
  }
  if (torch1) {
    console.log(`ratio ours/PyTorch = ${ratio(torch1)!.toFixed(2)}  (PyTorch with 1 thread)`);
  }
  console.log(`ratio ours/naive   = ${ratio(naive)!.toFixed(2)}`);
  if (cpu) console.log(`ratio ours/cpu     = ${ratio(cpu)!.toFixed(1)}`);
  console.log("");
  console.log(profileTable(ours.profile ?? [], ours.stepMs ?? 0));

  await writeJsonAtomic(RESULT_PATH, {
    batch: BATCH,
    threads: info.threads,
    samplesPerSecond: {
      ours: ours.samplesPerSecond,
      naive: naive.samplesPerSecond,
      cpu: cpu?.samplesPerSecond ?? null,
      pytorch: torch?.samplesPerSecond ?? null,
      pytorch1Thread: torch1?.samplesPerSecond ?? null,
    },
    ratios: {
      pytorch: ratio(torch),
      pytorch1Thread: ratio(torch1),
      naive: ratio(naive),
      cpu: ratio(cpu),
    },
    profile: ours.profile,
    stepMs: ours.stepMs,
  }, 2);
}

if (import.meta.main) await runMain(main, { spec: TRAIN_BENCH_COMMAND });
