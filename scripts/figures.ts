/**
 * `deno task figures [--run data/runs/<profile>/<dataset>]... [--profile P]
 * [--out figures] [--no-png] [--reanalyze] [--seed N]`
 *
 * Redraws every figure from saved runs, without retraining: for each run
 * folder, reads `results.json` and `analysis.json` (computing and saving the
 * analysis when it is missing, stale or `--reanalyze` is given), writes
 * `<out>/<dataset>/figNN<letter>_<name>.svg|.png` with `index.html` and
 * `index.md`, then `<out>/index.html` linking the data sets. Without `--run`,
 * every data set found under `data/runs/<profile>/` is drawn (profile from
 * `--profile`, else `HQC_PROFILE`, else `quick`).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import {
  type Analysis,
  analysisPathFor,
  analyze,
  loadAnalysis,
  saveAnalysis,
} from "../lib/analysis/mod.ts";
import { loadResults } from "../lib/experiment/load_results.ts";
import { renderAll, writeTopIndex } from "../lib/figures/mod.ts";

const USAGE = "Usage: deno task figures [--run data/runs/<profile>/<dataset>]... " +
  "[--profile smoke|quick|converged|paper] [--out figures] [--no-png] [--reanalyze] [--seed N]";

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

async function defaultRuns(profile: string): Promise<string[]> {
  const dir = join("data", "runs", profile);
  const runs: string[] = [];
  for (const name of ["mnist", "cifar100", "stl10"]) {
    if (await exists(join(dir, name, "results.json"))) runs.push(join(dir, name));
  }
  return runs;
}

/** Runs the command line; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      run: { type: "string", multiple: true },
      profile: { type: "string" },
      out: { type: "string", default: "figures" },
      "no-png": { type: "boolean", default: false },
      reanalyze: { type: "boolean", default: false },
      seed: { type: "string", default: "0" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) {
    console.error(`--seed must be an integer but found "${values.seed}"`);
    return 2;
  }
  const profile = values.profile ?? Deno.env.get("HQC_PROFILE") ?? "quick";
  const runs = values.run?.length ? values.run : await defaultRuns(profile);
  if (runs.length === 0) {
    console.error(
      `Expected runs under data/runs/${profile}/ but found none: run "deno task reproduce ` +
        `--profile ${profile}" first or pass --run`,
    );
    return 1;
  }
  for (const run of runs) {
    const resultsPath = run.endsWith(".json") ? run : join(run, "results.json");
    const results = await loadResults(resultsPath);
    const analysisPath = analysisPathFor(resultsPath);
    let analysis: Analysis | undefined;
    if (!values.reanalyze && await exists(analysisPath)) {
      const saved = await loadAnalysis(analysisPath);
      if (saved.resultsCreatedAt === results.createdAt) analysis = saved;
      else console.error(`${analysisPath} is older than its results: recomputing`);
    }
    if (!analysis) {
      const t0 = performance.now();
      analysis = analyze(results, { seed });
      await saveAnalysis(analysisPath, analysis);
      console.error(
        `Analysed ${results.dataset.name} in ${
          ((performance.now() - t0) / 1000).toFixed(1)
        } s -> ${analysisPath}`,
      );
    }
    const outDir = join(values.out, results.dataset.name);
    const t1 = performance.now();
    const files = await renderAll(results, analysis, { outDir, png: !values["no-png"] });
    console.error(
      `Wrote ${files.length} figures of ${results.dataset.name} in ` +
        `${((performance.now() - t1) / 1000).toFixed(1)} s -> ${outDir}/index.html`,
    );
  }
  await writeTopIndex(values.out);
  console.error(`Index: ${join(values.out, "index.html")}`);
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
