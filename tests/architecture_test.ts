/**
 * The floor rules of `lib/` (see README, "Layout"), checked on the parsed imports of every
 * file: folders import each other only through `mod.ts`, only `experiment/` and `notebook/`
 * import `experiment/`, the ground floor (`results/`, `random/`) imports nothing of ours,
 * nothing reachable from `figures/mod.ts` imports tfjs, nothing reachable from `attacks/mod.ts`
 * is in `data/`, and no two folders import each other. "Reachable" follows the imports that load
 * code, transitively; `import type` / `export type` statements are erased and load nothing.
 */
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
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

/**
 * Every `lib/` file loaded when `start` (relative to `lib/`) is imported, mapped to the package
 * specifiers (npm, `node:`) it imports itself. Type-only imports are skipped.
 */
async function reachable(start: string): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>();
  const todo = [start];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    const packages: string[] = [];
    seen.set(file, packages);
    const code = (await Deno.readTextFile(`${LIB}/${file}`))
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
    const statements = code.matchAll(
      /(?:^|[;\n])\s*(import|export)(\s+type\b)?[^;"'`]*?(?:\bfrom\s*)?["']([^"']+)["']/g,
    );
    for (const [, , typeOnly, specifier] of statements) {
      if (typeOnly) continue;
      if (!specifier!.startsWith(".")) packages.push(specifier!);
      else todo.push(join(dirname(file), specifier!));
    }
    for (const m of code.matchAll(/\bimport\s*\(\s*["']([^"']+)["']/g)) {
      if (m[1]!.startsWith(".")) todo.push(join(dirname(file), m[1]!));
      else packages.push(m[1]!);
    }
  }
  return seen;
}

Deno.test("reachable() follows imports across folders and skips type-only ones", async () => {
  const fromCircuit = await reachable("quantum/circuit.ts");
  assert.ok(fromCircuit.has("quantum/builder.ts"), [...fromCircuit.keys()].join(", "));
  assert.ok(fromCircuit.has("random/mod.ts"), "circuit.ts -> measure.ts -> random/mod.ts");
  assert.ok(fromCircuit.get("quantum/circuit.ts")!.includes("@tensorflow/tfjs"));
  const fromSpec = await reachable("models/spec.ts");
  assert.ok(!fromSpec.has("data/mod.ts"), "spec.ts imports data/ only as a type");
});

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

Deno.test("nothing reachable from attacks/mod.ts is in data/", async () => {
  const files = [...(await reachable("attacks/mod.ts")).keys()];
  assert.ok(files.includes("models/loss.ts"), "the walk reaches the loss");
  assert.deepEqual(files.filter((f) => f.startsWith("data/")), []);
});

Deno.test("nothing reachable from figures/mod.ts imports tfjs", async () => {
  const files = await reachable("figures/mod.ts");
  assert.ok(files.has("quantum/builder.ts"), "the walk reaches the circuit drawing");
  const found = [...files].flatMap(([file, packages]) =>
    packages.filter((p) => p.includes("@tensorflow")).map((p) => `${file} -> ${p}`)
  );
  assert.deepEqual(found, []);
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
