import assert from "node:assert/strict";
import { parameterTable } from "../../lib/models/parameter_table.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";

/** Table cells row by row, ignoring the padding and dash counts that `deno fmt` chooses. */
function cells(table: string): string[][] {
  return table.trim().split("\n").map((row) =>
    row.split("|").slice(1, -1).map((cell) => cell.trim().replace(/^(:?)-+(:?)$/, "$1-$2"))
  );
}

Deno.test("parameterTable() is what lib/models/README.md shows", async () => {
  await setupRuntime({ backend: "wasm" });
  const readme = await Deno.readTextFile(new URL("../../lib/models/README.md", import.meta.url));
  const start = "<!-- parameter-table:start -->\n", end = "\n<!-- parameter-table:end -->";
  const shown = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
  assert.deepEqual(cells(shown), cells(parameterTable()));
});
