import assert from "node:assert/strict";
import { countImages, FIGURE_TAG, hasTag } from "../../lib/notebook/inspect.ts";
import { executeNotebook } from "../../lib/notebook/execute_notebook.ts";
import { jupyterTest } from "./_gate.ts";

/**
 * Executes every notebook through real Jupyter and the Deno kernel in the
 * smoke profile, in order, into temporary folders: 01-03 train into a shared
 * runs folder and 04 then reads their results from it.
 */

const NOTEBOOK_DIR = decodeURIComponent(new URL("../../notebooks", import.meta.url).pathname);
const NOTEBOOKS = [
  "00_quantum_layer",
  "01_mnist",
  "02_cifar100",
  "03_stl10",
  "04_discussion",
];
/** Seconds one cell may run in smoke before the test fails. */
const CELL_TIMEOUT_SECONDS = 600;

interface Cell {
  cell_type: string;
  metadata: { tags?: string[] };
  outputs?: { data?: Record<string, string | string[]> }[];
}

function cellsOf(notebook: unknown): Cell[] {
  return (notebook as { cells: Cell[] }).cells;
}

function plainText(cells: Cell[]): string {
  return cells.flatMap((c) => c.outputs ?? []).map((o) => {
    const text = o.data?.["text/plain"];
    return Array.isArray(text) ? text.join("") : text ?? "";
  }).join("\n");
}

/** Runs one notebook into `outDir`, reading and writing runs under `runsDir`, and checks it. */
async function checkNotebook(
  index: number,
  stem: string,
  runsDir: string,
  outDir: string,
): Promise<void> {
  const source = JSON.parse(await Deno.readTextFile(`${NOTEBOOK_DIR}/${stem}.ipynb`));
  const figureCells = cellsOf(source).filter((cell) => hasTag(cell, FIGURE_TAG)).length;
  assert.ok(figureCells > 0, `${stem} has no cell tagged "${FIGURE_TAG}"`);

  const run = await executeNotebook(`${NOTEBOOK_DIR}/${stem}.ipynb`, {
    outDir,
    env: { HQC_PROFILE: "smoke", HQC_RUNS_DIR: runsDir, HQC_RETRAIN: "", HQC_RESULTS: "" },
    cellTimeoutSeconds: CELL_TIMEOUT_SECONDS,
  });
  assert.deepEqual(run.problems, [], `${stem}: ${JSON.stringify(run.problems, null, 1)}`);
  assert.ok(countImages(run.notebook) >= figureCells);
  const html = await Deno.readTextFile(run.htmlPath!);
  const inlineSvgs = html.match(/<svg[\s>]/g)?.length ?? 0;
  assert.ok(inlineSvgs >= figureCells, `${stem}.html shows ${inlineSvgs} inline SVGs`);

  const text = plainText(cellsOf(run.notebook));
  if (stem === "04_discussion") {
    // 01-03 wrote these runs, so the discussion must reuse all three.
    assert.equal(
      text.match(/\b(mnist|cifar100|stl10) +\[#+\] 100% loaded: /g)?.length,
      3,
      text,
    );
  } else if (index > 0) {
    assert.match(text, /trained +\[#+\] 100% .*results\.json/);
    await Deno.stat(`${runsDir}/smoke/${stem.slice(3)}/results.json`);
  }
}

jupyterTest("notebooks run in order in the smoke profile with every figure shown", async (t) => {
  const runsDir = await Deno.makeTempDir({ prefix: "hqc-notebook-runs-" });
  const outDir = await Deno.makeTempDir({ prefix: "hqc-notebook-out-" });
  try {
    for (const [index, stem] of NOTEBOOKS.entries()) {
      await t.step(
        `notebooks/${stem}.ipynb runs in the smoke profile with every figure shown`,
        () => checkNotebook(index, stem, runsDir, outDir),
      );
    }
  } finally {
    await Deno.remove(runsDir, { recursive: true });
    await Deno.remove(outDir, { recursive: true });
  }
});
