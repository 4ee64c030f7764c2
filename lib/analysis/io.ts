/**
 * Saving and loading `analysis.json` beside a run's `results.json`.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { type Analysis, ANALYSIS_VERSION } from "./types.ts";
import { analysisMismatch } from "./_analysis_rules.ts";
import { describe } from "../experiment/_shape.ts";

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
  await Deno.mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${Deno.pid}.${crypto.randomUUID()}.tmp`;
  try {
    await Deno.writeTextFile(temp, JSON.stringify(analysis));
    await Deno.rename(temp, path);
  } catch (error) {
    await Deno.remove(temp).catch(() => {});
    throw error;
  }
}

/** An `analysis.json` that is not valid JSON, of another version, or of the wrong shape. */
export class AnalysisFormatError extends Error {
  /**
   * @param message What was expected, what was found and what to do.
   * @param path The file.
   */
  constructor(message: string, readonly path: string) {
    super(message);
    this.name = "AnalysisFormatError";
  }
}

/**
 * Reads an analysis written by {@link saveAnalysis}, checking its version and,
 * deeply, its shape (finite points, one label per projected row, full grids).
 *
 * @throws {AnalysisFormatError} naming the file when it is damaged, truncated or of another version
 *   (callers recompute it: an analysis is derived data).
 */
export async function loadAnalysis(path: string): Promise<Analysis> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await Deno.readTextFile(path));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) throw error;
    throw new AnalysisFormatError(
      `Expected valid JSON in ${path} but found a damaged file (${
        (error as Error).message
      }): delete it and rerun the analysis`,
      path,
    );
  }
  const version = (parsed as { version?: unknown } | null)?.version;
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new AnalysisFormatError(
      `Expected an analysis object in ${path} but found ${describe(parsed)}: rerun the analysis`,
      path,
    );
  }
  if (version !== ANALYSIS_VERSION) {
    throw new AnalysisFormatError(
      `Expected analysis version ${ANALYSIS_VERSION} in ${path} but found ${
        describe(version)
      }: delete it and rerun the analysis`,
      path,
    );
  }
  const mismatch = analysisMismatch(parsed);
  if (mismatch) {
    throw new AnalysisFormatError(
      `Expected ${mismatch.path} in ${path} to be ${mismatch.expected} but found ${
        describe(mismatch.value)
      }: delete it and rerun the analysis`,
      path,
    );
  }
  return parsed as Analysis;
}
