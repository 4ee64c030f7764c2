/**
 * Saving and loading `analysis.json` beside a run's `results.json`.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { type Analysis, ANALYSIS_VERSION, writeJsonAtomic } from "../results/mod.ts";

/** File name of the analysis beside `results.json`. */
export const ANALYSIS_FILE = "analysis.json";

/** Path of the analysis for a run directory or a `results.json` path. */
export function analysisPathFor(resultsPathOrDir: string): string {
  const dir = resultsPathOrDir.endsWith(".json") ? dirname(resultsPathOrDir) : resultsPathOrDir;
  return join(dir, ANALYSIS_FILE);
}

/**
 * Writes `analysis` as JSON to `path` atomically (temporary file, then rename).
 *
 * @param path destination, e.g. `data/runs/smoke/mnist/analysis.json`
 */
export async function saveAnalysis(path: string, analysis: Analysis): Promise<void> {
  await writeJsonAtomic(path, analysis, 0);
}

/**
 * Reads an analysis written by {@link saveAnalysis}, checking its version.
 *
 * @throws {TypeError} when the file is not an analysis of this version
 */
export async function loadAnalysis(path: string): Promise<Analysis> {
  const parsed: unknown = JSON.parse(await Deno.readTextFile(path));
  const version = (parsed as { version?: unknown } | null)?.version;
  if (typeof parsed !== "object" || parsed === null || !("models" in parsed)) {
    throw new TypeError(
      `Expected an analysis object in ${path} but found something else: rerun analyze`,
    );
  }
  if (version !== ANALYSIS_VERSION) {
    throw new TypeError(
      `Expected analysis version ${ANALYSIS_VERSION} in ${path} but found ${version}: delete it and rerun`,
    );
  }
  return parsed as Analysis;
}
