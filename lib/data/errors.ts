/**
 * The one error class raised for malformed data files and archives.
 *
 * @module
 */

/**
 * A data file or archive is not in the expected format (truncated, wrong magic
 * number, not a whole number of records, label out of range, wrong archive kind,
 * checksum mismatch). The message names the file, what was expected and what was found.
 *
 * @example
 * ```ts
 * import { DataFormatError } from "./errors.ts";
 * const e = new DataFormatError({ file: "a.idx", expected: "magic 2051", found: "magic 7" });
 * if (e.message !== "Expected magic 2051 in a.idx but found magic 7") throw new Error();
 * ```
 */
export class DataFormatError extends Error {
  /** The file (or URL) that is malformed. */
  readonly file: string;
  /** What the reader expected. */
  readonly expected: string;
  /** What the reader found instead. */
  readonly found: string;

  /**
   * @param details the file, what was expected, what was found, and optionally how to fix it.
   */
  constructor(details: { file: string; expected: string; found: string; fix?: string }) {
    const fix = details.fix ? `: ${details.fix}` : "";
    super(`Expected ${details.expected} in ${details.file} but found ${details.found}${fix}`);
    this.name = "DataFormatError";
    this.file = details.file;
    this.expected = details.expected;
    this.found = details.found;
  }
}
