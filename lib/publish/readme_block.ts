/**
 * The README's opening block: the published answer table, rendered from the results on
 * disk (never typed in), between two marker comments that `deno task readme-table --write`
 * rewrites.
 *
 * @module
 */

import { join } from "node:path";
import { loadResults } from "../results/mod.ts";
import { answerTableMarkdown, plateauSentence } from "../report/mod.ts";
import { siteProvenance } from "./provenance.ts";

/** First line of the block. */
export const README_BLOCK_START =
  "<!-- answer-table: written by `deno task readme-table --write` from the published run; do not edit -->";
/** Last line of the block. */
export const README_BLOCK_END = "<!-- /answer-table -->";

/**
 * The block for the published run in `runDir` (a folder with `results.json`, as
 * `deno task publish` writes it), or, when there is none, a sentence saying so and how
 * to make one: never a number that is not on disk.
 *
 * @param runDir The published folder, relative to the README. @default "published/mnist"
 * @returns Markdown from the start marker to the end marker, ending in a newline.
 */
export async function renderReadmeBlock(runDir = "published/mnist"): Promise<string> {
  const file = join(runDir, "results.json");
  const present = await Deno.stat(file).then((s) => s.isFile, () => false);
  let body: string;
  if (!present) {
    body = `No run is published yet (\`${runDir}/results.json\` does not exist), so this ` +
      "README reports no result. To publish one: `deno task reproduce --profile converged " +
      "--datasets mnist`, then `deno task publish --run data/runs/converged/mnist --out " +
      `${runDir}\`, then \`deno task readme-table --write\`.\n`;
  } else {
    const results = await loadResults(file);
    const p = siteProvenance(results);
    const seeds = results.config.seeds.length;
    body = `**The answer on ${results.dataset.name.toUpperCase()}**, from \`${file}\`: profile ` +
      `${p.profile} (${p.protocol}); data ${p.data}; run finished ${p.runDate}, commit ` +
      `${p.runCommit}, kernel path ${p.kernelPath}. Means over ${seeds} seed(s) with 95 % ` +
      `Student-t intervals; verdict rules in the report. Browse the ` +
      `[site](${runDir}/index.html), read the [report](${runDir}/REPORT.md), check it with ` +
      `\`deno task verify-published --run ${runDir}\`. ${plateauSentence(results)}\n\n` +
      answerTableMarkdown(results);
  }
  // deno fmt would re-pad the table, and the block must stay byte-equal to what this renders.
  return `${README_BLOCK_START}\n<!-- deno-fmt-ignore-start -->\n\n${body}\n` +
    `<!-- deno-fmt-ignore-end -->\n${README_BLOCK_END}\n`;
}

function bounds(readme: string): { start: number; end: number } {
  const start = readme.indexOf(README_BLOCK_START);
  const endMarker = readme.indexOf(README_BLOCK_END);
  if (start < 0 || endMarker < start) {
    throw new TypeError(
      `Expected the README to hold the answer block markers but found ${
        start < 0 ? "no start marker" : "no end marker after it"
      }: add the lines ${README_BLOCK_START} and ${README_BLOCK_END} where the table goes`,
    );
  }
  let end = endMarker + README_BLOCK_END.length;
  if (readme[end] === "\n") end += 1;
  return { start, end };
}

/**
 * The answer block currently in a README.
 *
 * @param readme README text.
 * @returns The block, markers included.
 * @throws {TypeError} When the markers are missing.
 */
export function readmeBlockOf(readme: string): string {
  const { start, end } = bounds(readme);
  return readme.slice(start, end);
}

/**
 * A README with its answer block replaced.
 *
 * @param readme README text.
 * @param block A block from {@link renderReadmeBlock}.
 * @returns The new README text.
 * @throws {TypeError} When the markers are missing.
 */
export function replaceReadmeBlock(readme: string, block: string): string {
  const { start, end } = bounds(readme);
  return readme.slice(0, start) + block + readme.slice(end);
}
