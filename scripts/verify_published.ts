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

import { type CommandSpec, parseCommand, runMain, usageText } from "../lib/cli/mod.ts";
import { VERIFIED_FIELDS, VerifyRefusedError, verifyRun } from "../lib/experiment/mod.ts";
import { findResults } from "../lib/publish/mod.ts";
import { gitCommit, loadResults } from "../lib/results/mod.ts";

/** Exit code when the run cannot be re-trained the way it was made (2 is a usage error). */
export const REFUSED_EXIT_CODE = 3;
const DEFAULT_RUN = "published/mnist";

/** The command line of `deno task verify-published`. */
export const VERIFY_COMMAND = {
  name: "verify-published",
  summary: `Re-trains epoch 1 of seed 1 of every model of a published run and compares ` +
    `${VERIFIED_FIELDS.join(", ")} with the record, exactly. Exit status: 0 all match, ` +
    `1 a number differs, ${REFUSED_EXIT_CODE} the run cannot be re-trained here.`,
  options: {
    run: {
      type: "string",
      valueName: "DIR",
      example: DEFAULT_RUN,
      description: `the published run (default ${DEFAULT_RUN})`,
    },
  },
} as const satisfies CommandSpec;

/** Runs the command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values, help } = parseCommand(args, VERIFY_COMMAND);
  if (help) {
    console.log(usageText(VERIFY_COMMAND));
    return 0;
  }
  const file = await findResults(values.run ?? DEFAULT_RUN);
  const results = await loadResults(file);
  console.log(`Verifying ${file} (profile ${results.profile}, ${results.dataset.name})`);
  try {
    const report = await verifyRun(results, { log: (line) => console.log(line) });
    if (report.ok) {
      console.log(
        `Verified: epoch 1 of ${report.checks.map((c) => c.kind).join(", ")} matches the ` +
          `record exactly on ${report.kernelPath.path} with ${report.kernelPath.threads} thread(s)`,
      );
      return 0;
    }
    const bad = report.checks.filter((c) => c.mismatches.length > 0).map((c) => c.kind);
    console.log(`NOT verified: ${bad.join(", ")} differ from the record (see above)`);
    const recorded = results.environment.commit, here = await gitCommit();
    if (recorded === undefined || here === null || recorded !== here) {
      console.log(
        `(the run was made at commit ${recorded ?? "not recorded"}, this is ${
          here ?? "unknown"
        }: ` +
          "code changed since the run can change the numbers)",
      );
    }
    return 1;
  } catch (error) {
    if (!(error instanceof VerifyRefusedError)) throw error;
    console.log(error.message);
    return REFUSED_EXIT_CODE;
  }
}

if (import.meta.main) await runMain(main, { spec: VERIFY_COMMAND });
