import assert from "node:assert/strict";
import { join } from "node:path";
import { writeJsonAtomic } from "../../lib/results/mod.ts";
import {
  README_BLOCK_END,
  README_BLOCK_START,
  readmeBlockOf,
  renderReadmeBlock,
  replaceReadmeBlock,
} from "../../lib/publish/mod.ts";
import { answerRows } from "../../lib/report/mod.ts";
import { summarizedFixture } from "./_fixture.ts";

const REPO = decodeURIComponent(new URL("../..", import.meta.url).pathname);

Deno.test("README.md opens with exactly the block deno task readme-table renders", async () => {
  const readme = await Deno.readTextFile(join(REPO, "README.md"));
  const expected = await renderReadmeBlock(join(REPO, "published/mnist"));
  // The block names the run folder relative to the README; render it from there.
  const relativeExpected = expected.replaceAll(join(REPO, "published/mnist"), "published/mnist");
  assert.equal(readmeBlockOf(readme), relativeExpected, "run deno task readme-table --write");
  const firstSection = readme.indexOf("\n## ");
  assert.ok(readme.indexOf(README_BLOCK_START) < firstSection, "the answer comes first");
});

Deno.test("renderReadmeBlock() renders the table from the results on disk", async () => {
  const dir = await Deno.makeTempDir({ prefix: "hqc-readme-" });
  const results = summarizedFixture();
  await writeJsonAtomic(join(dir, "results.json"), results);
  const block = await renderReadmeBlock(dir);
  assert.ok(block.startsWith(`${README_BLOCK_START}\n`) && block.endsWith(`${README_BLOCK_END}\n`));
  const hybrid = results.models.hybrid!.summary.valAccuracy!;
  const shown = `${(hybrid.mean * 100).toFixed(2)} ± ${(hybrid.ci95 * 100).toFixed(2)} %`;
  assert.ok(
    block.includes(`| validation accuracy (last epoch) | hybrid | ${shown} | 99.38 % |`),
    block,
  );
  assert.equal(
    block.split("\n").filter((l) => l.startsWith("| ")).length,
    answerRows(results).length + 2,
  );
});

Deno.test("renderReadmeBlock() says no run is published when there is none, with no number", async () => {
  const dir = await Deno.makeTempDir({ prefix: "hqc-readme-empty-" });
  const block = await renderReadmeBlock(dir);
  assert.match(block, /No run is published yet/);
  assert.doesNotMatch(block, /\d+(\.\d+)? %/);
});

Deno.test("replaceReadmeBlock() replaces only the block and needs both markers", () => {
  const readme = `# T\n${README_BLOCK_START}\nold\n${README_BLOCK_END}\nrest\n`;
  const block = `${README_BLOCK_START}\nnew\n${README_BLOCK_END}\n`;
  assert.equal(replaceReadmeBlock(readme, block), `# T\n${block}rest\n`);
  assert.throws(
    () => replaceReadmeBlock("# T\n", block),
    new TypeError(
      `Expected the README to hold the answer block markers but found no start marker: add the lines ${README_BLOCK_START} and ${README_BLOCK_END} where the table goes`,
    ),
  );
});
