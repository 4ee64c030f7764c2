import assert from "node:assert/strict";
import { environmentSection } from "../../lib/report/mod.ts";
import { collectEnvironment } from "../../lib/experiment/mod.ts";
import { makeResults } from "../results/fixture.ts";

function kernelsCell(kernelPath: ReturnType<typeof collectEnvironment>["kernelPath"]): string {
  const results = makeResults();
  results.environment = { ...results.environment, kernelPath };
  const [, table] = environmentSection([{ results, file: "results.json" }]);
  if (table?.type !== "table") throw new TypeError("Expected a table block");
  return table.rows[0]![table.header.indexOf("kernels")]!;
}

Deno.test("environmentSection() shows the kernel path with library and threads", () => {
  const library = "/usr/lib/x86_64-linux-gnu/libopenblas.so.0";
  assert.equal(
    kernelsCell({ path: "native", library, threads: 2 }),
    "native (libopenblas.so.0, 2 threads)",
  );
  assert.equal(kernelsCell({ path: "wasm", library: null, threads: 2 }), "wasm");
  assert.equal(kernelsCell(undefined), "not recorded");
});

Deno.test("collectEnvironment() records the kernel path setupRuntime reported", () => {
  const path = { path: "wasm" as const, library: null, threads: 1 };
  const env = collectEnvironment({ backend: "wasm", threads: 1, path });
  assert.deepEqual(env.kernelPath, path);
  assert.equal(collectEnvironment({ backend: "wasm", threads: 1 }).kernelPath, undefined);
});
