/**
 * `deno task publish --run DIR [--out DIR] [--notebooks DIR]`
 *
 * Builds a static site from a finished run: `index.html` (the answer table and links),
 * the report, one page per figure, the rendered notebooks and the raw results, with the
 * run's provenance and profile on every page. Open `<out>/index.html` in a browser.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { gitCommit, loadResults } from "../lib/results/mod.ts";
import { findResults, publishSite } from "../lib/publish/mod.ts";

const USAGE = `Usage: deno task publish --run DIR [--out DIR] [--notebooks DIR]

Builds a static site from the finished run in --run (a folder holding results.json,
a published folder, or a deno task reproduce --out root with one data set).
  --run DIR          the run to publish (required)
  --out DIR          where the site goes (default: published/<dataset>)
  --notebooks DIR    rendered notebooks to include (default: <run>/notebooks if present;
                     deno task notebooks writes them to notebooks/out)
  --help             show this text`;

/** Runs the command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      run: { type: "string" },
      out: { type: "string" },
      notebooks: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.run === undefined) {
    throw new TypeError("Expected --run DIR but found none: e.g. --run data/runs/converged/mnist");
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

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
