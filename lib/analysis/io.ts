/**
 * Saving and loading `analysis.json` beside a run's `results.json`.
 *
 * @module
 */
import { dirname, join } from "node:path";
import {
  type Analysis,
  AnalysisFormatError,
  validateAnalysis,
  writeJsonAtomic,
} from "../results/mod.ts";

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
 * Reads an analysis written by {@link saveAnalysis}, checking its version and,
 * deeply, its shape (finite points, one label per projected row, full grids).
 *
 * @throws {AnalysisFormatError} naming the file when it is damaged, truncated or of another
 *   version (callers recompute it: an analysis is derived data); `Deno.errors.NotFound` when absent.
 */
export async function loadAnalysis(path: string): Promise<Analysis> {
  const text = await Deno.readTextFile(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AnalysisFormatError(
      `Expected valid JSON in ${path} but found a damaged file (${
        (error as Error).message
      }): delete it and rerun the analysis`,
      path,
    );
  }
  return validateAnalysis(parsed, path);
}
