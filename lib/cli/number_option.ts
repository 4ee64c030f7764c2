/**
 * Numeric option values, checked with a message that names the flag.
 *
 * @module
 */

/** Options of {@link numberOption}. */
export interface NumberOptionOptions {
  /** Value when the flag is absent. */
  fallback: number;
  /** Smallest accepted value. @default {0} */
  min?: number;
  /** Require a whole number. @default {true} */
  integer?: boolean;
}

/**
 * The number given to a flag, or `fallback` when it was not given.
 *
 * @param text The flag's text, `undefined` when absent.
 * @param flag The flag's name without dashes, for the message.
 * @param options The fallback, the minimum and whether it must be whole.
 * @returns The number.
 * @throws {RangeError} when the text is not such a number.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { numberOption } from "./number_option.ts";
 * assert.equal(numberOption("3", "steps", { fallback: 30 }), 3);
 * assert.equal(numberOption(undefined, "steps", { fallback: 30 }), 30);
 * ```
 */
export function numberOption(
  text: string | undefined,
  flag: string,
  { fallback, min = 0, integer = true }: NumberOptionOptions,
): number {
  if (text === undefined) return fallback;
  const value = text.trim() === "" ? NaN : Number(text);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    const kind = integer ? "a whole number" : "a number";
    throw new RangeError(
      `Expected --${flag} to be ${kind} >= ${min} but found "${text}": e.g. --${flag} ${
        Math.max(min, fallback)
      }`,
    );
  }
  return value;
}
