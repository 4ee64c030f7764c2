/**
 * `deno task bench epoch [--train N] [--val N] [--rounds R] [--steps S] [--probe-batches K] [--threads T]`:
 * one epoch of the classical, hybrid and control models on real MNIST in the same run,
 * on the wasm backend. Prints seconds per epoch, images per second and the ratios
 * hybrid/classical (target <= 1.10) and control/classical (from the epochs, and from the median
 * of interleaved training steps, which is steadier on a shared machine), then estimates the wall time
 * of the full `paper` profile from a few timed batches per data set and model.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import process from "node:process";
import {
  type CommandSpec,
  numberOption,
  parseCommand,
  runMain,
  usageText,
} from "../../lib/cli/mod.ts";
import { stream } from "../../lib/random/mod.ts";
import {
  batches,
  type Dataset,
  type LabeledImages,
  loadDataset,
  NORMALIZATION,
} from "../../lib/data/mod.ts";
import { type DatasetName, type ModelKind, writeJsonAtomic } from "../../lib/results/mod.ts";
import {
  buildModel,
  crossEntropy,
  type DatasetSpec,
  specFor,
  summarizeModel,
} from "../../lib/models/mod.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";
import { Adam, consoleProgress, fit, formatDuration } from "../../lib/train/mod.ts";

const KINDS: readonly ModelKind[] = ["classical", "hybrid", "control"];
/** The target for the hybrid/classical epoch-time ratio. */
const TARGET_RATIO = 1.1;
const BATCH = 64;
const EVAL_BATCH = 256;
/** Timed forward passes per model for the evaluation cost. */
const EVAL_REPEATS = 3;

/** Full `paper` sizes: 90 % of the official training set trains, 10 % validates. */
const PAPER_SIZES: Record<DatasetName, { train: number; val: number; test: number }> = {
  mnist: { train: 54000, val: 6000, test: 10000 },
  cifar100: { train: 45000, val: 5000, test: 10000 },
  stl10: { train: 4500, val: 500, test: 8000 },
};
const SHAPES: Record<DatasetName, [number, number, number, number]> = {
  mnist: [28, 28, 1, 10],
  cifar100: [32, 32, 3, 100],
  stl10: [96, 96, 3, 10],
};
const PAPER_EPOCHS = 50;
const PAPER_SEEDS = 3;
/** Per model and seed: 1000 attacked images, one gradient for FGSM plus 10 PGD steps. */
const ATTACK_IMAGES = 1000, ATTACK_GRADIENTS = 11;

/** The command line of `deno task bench epoch`. */
export const EPOCH_BENCH_COMMAND = {
  name: "bench epoch",
  summary: "Measures training epochs of every model and estimates the paper profile's time.",
  options: {
    train: { type: "string", valueName: "N", description: "MNIST training images (default 6000)" },
    val: { type: "string", valueName: "N", description: "validation images (default 1000)" },
    "probe-batches": { type: "string", valueName: "N", description: "probe batches (default 8)" },
    threads: { type: "string", valueName: "N", description: "wasm threads (default 1)" },
    rounds: { type: "string", valueName: "N", description: "measurement rounds (default 1)" },
    steps: { type: "string", valueName: "N", description: "timed steps (default 40)" },
  },
} as const satisfies CommandSpec;

function randomSplit(name: DatasetName, count: number, seed: number): LabeledImages {
  const [height, width, channels, classes] = SHAPES[name];
  const images = new Uint8Array(count * height * width * channels);
  const random = stream(seed, "bench-images");
  for (let i = 0; i < images.length; i++) images[i] = Math.floor(random() * 256);
  const labels = Uint8Array.from({ length: count }, (_, i) => i % classes);
  return { images, labels, count, height, width, channels };
}

function probeSpec(name: DatasetName): DatasetSpec {
  const [height, width, channels, classes] = SHAPES[name];
  return { name, height, width, channels, classes, ...NORMALIZATION[name] };
}

/** CPU seconds (user + system) this process has used. */
function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

interface EpochRow {
  kind: ModelKind;
  parameters: number;
  seconds: number;
  cpuSeconds: number;
  samplesPerSecond: number;
  valAccuracy: number;
  cpuProcessPercent: number;
  rssMB: number;
}

