import assert from "node:assert/strict";
import { countImages, type ExecutedNotebook, executeNotebook } from "../../lib/notebook/mod.ts";
import { jupyterTest } from "./_gate.ts";

const PROBE = decodeURIComponent(new URL("./fixtures/probe.ipynb", import.meta.url).pathname);

interface Output {
  output_type: string;
  data?: Record<string, string | string[]>;
}

function outputsOf(run: ExecutedNotebook, cell: number): Output[] {
  return (run.notebook as { cells: { outputs: Output[] }[] }).cells[cell]!.outputs;
}

function text(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join("") : value ?? "";
}

jupyterTest("executeNotebook() runs a notebook through Jupyter with the Deno kernel", async (t) => {
  const outDir = await Deno.makeTempDir({ prefix: "hqc-probe-" });
  try {
    const run = await executeNotebook(PROBE, { outDir, env: { HQC_PROBE: "probe-value" } });

    await t.step("writes the executed notebook and HTML with the SVG inline", async () => {
      assert.equal(run.notebookPath, `${outDir}/probe.ipynb`);
      assert.equal(run.htmlPath, `${outDir}/probe.html`);
      const html = await Deno.readTextFile(run.htmlPath!);
      assert.match(html, /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="8"/);
      assert.equal(countImages(run.notebook), 1);
      const left = [...Deno.readDirSync(outDir)].map((e) => e.name).sort();
      assert.deepEqual(left, ["probe.html", "probe.ipynb"]);
    });

    await t.step("passes environment variables to the kernel", () => {
      assert.equal(text(outputsOf(run, 1)[0]?.data?.["text/plain"]), "env: probe-value");
    });

    await t.step("resolves relative imports from the notebook's folder", () => {
      assert.match(text(outputsOf(run, 2)[0]?.data?.["text/html"]), /relative import/);
    });

    await t.step("reports the error cell and the figure cell without an image", () => {
      assert.deepEqual(run.problems.map((p) => [p.cell, p.kind]), [[4, "no image"], [5, "error"]]);
      assert.match(run.problems[1]!.message, /^RangeError: probe failure/);
    });

    await t.step("keeps running after an error and updates the progress in place", () => {
      const outputs = outputsOf(run, 6);
      assert.equal(outputs.length, 1);
      assert.match(text(outputs[0]!.data?.["text/plain"]), /100% step 4/);
    });
  } finally {
    await Deno.remove(outDir, { recursive: true });
  }
});
