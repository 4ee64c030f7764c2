/**
 * The command line of every script: {@link parseCommand} (typed options on `node:util`
 * `parseArgs`, a generated `--help`) and {@link runMain} (one error line and an exit code).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseCommand } from "./mod.ts";
 * const spec = {
 *   name: "demo",
 *   summary: "Demo.",
 *   options: { fast: { type: "boolean", description: "go fast" } },
 * } as const;
 * assert.equal(parseCommand(["--fast"], spec).values.fast, true);
 * ```
 *
 * @module
 */
export {
  type CommandSpec,
  type OptionSpec,
  type OptionValue,
  parseCommand,
  type ParsedCommand,
  UsageError,
  usageText,
} from "./parse_command.ts";
export {
  errorLine,
  FAILURE_EXIT_CODE,
  runMain,
  type RunMainOptions,
  USAGE_EXIT_CODE,
} from "./run_main.ts";
export { numberOption, type NumberOptionOptions } from "./number_option.ts";
