/**
 * `verifyRun`: re-trains the first epoch of the first seed of every model of a
 * finished run from the configuration its `results.json` records, on the kernel path
 * and thread count it records, and compares the recorded epoch numbers exactly.
 *
 * @module
 */

import { loadDataset } from "../data/mod.ts";
import { buildModel, specFor } from "../models/mod.ts";
import { Circuit } from "../quantum/mod.ts";
import { type RuntimeOptions, setupRuntime } from "../runtime/mod.ts";
import { fit } from "../train/mod.ts";
import {
  type EpochRecord,
  type KernelPath,
  kernelPathOf,
  MODEL_KINDS,
  type ModelKind,
  type Results,
} from "../results/mod.ts";
import { cellFitOptions } from "./fit_options.ts";

/**
 * The per-epoch numbers that are a pure function of configuration, data and seed (and so
 * are compared exactly); wall time, CPU and memory are measurements of the machine.
 */
export const VERIFIED_FIELDS = [
  "trainLoss",
  "trainAccuracy",
  "valLoss",
  "valAccuracy",
  "valPrecision",
  "valRecall",
  "valF1",
] as const satisfies readonly (keyof EpochRecord)[];

/** Kernel paths this build can train on. */
const RUNNABLE_PATHS = ["native", "wasm", "cpu"] as const;

/** The run cannot be re-trained the way it was made here (kernel path, threads, data). */
export class VerifyRefusedError extends Error {
  /** @param message One line: what was recorded, what this machine has, what to do. */
  constructor(message: string) {
    super(message);
    this.name = "VerifyRefusedError";
  }
}

/** One number that differs. */
export interface EpochMismatch {
  field: typeof VERIFIED_FIELDS[number];
  recorded: number;
  measured: number;
}

/** The comparison for one model. */
export interface ModelCheck {
  kind: ModelKind;
  seed: number;
  mismatches: EpochMismatch[];
  /** Wall seconds the re-trained epoch took. */
  seconds: number;
}

/** What {@link verifyRun} found. */
export interface VerifyReport {
  kernelPath: KernelPath;
  checks: ModelCheck[];
  /** True when every compared number matched. */
  ok: boolean;
}

/** Options of {@link verifyRun}. */
export interface VerifyOptions {
  /** Models to check. @default every model in the results */
  models?: readonly ModelKind[];
  /** Data cache root. @default the repository's `data` */
  dataDir?: string;
  /** Status lines. @default ignore */
  log?: (line: string) => void;
}

/** The options of `setupRuntime` that select the recorded kernel path. */
type PathOptions = Pick<RuntimeOptions, "backend" | "threads" | "kernels">;

/**
 * Starts the runtime on the recorded kernel path, CBLAS library and thread count, or refuses.
 *
 * @returns The options to pass to every later `setupRuntime` call, so the path stays put.
 */
async function startRecordedPath(recorded: KernelPath, seed: number): Promise<PathOptions> {
  if (!(RUNNABLE_PATHS as readonly string[]).includes(recorded.path)) {
    throw new VerifyRefusedError(
      `Cannot verify: the run used the ${recorded.path} kernel path, which this build cannot ` +
        `run (it has ${RUNNABLE_PATHS.join(", ")}): verify on a build and machine that has it`,
    );
  }
  const options: PathOptions = {
    backend: recorded.path === "cpu" ? "cpu" : "wasm",
    threads: recorded.threads,
    kernels: recorded.path === "native" ? "native" : "fast",
  };
  let runtime;
  try {
    runtime = await setupRuntime({ ...options, seed });
  } catch (error) {
    throw new VerifyRefusedError(
      `Cannot verify: the ${recorded.path} kernel path does not start here ` +
        `(${(error as Error).message.split("\n")[0]}): verify on a machine that has it`,
    );
  }
  const here = runtime.path;
  if (here.path !== recorded.path) {
    throw new VerifyRefusedError(
      `Cannot verify: the run used the ${recorded.path} kernel path but this machine runs ` +
        `${here.path} (no CBLAS library opened): install libopenblas0-pthread or set HQC_BLAS`,
    );
  }
  if (here.threads !== recorded.threads) {
    throw new VerifyRefusedError(
      `Cannot verify: the run used ${recorded.threads} thread(s) on ${recorded.path} but this ` +
        `process runs ${here.threads} (the thread count is fixed when the backend starts): ` +
        `run the verification in a fresh process`,
    );
  }
  if (recorded.library && here.library !== recorded.library) {
    throw new VerifyRefusedError(
      `Cannot verify: the run used the CBLAS library ${recorded.library} but this machine ` +
        `opens ${here.library}: set HQC_BLAS=${recorded.library}`,
    );
  }
  return options;
}