async function timeEpoch(kind: ModelKind, data: Dataset, round: number): Promise<EpochRow> {
  const spec = specFor(data);
  const model = buildModel(kind, spec, { seed: 1 });
  const parameters = summarizeModel(model).parameterCount;
  const bar = consoleProgress({ label: `${kind.padEnd(9)} round ${round}` });
  const cpuStart = cpuSeconds();
  let cpuTrain = 0;
  const result = await fit(model, data, {
    epochs: 1,
    classes: spec.classes,
    seed: 1,
    onProgress: (p) => {
      // CPU time of the training pass alone: read at the last batch, before validation.
      if (p.kind === "batch" && p.batch === p.batches) cpuTrain = cpuSeconds() - cpuStart;
      bar(p);
    },
  });
  const record = result.history[0]!;
  model.dispose();
  return {
    kind,
    parameters,
    seconds: record.seconds,
    cpuSeconds: cpuTrain,
    samplesPerSecond: data.train.count / record.seconds,
    valAccuracy: record.valAccuracy,
    cpuProcessPercent: record.cpuProcessPercent,
    rssMB: record.rssMB,
  };
}

/**
 * One epoch per model and round, models interleaved within each round so that slow phases of
 * a shared machine hit all of them; per model the fastest round counts (wall and CPU separately).
 */
