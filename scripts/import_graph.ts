/**
 * Print which `lib/` folder imports which: one line per folder, its imported folders with the
 * number of import statements, and how many of them reach past the folder's `mod.ts`.
 *
 * Usage: `deno task graph` (or `deno run --allow-read scripts/import_graph.ts [libDir]`).
 *
 * @module
 */

import { join, relative } from "node:path";

/** One import statement between two `lib/` files. */
export interface ImportEdge {
  /** The importing file, relative to `lib/` (`train/fit.ts`). */
  readonly from: string;
  /** The imported file, relative to `lib/` (`results/mod.ts`). */
  readonly to: string;
  /** First folder of `from` (`train`). */
  readonly fromFolder: string;
  /** First folder of `to` (`results`). */
  readonly toFolder: string;
  /** Whether the import names the target folder's `mod.ts` (or another barrel, see BARRELS). */
  readonly viaMod: boolean;
}

/**
 * Barrels other folders may import besides `mod.ts`: `quantum/drawing.ts` is the tfjs-free entry
 * point of `quantum/` (circuit drawing for `figures/`).
 */
export const BARRELS: readonly string[] = ["quantum/drawing.ts"];

const IMPORT_PATTERN = /(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g;

/** Remove comments, so that imports inside JSDoc examples are not counted. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

async function* typeScriptFiles(dir: string): AsyncGenerator<string> {
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) yield* typeScriptFiles(path);
    else if (entry.isFile && entry.name.endsWith(".ts")) yield path;
  }
}

/**
 * Every relative import between files of `libDir` (imports of npm packages and `node:` are
 * left out), sorted by importing file.
 */
export async function libImportEdges(libDir: string): Promise<ImportEdge[]> {
  const edges: ImportEdge[] = [];
  for await (const file of typeScriptFiles(libDir)) {
    const source = stripComments(await Deno.readTextFile(file));
    for (const match of source.matchAll(IMPORT_PATTERN)) {
      const specifier = match[1]!;
      if (!specifier.startsWith(".")) continue;
      const from = relative(libDir, file);
      const to = relative(libDir, join(file, "..", specifier));
      const fromFolder = from.split("/")[0]!;
      const toFolder = to.split("/")[0]!;
      edges.push({
        from,
        to,
        fromFolder,
        toFolder,
        viaMod: to === `${toFolder}/mod.ts` || BARRELS.includes(to),
      });
    }
  }
  return edges.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** Format the folder graph of `libDir` as text lines. */
export async function folderGraph(libDir: string): Promise<string[]> {
  const edges = await libImportEdges(libDir);
  const byFolder = new Map<string, Map<string, { count: number; deep: number }>>();
  for (const edge of edges) {
    if (edge.fromFolder === edge.toFolder) continue;
    const targets = byFolder.get(edge.fromFolder) ?? new Map();
    byFolder.set(edge.fromFolder, targets);
    const entry = targets.get(edge.toFolder) ?? { count: 0, deep: 0 };
    entry.count += 1;
    if (!edge.viaMod) entry.deep += 1;
    targets.set(edge.toFolder, entry);
  }
  const folders = [...new Set(edges.map((edge) => edge.fromFolder))].sort();
  const lines: string[] = [];
  let total = 0;
  let deep = 0;
  for (const folder of folders) {
    const targets = byFolder.get(folder) ?? new Map();
    const parts = [...targets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(
      ([target, { count, deep: d }]) => {
        total += count;
        deep += d;
        return d > 0 ? `${target} (${count}, ${d} deep)` : `${target} (${count})`;
      },
    );
    lines.push(`${folder} -> ${parts.length === 0 ? "(nothing)" : parts.join(", ")}`);
  }
  const cycles: string[] = [];
  for (const [from, targets] of byFolder) {
    for (const to of targets.keys()) {
      if (from < to && byFolder.get(to)?.has(from)) cycles.push(`${from} <-> ${to}`);
    }
  }
  lines.push(
    `cross-folder imports: ${total}, past mod.ts: ${deep}; mutual pairs: ${
      cycles.length === 0 ? "none" : cycles.sort().join(", ")
    }`,
  );
  return lines;
}

if (import.meta.main) {
  const libDir = Deno.args[0] ?? new URL("../lib", import.meta.url).pathname;
  console.log((await folderGraph(libDir)).join("\n"));
}
