import assert from "node:assert/strict";
import { countImages, hasTag, notebookProblems } from "../../lib/notebook/inspect.ts";

function code(source: string, outputs: unknown[], extra: Record<string, unknown> = {}) {
  return { cell_type: "code", source, execution_count: 1, outputs, metadata: {}, ...extra };
}

const SVG_OUTPUT = { output_type: "display_data", data: { "image/svg+xml": ["<svg/>"] } };
const PNG_OUTPUT = { output_type: "execute_result", data: { "image/png": "iVBO" } };

Deno.test("notebookProblems() accepts executed cells and figure cells with SVG or PNG", () => {
  const notebook = {
    cells: [
      { cell_type: "markdown", source: "# t", metadata: { tags: ["figure"] } },
      code("a", [SVG_OUTPUT], { metadata: { tags: ["figure"] } }),
      code("b", [PNG_OUTPUT], { metadata: { tags: ["figure"] } }),
      code("", [], { execution_count: null }),
    ],
  };
  assert.deepEqual(notebookProblems(notebook), []);
  assert.equal(countImages(notebook), 2);
});

Deno.test("notebookProblems() reports errors, unexecuted cells and figures without images", () => {
  const notebook = {
    cells: [
      code("x\nthrow", [{ output_type: "error", ename: "TypeError", evalue: "bad" }]),
      code("y", [], { execution_count: null }),
      code("fig()", [{ output_type: "execute_result", data: { "text/plain": "1" } }], {
        metadata: { tags: ["figure"] },
      }),
    ],
  };
  assert.deepEqual(notebookProblems(notebook), [
    { cell: 0, kind: "error", message: 'TypeError: bad (in "x")' },
    { cell: 1, kind: "not executed", message: "y" },
    {
      cell: 2,
      kind: "no image",
      message: "Figure cell shows no image/svg+xml or image/png output: fig()",
    },
  ]);
});

Deno.test("notebookProblems() rejects a value without cells", () => {
  assert.throws(() => notebookProblems([]), /Expected an nbformat 4 notebook.*found an array/);
});

Deno.test("hasTag() reads metadata.tags", () => {
  assert.equal(hasTag({ metadata: { tags: ["figure"] } }, "figure"), true);
  assert.equal(hasTag({ metadata: {} }, "figure"), false);
});
