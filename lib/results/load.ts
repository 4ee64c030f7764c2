/**
 * Loading and validating `results.json`: another version or a damaged file
 * fails with a message naming the file, what was expected and what was found.
 *
 * @module
 */

import { type Results, RESULTS_VERSION } from "./schema.ts";
import { describe } from "./_shape.ts";
import { resultsMismatch } from "./_results_rules.ts";

/** A results file that is not valid JSON, of another version, or of the wrong shape. */
export class ResultsFormatError extends Error {
  /**
   * @param message What was expected, what was found and what to do.
   * @param path The file (or "<value>" for an in-memory object).
   */
  constructor(message: string, readonly path: string) {
    super(message);
    this.name = "ResultsFormatError";
  }
}

/**
 * Checks that a parsed value is a results record of this version and shape, deeply: every
 * number finite and in range, every array of the length the others imply (a confusion matrix
 * of classes x classes, one feature row width, one label per image).
 *
 * @param value Parsed JSON.
 * @param file Name used in error messages.
 * @returns The value, typed.
 * @throws {ResultsFormatError} naming the file, the field, what was expected and what was found.
 */
export function validateResults(value: unknown, file = "<value>"): Results {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ResultsFormatError(
      `Expected a results object in ${file} but found ${describe(value)}: rerun the experiment`,
      file,
    );
  }
  const version = (value as { version?: unknown }).version;
  if (version !== RESULTS_VERSION) {
    throw new ResultsFormatError(
      `Expected results version ${RESULTS_VERSION} in ${file} but found ${
        version === undefined ? "no version" : `version ${JSON.stringify(version)}`
      }: rerun the experiment with this release or read the file with the release that wrote it`,
      file,
    );
  }
  const mismatch = resultsMismatch(value);
  if (mismatch) {
    throw new ResultsFormatError(
      `Expected ${mismatch.path} in ${file} to be ${mismatch.expected} but found ${
        describe(mismatch.value)
      }: the file is damaged or incomplete, rerun the experiment`,
      file,
    );
  }
  for (const [kind, model] of Object.entries((value as Results).models)) {
    if (model?.kind !== kind) {
      throw new ResultsFormatError(
        `Expected models.${kind}.kind in ${file} to be "${kind}" but found ${
          describe(model?.kind)
        }: the file is damaged, rerun the experiment`,
        file,
      );
    }
  }
  return value as Results;
}

/**
 * Reads and validates a `results.json` file.
 *
 * @param path The file.
 * @returns The results.
 * @throws {ResultsFormatError} for a missing, damaged or other-version file.
 * @example
 * ```ts ignore
 * import { loadResults } from "./load.ts";
 * const results = await loadResults("data/runs/quick/mnist/results.json");
 * ```
 */
export async function loadResults(path: string): Promise<Results> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new ResultsFormatError(
        `Expected a results file at ${path} but found none: run \`deno task reproduce\` first`,
        path,
      );
    }
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ResultsFormatError(
      `Expected valid JSON in ${path} but found a damaged file (${
        (error as Error).message
      }): delete it and rerun the experiment`,
      path,
    );
  }
  return validateResults(parsed, path);
}
