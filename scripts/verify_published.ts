/**
 * `deno task verify-published [--run DIR]`
 *
 * Re-trains the first epoch of the first seed of every model of a published run (default
 * `published/mnist`) from the configuration its `results.json` records, on the kernel path
 * and thread count it records, and compares the recorded numbers of that epoch exactly.
 * Exits 0 on a match, 1 on a mismatch, 3 when the run cannot be re-trained here.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { VERIFIED_FIELDS, VerifyRefusedError, verifyRun } from "../lib/experiment/mod.ts";
import { loadResults } from "../lib/results/mod.ts";
import { findResults } from "../lib/publish/mod.ts";

const DEFAULT_RUN = "published/mnist";
const USAGE = `Usage: deno task verify-published [--run DIR]

Re-trains epoch 1 of seed 1 of every model of the run in DIR (default ${DEFAULT_RUN})
and compares ${VERIFIED_FIELDS.join(", ")} with the record, exactly.
Exit status: 0 all match, 1 a number differs, 3 the run cannot be re-trained here.`;

/** Runs the command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      run: { type: "string", default: DEFAULT_RUN },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = await findResults(values.run);
  const results = await loadResults(file);
  console.log(`Verifying ${file} (profile ${results.profile}, ${results.dataset.name})`);
  try {
    const report = await verifyRun(results, { log: (line) => console.log(line) });
    const bad = report.checks.filter((c) => c.mismatches.length > 0);
    if (report.ok) {
      console.log(
        `Verified: epoch 1 of ${report.checks.map((c) => c.kind).join(", ")} matches the ` +
          `record exactly on ${report.kernelPath.path} with ${report.kernelPath.threads} thread(s)`,
      );
      return 0;
    }
    console.log(
      `NOT verified: ${bad.map((c) => c.kind).join(", ")} differ from the record (see above)`,
    );
    return 1;
  } catch (error) {
    if (error instanceof VerifyRefusedError) {
      console.log(error.message);
      return 3;
    }
    throw error;
  }
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
