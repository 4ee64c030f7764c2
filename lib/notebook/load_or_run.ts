/**
 * The dataset notebooks' one data step: reuse a finished run's results when
 * there is one (or `HQC_RESULTS` names one), otherwise train, then make sure
 * the analysis beside the results matches them.
 *
 * @module
 */

import { type ExperimentProgress, runDataset } from "../experiment/mod.ts";
import { type Analysis, type DatasetName, loadResults, type Results } from "../results/mod.ts";
import { analysisFor } from "../analysis/mod.ts";
import { type NotebookConfig, runDirFor } from "./config.ts";

/** Options of {@link loadOrRun}. */
export interface LoadOrRunOptions {
  /** From `notebookConfig()`. */
  config: NotebookConfig;
  /** Progress of training, when it trains. */
  onProgress?: (event: ExperimentProgress) => void;
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
 * - `config.resultsPath` set: loads that file (it must be this data set's).
 * - results exist under `<runsDir>/<profile>/<dataset>` and `retrain` is off: loads them.
 * - otherwise: runs `runDataset` into that folder, reporting progress.
 *
 * @param dataset The data set.
 * @param options Configuration and a progress callback.
 * @returns Results, their analysis (computed and saved when missing or stale) and where they came from.
 * @throws {TypeError} When `config.resultsPath` holds another data set's results.
 */
export async function loadOrRun(
  dataset: DatasetName,
  { config, onProgress }: LoadOrRunOptions,
): Promise<NotebookRun> {
  const started = performance.now();
  const outDir = runDirFor(config, dataset);
  const resultsPath = config.resultsPath ?? `${outDir}/results.json`;
  let results: Results;
  let source: NotebookRun["source"];
  if (config.resultsPath !== undefined || (!config.retrain && await exists(resultsPath))) {
    results = await loadResults(resultsPath);
    source = "loaded";
    if (results.dataset.name !== dataset) {
      throw new TypeError(
        `Expected results of ${dataset} in ${resultsPath} but found ${results.dataset.name}: point HQC_RESULTS at a ${dataset} run`,
      );
    }
  } else {
    results = await runDataset(dataset, {
      profile: config.profile,
      outDir,
      dataDir: config.dataDir,
      ...(onProgress === undefined ? {} : { onProgress }),
    });
    source = "trained";
  }
  // A results file given by path may sit in a read-only place; the analysis is then kept in memory.
  const analysis = await analysisFor(results, { resultsPath, mustSave: false });
  return { results, analysis, resultsPath, source, seconds: (performance.now() - started) / 1000 };
}
