/**
 * `runDataset`: one data set's whole experiment (every model, every seed, or
 * one shard's slice of them), written atomically to `results.json` (or to
 * `shards/<k>-of-<N>.json`).
 *
 * @module
 */

import { setupRuntime } from "../runtime/mod.ts";
import { loadDataset } from "../data/mod.ts";
import { specFor } from "../models/mod.ts";
import { type Circuit, circuitHash, paperCircuit } from "../quantum/mod.ts";
import {
  type DatasetName,
  gitCommit,
  MODEL_KINDS,
  type ModelKind,
  type ModelResult,
  type ProfileName,
  type Results,
  RESULTS_VERSION,
  summarizeRuns,
  writeJsonAtomic,
} from "../results/mod.ts";
import { type Profile, profileByName, seedList } from "./profiles.ts";
import {
  experimentGrid,
  type GridCell,
  shardCells,
  shardFileName,
  type ShardSpec,
} from "./shard.ts";
import { datasetInfo } from "./dataset_info.ts";
import { collectEnvironment } from "./environment.ts";
import { type CellResult, runCell } from "./run_cell.ts";
import { measureFreshProcess } from "./memory_probe.ts";
import { runTransfers } from "./run_transfers.ts";
import type { ExperimentProgress } from "./progress.ts";

/** Seed of the train/validation split and the profile's subsets: the same data for every model and seed. */
export const DATA_SEED = 0;

/** Options of {@link runDataset}. */
export interface RunDatasetOptions {
  /** @default "quick" */
  profile?: Profile | ProfileName;
  /** Seeds to run, or how many (1..n). @default 1..profile.seeds */
  seeds?: number[] | number;
  /** @default every model kind */
  models?: ModelKind[];
  /** @default `data/runs/<profile>/<dataset>` */
  outDir?: string;
  /** Continue interrupted training from checkpoints and reuse finished cells. @default false */
  resume?: boolean;
  onProgress?: (progress: ExperimentProgress) => void;
  /** Run only this slice of the grid (`grid` defaults to this data set's models x seeds). */
  shard?: ShardSpec & { grid?: GridCell[] };
  /** The hybrid's circuit. @default paperCircuit() */
  circuit?: Circuit;
  /** tfjs backend. @default "wasm" */
  backend?: "wasm" | "cpu";
  /** Data cache root. @default "data" */
  dataDir?: string;
  /** Wasm threads (fixed when the backend first starts). @default one per core, at most 8 */
  threads?: number;
  /**
   * Measure each cell's peak RSS in a fresh process (needs `--allow-run` for the Deno
   * executable; without it the results say "not measured"). @default true
   */
  freshProcessMemory?: boolean;
  /** Run transfer attacks between the models of each seed. @default true */
  transfer?: boolean;
}

/** The repository this code runs from: its commit is recorded with every run. */
const REPOSITORY_ROOT = decodeURIComponent(new URL("../..", import.meta.url).pathname);

/**
 * The folder name of a data set's run: the data set's name for the default (paper) circuit,
 * `<dataset>-circuit-<hash>` for a circuit given explicitly, so that runs of different
 * circuits never share (or overwrite) a folder.
 */
export function runFolderName(dataset: DatasetName, circuit?: Circuit): string {
  return circuit === undefined ? dataset : `${dataset}-circuit-${circuitHash(circuit)}`;
}

/** The default output folder of a run. */
export function defaultRunDir(
  profile: ProfileName,
  dataset: DatasetName,
  circuit?: Circuit,
): string {
  return `data/runs/${profile}/${runFolderName(dataset, circuit)}`;
}

/** A finished cell saved for `resume`, keyed by the configuration that produced it. */
interface CachedCell extends CellResult {
  key: string;
}

async function readCachedCell(path: string, key: string): Promise<CellResult | null> {
  try {
    const cached = JSON.parse(await Deno.readTextFile(path)) as CachedCell;
    return cached.key === key ? { run: cached.run, summary: cached.summary } : null;
  } catch {
    return null;
  }
}

/**
 * Runs one data set's experiment and writes its results atomically.
 *
 * @param name The data set.
 * @param options Profile, seeds, models, output folder, resume, progress, shard, circuit.
 * @returns The results written (partial ones, with a `shard` field, when sharded).
 * @example
 * ```ts ignore
 * import { runDataset } from "./run_dataset.ts";
 * const results = await runDataset("mnist", { profile: "smoke" });
 * console.log(results.models.hybrid?.summary.testAccuracy.mean);
 * ```
 */
