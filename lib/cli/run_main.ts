/**
 * The entry-point wrapper of every script: errors become one line on stderr and an exit code,
 * never an "Uncaught (in promise)" stack trace.
 *
 * @module
 */
import { type CommandSpec, UsageError, usageText } from "./parse_command.ts";

/** Exit code of a bad command line. */
export const USAGE_EXIT_CODE = 2;
/** Exit code of any other failure (bad input file, known error, bug). */
export const FAILURE_EXIT_CODE = 1;

/** Options of {@link runMain}. */
export interface RunMainOptions {
  /** The command, so a {@link UsageError} is followed by its usage text. */
  spec?: CommandSpec;
  /** The arguments. @default {Deno.args} */
  args?: string[];
}

/**
 * The one line a script prints for an error: `Error: <message>` with the message's line breaks
 * folded, plus, for an error that is not a known input or usage error, how to see its stack.
 *
 * @param error Anything thrown.
 * @returns The line, without a trailing newline.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { errorLine } from "./run_main.ts";
 * assert.equal(errorLine(new RangeError("Bad\nvalue")), "Error: Bad value");
 * ```
 */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `Error: ${message.replace(/\s*\n\s*/g, " ").trim()}`;
}

/**
 * Runs a script's main function and turns its outcome into an exit code: the number it returns
 * (0 when it returns nothing), 2 after printing `Error: <message>` and the usage for a
 * {@link UsageError}, and 1 after printing one `Error: <message>` line for anything else it
 * throws (the stack too when `HQC_DEBUG` is set).
 *
 * @param main The script's body; gets the arguments.
 * @param options The command spec (for usage errors) and the arguments.
 * @returns The exit code, also stored in `Deno.exitCode`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runMain } from "./run_main.ts";
 * assert.equal(await runMain(() => 0, { args: [] }), 0);
 * Deno.exitCode = 0;
 * ```
 */
export async function runMain(
  main: (args: string[]) => Promise<number | void> | number | void,
  { spec, args = Deno.args }: RunMainOptions = {},
): Promise<number> {
  let code: number;
  try {
    code = (await main(args)) ?? 0;
  } catch (error) {
    console.error(errorLine(error));
    if (error instanceof UsageError) {
      if (spec) console.error(`\n${usageText(spec)}`);
      code = USAGE_EXIT_CODE;
    } else {
      if (Deno.env.get("HQC_DEBUG") && error instanceof Error) console.error(error.stack);
      code = FAILURE_EXIT_CODE;
    }
  }
  Deno.exitCode = code;
  return code;
}
