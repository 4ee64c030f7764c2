/**
 * `deno task publish --run DIR [--out DIR] [--notebooks DIR]`
 *
 * Builds a static site from a finished run: `index.html` (the answer table and links),
 * the report, one page per figure, the rendered notebooks and the raw results, with the
 * run's provenance and profile on every page. Open `<out>/index.html` in a browser.
 *
 * @module
 */

import { type CommandSpec, parseCommand, runMain, UsageError, usageText } from "../lib/cli/mod.ts";
import { findResults, publishSite } from "../lib/publish/mod.ts";
import { gitCommit, loadResults } from "../lib/results/mod.ts";

/** The command line of `deno task publish`. */
export const PUBLISH_COMMAND = {
  name: "publish",
  summary: "Builds a static site from a finished run (a folder holding results.json, a " +
    "published folder, or a deno task reproduce --out root with one data set).",
  options: {
    run: {
      type: "string",
      valueName: "DIR",
      example: "data/runs/converged/mnist",
      description: "the run to publish (required)",
    },
    out: {
      type: "string",
      valueName: "DIR",
      example: "published/mnist",
      description: "where the site goes (default published/<dataset>)",
    },
    notebooks: {
      type: "string",
      valueName: "DIR",
      example: "notebooks/out",
      description: "rendered notebooks to include (default <run>/notebooks when present)",
    },
  },
} as const satisfies CommandSpec;

/** Runs the command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values, help } = parseCommand(args, PUBLISH_COMMAND);
  if (help) {
    console.log(usageText(PUBLISH_COMMAND));
    return 0;
  }
  if (values.run === undefined) {
    throw new UsageError("Expected --run DIR but found none: e.g. --run data/runs/converged/mnist");
  }
  const results = await loadResults(await findResults(values.run));
  const outDir = values.out ?? `published/${results.dataset.name}`;
  const site = await publishSite(values.run, {
    outDir,
    notebooksDir: values.notebooks,
    commit: await gitCommit(),
    log: (line) => console.error(line),
  });
  console.log(
    `Published ${site.pages.length} pages, ${site.figures.length} figure files and ` +
      `${site.notebooks.length} notebooks: open ${outDir}/index.html`,
  );
  return 0;
}

if (import.meta.main) await runMain(main, { spec: PUBLISH_COMMAND });