export async function runDataset(
  name: DatasetName,
  options: RunDatasetOptions = {},
): Promise<Results> {
  const start = performance.now();
  const profile = typeof options.profile === "object"
    ? options.profile
    : profileByName(options.profile ?? "quick");
  const {
    seeds: seedOption = profile.seeds,
    models = [...MODEL_KINDS],
    outDir = defaultRunDir(profile.name, name, options.circuit),
    resume = false,
    onProgress,
    shard,
    circuit = paperCircuit(),
    backend = "wasm",
    dataDir = "data",
    threads,
    freshProcessMemory = true,
    transfer = true,
  } = options;
  const seeds = typeof seedOption === "number" ? seedList(seedOption) : seedOption;
  const ordered = MODEL_KINDS.filter((k) => models.includes(k));
  const cells = shard === undefined
    ? experimentGrid([name], ordered, seeds)
    : shardCells(shard.grid ?? experimentGrid([name], ordered, seeds), shard)
      .filter((c) => c.dataset === name);
  const report = (p: Omit<ExperimentProgress, "dataset" | "cells">) =>
    onProgress?.({ dataset: name, cells: cells.length, ...p });
  report({ stage: "load", cell: 0, cellFraction: 0 });
  const runtime = await setupRuntime({ backend, seed: DATA_SEED, threads });
  const dataset = await loadDataset(name, { sizes: profile.sizes[name], seed: DATA_SEED, dataDir });
  const spec = specFor(dataset);
  const config: Results["config"] = {
    epochs: profile.epochs,
    batchSize: profile.batchSize,
    learningRate: profile.learningRate,
    seeds,
    models: ordered,
    attackCount: profile.attackCount,
    epsilons: profile.epsilons,
    pgdSteps: profile.pgdSteps,
    pgdRestarts: profile.pgdRestarts,
    featureCount: profile.featureCount,
    sizes: profile.sizes[name],
    dataSeed: DATA_SEED,
    backend,
  };
  const key = JSON.stringify({ config, circuit: circuit.toJSON(), provenance: dataset.provenance });
  const results: Partial<Record<ModelKind, { cells: CellResult[] }>> = {};
  for (const [i, cell] of cells.entries()) {
    const at = { model: cell.model, seed: cell.seed, cell: i + 1 };
    const cachePath = `${outDir}/cells/${cell.model}-${cell.seed}.json`;
    let done = resume ? await readCachedCell(cachePath, key) : null;
    const cached = done !== null;
    if (done === null) {
      await setupRuntime({ backend, seed: cell.seed, threads });
      done = await runCell(dataset, spec, {
        kind: cell.model,
        seed: cell.seed,
        profile,
        circuit,
        checkpointDir: `${outDir}/checkpoints/${cell.model}-${cell.seed}`,
        resume,
        onStage: (stage, cellFraction, train) => report({ ...at, stage, cellFraction, train }),
        ...(freshProcessMemory
          ? {
            freshProcessMemory: () =>
              measureFreshProcess({
                dataset: name,
                kind: cell.model,
                seed: cell.seed,
                batchSize: profile.batchSize,
                learningRate: profile.learningRate,
                sizes: profile.sizes[name],
                dataSeed: DATA_SEED,
                dataDir,
                backend,
                circuit: circuit.toJSON(),
              }),
          }
          : {}),
      });
      await writeJsonAtomic(cachePath, { key, ...done } satisfies CachedCell);
    }
    report({ ...at, stage: "done", cellFraction: 1, cached });
    (results[cell.model] ??= { cells: [] }).cells.push(done);
  }
  const modelResults: Results["models"] = {};
  for (const kind of ordered) {
    const entry = results[kind];
    if (entry === undefined) continue;
    const runs = entry.cells.map((c) => c.run).sort((a, b) => a.seed - b.seed);
    const first = entry.cells[0]!.summary;
    modelResults[kind] = {
      kind,
      parameterCount: first.parameterCount,
      trainableParameterCount: first.trainableParameterCount,
      layers: first.layers,
      runs,
      summary: summarizeRuns(runs),
    } satisfies ModelResult;
  }
  const transfers = transfer && shard === undefined
    ? await runTransfers(dataset, spec, {
      kinds: ordered,
      seeds,
      profile,
      circuit,
      checkpointRoot: `${outDir}/checkpoints`,
    })
    : [];
  const record: Results = {
    version: RESULTS_VERSION,
    createdAt: new Date().toISOString(),
    profile: profile.name,
    config,
    dataset: datasetInfo(dataset, profile.sampleCount),
    environment: collectEnvironment(runtime, await gitCommit(REPOSITORY_ROOT)),
    circuit: circuit.toJSON(),
    circuitHash: circuitHash(circuit),
    models: modelResults,
    totalSeconds: (performance.now() - start) / 1000,
    ...(transfers.length > 0 ? { transfer: transfers } : {}),
  };
  if (shard !== undefined) {
    record.shard = {
      index: shard.index,
      count: shard.count,
      cells: cells.map(({ model, seed }) => ({ model, seed })),
    };
    await writeJsonAtomic(`${outDir}/shards/${shardFileName(shard)}`, record);
  } else {
    await writeJsonAtomic(`${outDir}/results.json`, record);
  }
  return record;
}
