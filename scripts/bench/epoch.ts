/**
 * `deno task bench epoch [--train N] [--val N] [--rounds R] [--steps S] [--probe-batches K] [--threads T]`:
 * one epoch of the classical, hybrid and control models on real MNIST in the same run,
 * on the wasm backend. Prints seconds per epoch, images per second and the ratios
 * hybrid/classical (target <= 1.10) and control/classical (from the epochs, and from the median
 * of interleaved training steps, which is steadier on a shared machine), then estimates the wall time
 * of the `converged` (MNIST) and `paper` profiles from a few timed batches per data set and
 * model (`estimateRunCost` of lib/experiment, the same estimate `deno task reproduce` prints).
 *
 * @module
 */
import process from "node:process";
import {
  type CommandSpec,
  numberOption,
  parseCommand,
  runMain,
  usageText,
} from "../../lib/cli/mod.ts";
import { type Dataset, loadDataset } from "../../lib/data/mod.ts";
import {
  DATASET_NAMES,
  type DatasetName,
  MODEL_KINDS,
  type ModelKind,
  writeJsonAtomic,
} from "../../lib/results/mod.ts";
import {
  estimateRunCost,
  measureStepTimes,
  probeSpec,
  type Profile,
  PROFILES,
  type StepTimes,
} from "../../lib/experiment/mod.ts";
import { buildModel, specFor, summarizeModel } from "../../lib/models/mod.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";
import { consoleProgress, fit, formatDuration } from "../../lib/train/mod.ts";

const KINDS: readonly ModelKind[] = ["classical", "hybrid", "control"];
/** The issue's target for the hybrid/classical epoch-time ratio. */
const TARGET_RATIO = 1.1;
const BATCH = 64;

/** Profiles whose cost the benchmark estimates, with the data sets each is meant for. */
const ESTIMATED: readonly { profile: Profile; datasets: readonly DatasetName[] }[] = [
  { profile: PROFILES.converged, datasets: ["mnist"] },
  { profile: PROFILES.paper, datasets: DATASET_NAMES },
];

/** The command line of `deno task bench epoch`. */
export const EPOCH_BENCH_COMMAND = {
  name: "bench epoch",
  summary: "Measures training epochs of every model and estimates the paper profile's time.",
  options: {
    train: { type: "string", valueName: "N", description: "MNIST training images (default 6000)" },
    val: { type: "string", valueName: "N", description: "validation images (default 1000)" },
    "probe-batches": { type: "string", valueName: "N", description: "probe batches (default 8)" },
    threads: {
      type: "string",
      valueName: "N",
      description: "wasm and CBLAS threads (default one per core)",
    },
    rounds: { type: "string", valueName: "N", description: "measurement rounds (default 1)" },
    steps: { type: "string", valueName: "N", description: "timed steps (default 40)" },
  },
} as const satisfies CommandSpec;

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

/**
 * Estimates the wall time of the long profiles from the median of a few interleaved training
 * steps per data set and model kind (every kind of `MODEL_KINDS`), printing a line per model.
 *
 * @returns Per profile: seconds per model and seed, per data set, and the total.
 */
function estimateProfiles(probeBatches: number): Record<string, unknown> {
  const times = new Map<DatasetName, StepTimes>();
  const timesOf = (name: DatasetName) => {
    if (!times.has(name)) {
      times.set(name, measureStepTimes(probeSpec(name), MODEL_KINDS, { steps: probeBatches }));
    }
    return times.get(name)!;
  };
  const out: Record<string, unknown> = {};
  for (const { profile, datasets } of ESTIMATED) {
    console.log(
      `\nEstimating the ${profile.name} profile (${profile.epochs} epochs x ${profile.seeds} seeds, ` +
        `${datasets.join(", ")}) from the median of ${probeBatches} interleaved training steps ` +
        "per data set and model:",
    );
    let total = 0;
    const perModelSeed: Record<string, Record<string, number>> = {};
    for (const name of datasets) {
      const cost = estimateRunCost(profile, name, timesOf(name));
      perModelSeed[name] = cost.seedSeconds;
      total += cost.totalSeconds;
      for (const kind of MODEL_KINDS) {
        const perImage = timesOf(name).trainMs[kind]! / 1000 / profile.batchSize;
        console.log(
          `  ${name.padEnd(8)} ${kind.padEnd(9)} ${(1 / perImage).toFixed(0).padStart(5)} img/s ` +
            `train, ${cost.epochSeconds[kind]!.toFixed(0).padStart(5)} s/epoch, ` +
            `${formatDuration(cost.seedSeconds[kind]!).padStart(8)} per seed`,
        );
      }
    }
    console.log(
      `Estimated ${profile.name} profile on this machine: ${formatDuration(total)} ` +
        `(${(total / 3600).toFixed(1)} h) for ${profile.seeds} seeds`,
    );
    out[profile.name] = { perModelSeed, total };
  }
  return out;
}

/**
 * Runs the benchmark.
 *
 * @param args `--train N` (default 6000) MNIST training images, `--val N` (default 1000),
 *   `--probe-batches K` (default 8) interleaved steps per data set and model for the estimate,
 *   `--rounds R` (default 1) interleaved epochs per model (the fastest counts),
 *   `--steps S` (default 40) interleaved training steps per model for the median step ratio,
 *   `--threads T` (default one per core) wasm and CBLAS threads.
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
  const threads = values.threads === undefined ? undefined : positive("threads", 1);
  const rounds = positive("rounds", 1);
  const steps = positive("steps", 40);
  const runtime = await setupRuntime({ backend: "wasm", seed: 1, threads });
  console.log(
    `backend ${runtime.backend}, kernel path ${runtime.path.path}${
      runtime.path.library ? ` (${runtime.path.library})` : ""
    }, ${runtime.threads} thread(s), batch ${BATCH}, Adam 1e-3`,
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
  const steady = measureStepTimes(specFor(data), KINDS, { steps, batchSize: BATCH });
  const stepMs = steady.trainMs, stepCpuMs = steady.trainCpuMs;
  const hybridStepRatio = stepMs.hybrid! / stepMs.classical!;
  const controlStepRatio = stepMs.control! / stepMs.classical!;
  const hybridStepCpuRatio = stepCpuMs.hybrid! / stepCpuMs.classical!;
  const controlStepCpuRatio = stepCpuMs.control! / stepCpuMs.classical!;
  console.log(`\nmedian training step over ${steps} interleaved batches (wall / CPU ms):`);
  for (const kind of KINDS) {
    console.log(
      `  ${kind.padEnd(9)} ${stepMs[kind]!.toFixed(1)} / ${stepCpuMs[kind]!.toFixed(1)}`,
    );
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

  const estimates = estimateProfiles(probeBatches);
  await writeJsonAtomic("data/bench/epoch.json", {
    createdAt: new Date().toISOString(),
    backend: runtime.backend,
    threads: runtime.threads,
    kernelPath: runtime.path,
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
    estimateSeconds: estimates,
  }, 2);
  console.log("wrote data/bench/epoch.json");
}

if (import.meta.main) await runMain(main, { spec: EPOCH_BENCH_COMMAND });
