/**
 * Finding the one finished `results.json` of a run folder.
 *
 * @module
 */

import { join } from "node:path";

/** Folders inside a run that hold partial or cached records, never a finished run. */
const NOT_RUNS = new Set(["cells", "shards", "checkpoints", "notebooks", "figures"]);

async function isFile(path: string): Promise<boolean> {
  return await Deno.stat(path).then((s) => s.isFile, () => false);
}

async function collect(dir: string, found: string[]): Promise<void> {
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.isDirectory || NOT_RUNS.has(entry.name)) continue;
    const sub = join(dir, entry.name);
    if (await isFile(join(sub, "results.json"))) found.push(join(sub, "results.json"));
    else await collect(sub, found);
  }
}

/**
 * The finished run in `runDir`: `runDir/results.json`, or the single results file below it
 * (a `deno task reproduce --out DIR` root holding one data set).
 *
 * @param runDir A run folder, a published folder or a reproduce output root.
 * @returns The path of its `results.json`.
 * @throws {Deno.errors.NotFound} When `runDir` does not exist.
 * @throws {TypeError} When it holds no finished run, or several.
 */
export async function findResults(runDir: string): Promise<string> {
  const direct = join(runDir, "results.json");
  if (await isFile(direct)) return direct;
  const stat = await Deno.stat(runDir).catch(() => null);
  if (stat === null || !stat.isDirectory) {
    throw new Deno.errors.NotFound(
      `Expected a run folder but found nothing at ${runDir}: pass --run with a folder that holds results.json`,
    );
  }
  const found: string[] = [];
  await collect(runDir, found);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    throw new TypeError(
      `Expected a finished run (results.json) in ${runDir} but found none: ` +
        `finish the run first (or deno task merge a sharded one)`,
    );
  }
  throw new TypeError(
    `Expected one finished run in ${runDir} but found ${found.length} (${found.join(", ")}): ` +
      `pass --run with one of those folders`,
  );
}
