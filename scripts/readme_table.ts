/**
 * `deno task readme-table [--run DIR] [--write | --check]`
 *
 * Renders the README's opening answer table from the published run on disk (default
 * `published/mnist`): prints it, writes it into README.md between its markers (`--write`),
 * or exits 1 when README.md differs from it (`--check`).
 *
 * @module
 */

import { type CommandSpec, parseCommand, runMain, UsageError, usageText } from "../lib/cli/mod.ts";
import { readmeBlockOf, renderReadmeBlock, replaceReadmeBlock } from "../lib/publish/mod.ts";

const README = "README.md";

/** The command line of `deno task readme-table`. */
export const README_TABLE_COMMAND = {
  name: "readme-table",
  summary: "Renders the answer table (mean and 95 % CI over seeds beside the paper's " +
    "numbers, with verdicts) from a published run's results.json.",
  options: {
    run: {
      type: "string",
      valueName: "DIR",
      example: "published/mnist",
      description: "the published run (default published/mnist)",
    },
    write: { type: "boolean", description: `replace the block between the markers in ${README}` },
    check: { type: "boolean", description: `exit 1 when ${README}'s block differs` },
  },
} as const satisfies CommandSpec;

/** Runs the command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values, help } = parseCommand(args, README_TABLE_COMMAND);
  if (help) {
    console.log(usageText(README_TABLE_COMMAND));
    return 0;
  }
  if (values.write && values.check) {
    throw new UsageError("Expected --write or --check but found both: pass one of them");
  }
  const run = values.run ?? "published/mnist";
  const block = await renderReadmeBlock(run);
  if (!values.write && !values.check) {
    console.log(block);
    return 0;
  }
  const readme = await Deno.readTextFile(README);
  if (values.check) {
    const same = readmeBlockOf(readme) === block;
    console.log(
      same
        ? `${README} shows the table of ${run}`
        : `${README} is out of date: run deno task readme-table --write`,
    );
    return same ? 0 : 1;
  }
  await Deno.writeTextFile(README, replaceReadmeBlock(readme, block));
  console.log(`Wrote the table of ${run} into ${README}`);
  return 0;
}

if (import.meta.main) await runMain(main, { spec: README_TABLE_COMMAND });
