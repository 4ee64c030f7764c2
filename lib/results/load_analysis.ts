/**
 * Validating a parsed `analysis.json`: another version or a damaged file fails
 * with a message naming the file, the field, what was expected and what was found.
 *
 * @module
 */
import { type Analysis, ANALYSIS_VERSION } from "./analysis_schema.ts";
import { analysisMismatch } from "./_analysis_rules.ts";
import { describe } from "./_shape.ts";

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
 * Checks that a parsed value is an analysis of this version and shape, deeply.
 *
 * @param value Parsed JSON.
 * @param file Name used in error messages.
 * @returns The value, typed.
 * @throws {AnalysisFormatError} naming the file and the first field that is wrong.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validateAnalysis } from "./load_analysis.ts";
 * assert.throws(() => validateAnalysis({ version: 7 }, "a.json"), /analysis version 1 in a\.json/);
 * ```
 */
export function validateAnalysis(value: unknown, file = "<value>"): Analysis {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AnalysisFormatError(
      `Expected an analysis object in ${file} but found ${describe(value)}: rerun the analysis`,
      file,
    );
  }
  const version = (value as { version?: unknown }).version;
  if (version !== ANALYSIS_VERSION) {
    throw new AnalysisFormatError(
      `Expected analysis version ${ANALYSIS_VERSION} in ${file} but found ${
        describe(version)
      }: delete it and rerun the analysis`,
      file,
    );
  }
  const mismatch = analysisMismatch(value);
  if (mismatch) {
    throw new AnalysisFormatError(
      `Expected ${mismatch.path} in ${file} to be ${mismatch.expected} but found ${
        describe(mismatch.value)
      }: delete it and rerun the analysis`,
      file,
    );
  }
  return value as Analysis;
}
