/**
 * `deno task readme-table [--run DIR] [--write | --check]`
 *
 * Renders the README's opening answer table from the published run on disk (default
 * `published/mnist`): prints it, writes it into README.md between its markers (`--write`),
 * or exits 1 when README.md differs from it (`--check`).
 *
 * @module
 */

import { parseArgs } from "node:util";
import { readmeBlockOf, renderReadmeBlock, replaceReadmeBlock } from "../lib/publish/mod.ts";

const README = "README.md";
const USAGE = `Usage: deno task readme-table [--run DIR] [--write | --check]

Renders the answer table (mean and 95 % CI over seeds beside the paper's numbers, with
verdicts) from DIR/results.json (default published/mnist).
  --write   replace the block between the markers in ${README}
  --check   exit 1 when ${README}'s block differs from the rendered one`;

/** Runs the command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      run: { type: "string", default: "published/mnist" },
      write: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const block = await renderReadmeBlock(values.run);
  if (!values.write && !values.check) {
    console.log(block);
    return 0;
  }
  const readme = await Deno.readTextFile(README);
  if (values.check) {
    const same = readmeBlockOf(readme) === block;
    console.log(
      same
        ? `${README} shows the table of ${values.run}`
        : `${README} is out of date: run deno task readme-table --write`,
    );
    return same ? 0 : 1;
  }
  await Deno.writeTextFile(README, replaceReadmeBlock(readme, block));
  console.log(`Wrote the table of ${values.run} into ${README}`);
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
