import assert from "node:assert/strict";
import { parameterTable } from "../../lib/models/parameter_table.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";

Deno.test("parameterTable() is what lib/models/README.md shows", async () => {
  await setupRuntime({ backend: "wasm" });
  const readme = await Deno.readTextFile(new URL("../../lib/models/README.md", import.meta.url));
  const start = "<!-- parameter-table:start -->\n", end = "\n<!-- parameter-table:end -->";
  const shown = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
  assert.equal(shown, parameterTable());
});