/**
 * Re-trains epoch 1 of the first recorded seed of each model and compares
 * {@link VERIFIED_FIELDS} with the record, bit for bit.
 *
 * @param results A finished run.
 * @param options Models, data folder, log.
 * @returns Per-model mismatches (empty when the record is reproduced).
 * @throws {VerifyRefusedError} When the kernel path, the thread count or the data cannot be
 *   matched here.
 */
export async function verifyRun(
  results: Results,
  { models, dataDir, log = () => {} }: VerifyOptions = {},
): Promise<VerifyReport> {
  const { config, dataset: info } = results;
  const recorded = kernelPathOf(results.environment);
  const dataSeed = typeof config.dataSeed === "number" ? config.dataSeed : 0;
  const pathOptions = await startRecordedPath(recorded, dataSeed);
  log(
    `Kernel path ${recorded.path}${recorded.library ? ` (${recorded.library})` : ""} with ` +
      `${recorded.threads} thread(s), as the run recorded`,
  );
  const sizes = (config.sizes ?? {}) as { train?: number; val?: number; test?: number };
  const data = await loadDataset(info.name, { sizes, seed: dataSeed, dataDir });
  if (data.provenance !== info.provenance) {
    throw new VerifyRefusedError(
      `Cannot verify: the run trained on ${info.provenance} ${info.name} data but only ` +
        `${data.provenance} data is here: run ${info.fetchCommand}`,
    );
  }
  if (data.train.count !== info.sizes.train || data.val.count !== info.sizes.val) {
    throw new VerifyRefusedError(
      `Cannot verify: the run used ${info.sizes.train}/${info.sizes.val} train/validation ` +
        `images but its configuration gives ${data.train.count}/${data.val.count} here: ` +
        `the data loader has changed since the run`,
    );
  }
  const spec = specFor(data);
  const circuit = Circuit.fromJSON(results.circuit);
  const kinds = MODEL_KINDS.filter((k) =>
    results.models[k] !== undefined && (models === undefined || models.includes(k))
  );
  const checks: ModelCheck[] = [];
  for (const kind of kinds) {
    const run = results.models[kind]!.runs[0];
    const first = run?.history[0];
    if (run === undefined || first === undefined) {
      throw new TypeError(
        `Expected a recorded epoch of ${kind} in the results but found none: the run is incomplete`,
      );
    }
    await setupRuntime({ ...pathOptions, seed: run.seed });
    const model = buildModel(kind, spec, { circuit, seed: run.seed });
    try {
      const trained = await fit(model, { train: data.train, val: data.val }, {
        ...cellFitOptions(config, run.seed, info.name, info.classNames.length),
        epochs: 1,
      });
      const again = trained.history[0]!;
      const mismatches = VERIFIED_FIELDS.filter((f) => !Object.is(again[f], first[f]))
        .map((field) => ({ field, recorded: first[field], measured: again[field] }));
      checks.push({ kind, seed: run.seed, mismatches, seconds: again.seconds });
      log(
        `${kind} seed ${run.seed} epoch 1: ` +
          (mismatches.length === 0
            ? `all ${VERIFIED_FIELDS.length} numbers match (${again.seconds.toFixed(1)} s)`
            : mismatches.map((m) => `${m.field} recorded ${m.recorded}, measured ${m.measured}`)
              .join("; ")),
      );
    } finally {
      model.dispose();
    }
  }
  return {
    kernelPath: recorded,
    checks,
    ok: checks.length > 0 && checks.every((c) => c.mismatches.length === 0),
  };
}
