/**
 * The dataset notebooks' one data step: reuse a finished run's results when
 * there is one (or `HQC_RESULTS` names one), otherwise train, then make sure
 * the analysis beside the results matches them.
 *
 * @module
 */

import { type ExperimentProgress, PROFILES, runDataset, seedList } from "../experiment/mod.ts";
import {
  type Analysis,
  type DatasetName,
  loadResults,
  MODEL_KINDS,
  type ModelKind,
  type Results,
} from "../results/mod.ts";
import { analysisFor } from "../analysis/mod.ts";
import { type Circuit, circuitHash, paperCircuit } from "../quantum/mod.ts";
import { type NotebookConfig, runDirFor } from "./config.ts";

/** Options of {@link loadOrRun}. */
export interface LoadOrRunOptions {
  /** From `notebookConfig()`. */
  config: NotebookConfig;
  /** Progress of training, when it trains. */
  onProgress?: (event: ExperimentProgress) => void;
  /**
   * The hybrid's circuit. Given explicitly, its runs live in their own folder
   * (`<dataset>-circuit-<hash>`, see `runFolderName`). @default paperCircuit(), in `<dataset>`
   */
  circuit?: Circuit;
  /** Models the run must hold. @default every model kind */
  models?: ModelKind[];
  /** Seeds the run must hold, or how many (1..n). @default the profile's */
  seeds?: number | number[];
}

/** A run ready to display. */
export interface NotebookRun {
  results: Results;
  analysis: Analysis;
  resultsPath: string;
  /** "trained" now, or "loaded" from disk. */
  source: "trained" | "loaded";
  /** Seconds this call took (training included). */
  seconds: number;
}

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then((s) => s.isFile, () => false);
}

/**
 * Loads a data set's results for the configured profile, or trains them.
 *
 * - `config.resultsPath` set: loads that file (it must be this data set's and circuit's).
 * - results of this circuit with the requested models and seeds exist under
 *   `runDirFor(config, dataset, circuit)` and `retrain` is off: loads them.
 * - otherwise: runs `runDataset` into that folder, reporting progress.
 *
 * @param dataset The data set.
 * @param options Configuration and a progress callback.
 * @returns Results, their analysis (computed and saved when missing or stale) and where they came from.
 * @throws {TypeError} When the results found are of another data set or another circuit.
 */
export async function loadOrRun(
  dataset: DatasetName,
  { config, onProgress, circuit, models = [...MODEL_KINDS], seeds }: LoadOrRunOptions,
): Promise<NotebookRun> {
  const started = performance.now();
  const outDir = runDirFor(config, dataset, circuit);
  const resultsPath = config.resultsPath ?? `${outDir}/results.json`;
  const wanted = circuitHash(circuit ?? paperCircuit());
  const seedOption = seeds ?? PROFILES[config.profile].seeds;
  const seedValues = typeof seedOption === "number" ? seedList(seedOption) : seedOption;
  let results: Results | null = null;
  if (config.resultsPath !== undefined || (!config.retrain && await exists(resultsPath))) {
    results = await loadResults(resultsPath);
    if (results.dataset.name !== dataset) {
      throw new TypeError(
        `Expected results of ${dataset} in ${resultsPath} but found ${results.dataset.name}: point HQC_RESULTS at a ${dataset} run`,
      );
    }
    const found = results.circuitHash ?? circuitHash(results.circuit);
    if (found !== wanted) {
      throw new TypeError(
        `Expected results of circuit ${wanted} in ${resultsPath} but found circuit ${found}: point HQC_RESULTS at a run of this circuit or pass its circuit`,
      );
    }
    // A finished run of the same circuit with fewer models or seeds is extended by retraining.
    if (config.resultsPath === undefined && !holds(results, models, seedValues)) results = null;
  }
  let source: NotebookRun["source"] = "loaded";
  if (results === null) {
    results = await runDataset(dataset, {
      profile: config.profile,
      outDir,
      dataDir: config.dataDir,
      models,
      seeds: seedValues,
      ...(circuit === undefined ? {} : { circuit }),
      ...(onProgress === undefined ? {} : { onProgress }),
    });
    source = "trained";
  }
  // A results file given by path may sit in a read-only place; the analysis is then kept in memory.
  const analysis = await analysisFor(results, { resultsPath, mustSave: false });
  return { results, analysis, resultsPath, source, seconds: (performance.now() - started) / 1000 };
}

/** True when `results` has every model in `models` with every seed in `seeds`. */
function holds(results: Results, models: readonly ModelKind[], seeds: readonly number[]): boolean {
  return models.every((kind) => {
    const runs = results.models[kind]?.runs ?? [];
    return seeds.every((seed) => runs.some((r) => r.seed === seed));
  });
}
