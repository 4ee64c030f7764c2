/**
 * The floor rules of `lib/` (see README, "Layout"), checked on the parsed imports of every
 * file: folders import each other only through `mod.ts`, only `experiment/` and `notebook/`
 * import `experiment/`, the ground floor (`results/`, `random/`) imports nothing of ours,
 * `figures/` never imports tfjs, `attacks/` never imports `data/`, and no two folders import
 * each other.
 */
import assert from "node:assert/strict";
import { folderGraph, type ImportEdge, libImportEdges } from "../scripts/import_graph.ts";

const LIB = decodeURIComponent(new URL("../lib", import.meta.url).pathname);
const edges = await libImportEdges(LIB);
const crossing = edges.filter((e) => e.fromFolder !== e.toFolder);

function list(found: readonly ImportEdge[]): string {
  return found.map((e) => `${e.from} -> ${e.to}`).join("\n");
}

/** Which npm packages each `lib/` file imports. */
async function packageImports(folder: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of Deno.readDir(`${LIB}/${folder}`)) {
    if (!entry.name.endsWith(".ts")) continue;
    const source = await Deno.readTextFile(`${LIB}/${folder}/${entry.name}`);
    const code = source.replace(/\/\*[\s\S]*?\*\//g, "");
    for (const m of code.matchAll(/from\s+["'](@tensorflow\/[^"']+|npm:@tensorflow[^"']*)["']/g)) {
      found.push(`${folder}/${entry.name} -> ${m[1]}`);
    }
  }
  return found;
}

Deno.test("libImportEdges() finds the imports of lib/ (the checks below see something)", () => {
  assert.ok(crossing.length > 20, `found only ${crossing.length} cross-folder imports`);
  assert.ok(edges.some((e) => e.from === "experiment/pipeline.ts" && e.toFolder === "analysis"));
});

Deno.test("lib/ folders import each other only through mod.ts", () => {
  const deep = crossing.filter((e) => !e.viaMod);
  assert.equal(deep.length, 0, `imports past a folder's mod.ts:\n${list(deep)}`);
});

Deno.test("only experiment/ and notebook/ import lib/experiment/", () => {
  const upward = crossing.filter((e) =>
    e.toFolder === "experiment" && !["experiment", "notebook"].includes(e.fromFolder)
  );
  assert.equal(upward.length, 0, `imports of the top floor:\n${list(upward)}`);
});

Deno.test("the ground floor (results/, random/) imports nothing of ours", () => {
  const out = crossing.filter((e) => ["results", "random"].includes(e.fromFolder));
  assert.equal(out.length, 0, `ground-floor imports:\n${list(out)}`);
});

Deno.test("attacks/ does not import data/", () => {
  const found = crossing.filter((e) => e.fromFolder === "attacks" && e.toFolder === "data");
  assert.equal(found.length, 0, list(found));
});

Deno.test("figures/ imports neither tfjs nor the folders that train", async () => {
  assert.deepEqual(await packageImports("figures"), []);
  const found = crossing.filter((e) =>
    e.fromFolder === "figures" &&
    ["runtime", "data", "models", "train", "attacks", "experiment"].includes(e.toFolder)
  );
  assert.equal(found.length, 0, list(found));
});

Deno.test("no two lib/ folders import each other", async () => {
  const summary = (await folderGraph(LIB)).at(-1)!;
  assert.match(summary, /mutual pairs: none$/);
});