async function measureEpochs(data: Dataset, rounds: number): Promise<EpochRow[]> {
  const spec = specFor(data);
  // Warm-up: a few batches of every model, so the first timed model pays no start-up costs.
  const warm = { ...data.train, count: BATCH * 2 };
  for (const kind of KINDS) {
    const model = buildModel(kind, spec, { seed: 1 });
    await fit(model, { train: warm, val: data.val }, { epochs: 1, classes: spec.classes, seed: 1 });
    model.dispose();
  }
  const all: EpochRow[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const kind of KINDS) all.push(await timeEpoch(kind, data, round));
  }
  return KINDS.map((kind) => {
    const mine = all.filter((r) => r.kind === kind);
    const seconds = Math.min(...mine.map((r) => r.seconds));
    return {
      ...mine[0]!,
      seconds,
      cpuSeconds: Math.min(...mine.map((r) => r.cpuSeconds)),
      samplesPerSecond: data.train.count / seconds,
    };
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median milliseconds per batch of a training step and of a forward pass, per model kind. */
interface StepTimes {
  trainMs: Record<ModelKind, number>;
  /** Process CPU milliseconds of a training step (less sensitive to waiting than wall time). */
  trainCpuMs: Record<ModelKind, number>;
  /** Forward pass of an evaluation batch of `EVAL_BATCH` images. */
  evalMs: Record<ModelKind, number>;
}

/**
 * The steadier measure on a shared machine: the three models take training steps on the same
 * batches in rotating order, one batch at a time, so a burst of load from other processes
 * hits all of them; the median step time per model ignores the bursts.
 */
function interleavedSteps(spec: DatasetSpec, split: LabeledImages, steps: number): StepTimes {
  const runs = KINDS.map((kind) => {
    const model = buildModel(kind, spec, { seed: 1 });
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    return {
      kind,
      model,
      variables,
      adam: new Adam(variables),
      train: [] as number[],
      trainCpu: [] as number[],
      eval: [] as number[],
    };
  });
  let index = 0;
  for (const { x, y } of batches(split, { batchSize: BATCH, shuffle: true, seed: 1 })) {
    if (index >= steps + 1) {
      tf.dispose([x, y]);
      break;
    }
    for (let k = 0; k < runs.length; k++) {
      const run = runs[(index + k) % runs.length]!;
      const t0 = performance.now(), c0 = cpuSeconds();
      const { value, grads } = tf.variableGrads(
        () => crossEntropy(run.model.apply(x, { training: true }) as tf.Tensor2D, y),
        run.variables,
      );
      value.dataSync();
      const gradients = run.variables.map((v) => grads[v.name]!);
      run.adam.apply(gradients);
      run.variables[0]!.dataSync();
      if (index > 0) { // step 0 warms up
        run.train.push(performance.now() - t0);
        run.trainCpu.push((cpuSeconds() - c0) * 1000);
      }
      tf.dispose([value, ...gradients]);
    }
    tf.dispose([x, y]);
    index += 1;
  }
  const x = tf.randomUniform(
    [EVAL_BATCH, spec.height, spec.width, spec.channels],
    0,
    1,
    "float32",
    3,
  );
  for (let repeat = 0; repeat < EVAL_REPEATS + 1; repeat++) {
    for (const run of runs) {
      const t0 = performance.now();
      const p = run.model.predict(x) as tf.Tensor;
      p.dataSync();
      p.dispose();
      if (repeat > 0) run.eval.push(performance.now() - t0);
    }
  }
  x.dispose();
  const times: StepTimes = {
    trainMs: {} as Record<ModelKind, number>,
    trainCpuMs: {} as Record<ModelKind, number>,
    evalMs: {} as Record<ModelKind, number>,
  };
  for (const run of runs) {
    times.trainMs[run.kind] = median(run.train);
    times.trainCpuMs[run.kind] = median(run.trainCpu);
    times.evalMs[run.kind] = median(run.eval);
    run.adam.dispose();
    run.model.dispose();
  }
  return times;
}

/**
 * Runs the benchmark.
 *
 * @param args `--train N` (default 6000) MNIST training images, `--val N` (default 1000),
 *   `--probe-batches K` (default 8) interleaved steps per data set and model for the estimate,
 *   `--rounds R` (default 1) interleaved epochs per model (the fastest counts),
 *   `--steps S` (default 40) interleaved training steps per model for the median step ratio,
 *   `--threads T` (default 1) wasm threads.
 */
export async function main(args: string[]): Promise<void> {
  const { values, help } = parseCommand(args, EPOCH_BENCH_COMMAND);
  if (help) {
    console.log(usageText(EPOCH_BENCH_COMMAND));
    return;
  }
  const positive = (name: keyof typeof values, fallback: number) =>
    numberOption(values[name], name, { fallback, min: 1 });
  const trainCount = positive("train", 6000);
  const valCount = positive("val", 1000);
  const probeBatches = positive("probe-batches", 8);
  const threads = positive("threads", 1);
  const rounds = positive("rounds", 1);
  const steps = positive("steps", 40);
  const runtime = await setupRuntime({ backend: "wasm", seed: 1, threads });
  console.log(
    `backend ${runtime.backend}, ${runtime.threads} thread(s), batch ${BATCH}, Adam 1e-3`,
  );
  const data = await loadDataset("mnist", {
    sizes: { train: trainCount, val: valCount, test: 64 },
    seed: 1,
  });
  console.log(
    `MNIST (${data.provenance}): ${data.train.count} train, ${data.val.count} val images, one epoch per model and round`,
  );
  const rows = await measureEpochs(data, rounds);
  const classical = rows.find((r) => r.kind === "classical")!;
  console.log(
    "\nmodel      params  wall s/epoch  CPU s/epoch   img/s   val acc  wall ratio  CPU ratio",
  );
  for (const r of rows) {
    const cells = [
      r.kind.padEnd(9),
      String(r.parameters).padStart(7),
      r.seconds.toFixed(2).padStart(13),
      r.cpuSeconds.toFixed(2).padStart(12),
      r.samplesPerSecond.toFixed(0).padStart(7),
      r.valAccuracy.toFixed(4).padStart(9),
      (r.seconds / classical.seconds).toFixed(3).padStart(11),
      (r.cpuSeconds / classical.cpuSeconds).toFixed(3).padStart(10),
    ];
    console.log(cells.join(" "));
  }
  const ratio = (kind: ModelKind, key: "seconds" | "cpuSeconds") =>
    rows.find((r) => r.kind === kind)![key] / classical[key];
  const hybridRatio = ratio("hybrid", "seconds"), controlRatio = ratio("control", "seconds");
  const hybridCpuRatio = ratio("hybrid", "cpuSeconds");
  const controlCpuRatio = ratio("control", "cpuSeconds");
  const verdict = (r: number) => (r <= TARGET_RATIO ? "met" : "NOT met");
  console.log(
    `\nhybrid/classical epoch-time ratio: ${hybridRatio.toFixed(3)} wall, ` +
      `${hybridCpuRatio.toFixed(3)} CPU (target <= ${TARGET_RATIO}: ${
        verdict(hybridRatio)
      } on wall ` +
      `time, ${verdict(hybridCpuRatio)} on CPU time; the paper reports 1.8-2.3 with PennyLane)`,
  );
  console.log(
    `control/classical epoch-time ratio: ${controlRatio.toFixed(3)} wall, ` +
      `${controlCpuRatio.toFixed(3)} CPU`,
  );
  const steady = interleavedSteps(specFor(data), data.train, steps);
  const stepMs = steady.trainMs, stepCpuMs = steady.trainCpuMs;
  const hybridStepRatio = stepMs.hybrid / stepMs.classical;
  const controlStepRatio = stepMs.control / stepMs.classical;
  const hybridStepCpuRatio = stepCpuMs.hybrid / stepCpuMs.classical;
  const controlStepCpuRatio = stepCpuMs.control / stepCpuMs.classical;
  console.log(`\nmedian training step over ${steps} interleaved batches (wall / CPU ms):`);
  for (const kind of KINDS) {
    console.log(`  ${kind.padEnd(9)} ${stepMs[kind].toFixed(1)} / ${stepCpuMs[kind].toFixed(1)}`);
  }
  console.log(
    `hybrid/classical step-time ratio: ${hybridStepRatio.toFixed(3)} wall, ` +
      `${hybridStepCpuRatio.toFixed(3)} CPU (${verdict(hybridStepCpuRatio)}); control/classical: ` +
      `${controlStepRatio.toFixed(3)} wall, ${controlStepCpuRatio.toFixed(3)} CPU`,
  );
  console.log(
    "(interleaved medians are the steadiest measure on a shared machine: " +
      "the epoch ratios above include other processes' bursts)",
  );

  console.log(
    `\nEstimating the paper profile (${PAPER_EPOCHS} epochs x ${PAPER_SEEDS} seeds, full data) from ` +
      `the median of ${probeBatches} interleaved training steps per data set and model:`,
  );
  const estimate: Record<string, Record<string, number>> = {};
  let perSeedTotal = 0;
  for (const name of ["mnist", "cifar100", "stl10"] as const) {
    estimate[name] = {};
    const sizes = PAPER_SIZES[name];
    const spec = probeSpec(name);
    const times = interleavedSteps(
      spec,
      randomSplit(name, BATCH * (probeBatches + 1), 7),
      probeBatches,
    );
    for (const kind of KINDS) {
      const trainPerImage = times.trainMs[kind] / 1000 / BATCH;
      const evalPerImage = times.evalMs[kind] / 1000 / EVAL_BATCH;
      const epoch = sizes.train * trainPerImage + sizes.val * evalPerImage;
      const tail = sizes.test * evalPerImage + ATTACK_IMAGES * ATTACK_GRADIENTS * trainPerImage;
      const run = PAPER_EPOCHS * epoch + tail;
      estimate[name]![kind] = run;
      perSeedTotal += run;
      console.log(
        `  ${name.padEnd(8)} ${kind.padEnd(9)} ${
          (1 / trainPerImage).toFixed(0).padStart(5)
        } img/s train, ` +
          `${epoch.toFixed(0).padStart(5)} s/epoch, ${formatDuration(run).padStart(8)} per seed`,
      );
    }
  }
  const total = perSeedTotal * PAPER_SEEDS;
  console.log(
    `\nEstimated paper profile on this machine: ${formatDuration(perSeedTotal)} per seed, ` +
      `${formatDuration(total)} for ${PAPER_SEEDS} seeds (${(total / 3600).toFixed(1)} h)`,
  );
  await writeJsonAtomic("data/bench/epoch.json", {
    createdAt: new Date().toISOString(),
    backend: runtime.backend,
    threads: runtime.threads,
    mnist: { train: data.train.count, val: data.val.count, provenance: data.provenance },
    rows,
    hybridRatio,
    controlRatio,
    hybridCpuRatio,
    controlCpuRatio,
    stepMs,
    stepCpuMs,
    hybridStepRatio,
    controlStepRatio,
    hybridStepCpuRatio,
    controlStepCpuRatio,
    paperEstimateSeconds: { perModelSeed: estimate, perSeed: perSeedTotal, total },
  }, 2);
  console.log("wrote data/bench/epoch.json");
}

if (import.meta.main) await runMain(main, { spec: EPOCH_BENCH_COMMAND });
