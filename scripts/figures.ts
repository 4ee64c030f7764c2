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
import { type CommandSpec, parseCommand, runMain, UsageError, usageText } from "../lib/cli/mod.ts";
import { join } from "node:path";
import { analysisFor } from "../lib/analysis/mod.ts";
import { DATASET_NAMES, loadResults } from "../lib/results/mod.ts";
import { renderAll, writeTopIndex } from "../lib/figures/mod.ts";

/** The command line of `deno task figures`. */
export const FIGURES_COMMAND = {
  name: "figures",
  summary: "Redraws every figure from saved runs, without retraining.",
  options: {
    run: {
      type: "string",
      multiple: true,
      valueName: "data/runs/<profile>/<dataset>",
      description: "a run folder or results.json (default: every run of the profile)",
    },
    profile: {
      type: "string",
      valueName: "smoke|quick|paper",
      example: "quick",
      description: "profile whose runs are drawn without --run (default HQC_PROFILE, else quick)",
    },
    out: { type: "string", valueName: "DIR", description: "output folder (default figures)" },
    "no-png": { type: "boolean", description: "write SVG only" },
    reanalyze: { type: "boolean", description: "recompute analysis.json even when it is current" },
    seed: {
      type: "string",
      valueName: "N",
      example: "0",
      description: "seed of the analysis (default 0)",
    },
  },
} as const satisfies CommandSpec;

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
  for (const name of DATASET_NAMES) {
    if (await exists(join(dir, name, "results.json"))) runs.push(join(dir, name));
  }
  return runs;
}

/** Runs the command line; returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  const { values, help } = parseCommand(args, FIGURES_COMMAND);
  if (help) {
    console.log(usageText(FIGURES_COMMAND));
    return 0;
  }
  const seedText = values.seed ?? "0";
  const seed = Number(seedText);
  if (!Number.isInteger(seed)) {
    throw new UsageError(
      `Expected --seed to be an integer but found "${seedText}": e.g. --seed 0`,
    );
  }
  const outRoot = values.out ?? "figures";
  const profile = values.profile ?? Deno.env.get("HQC_PROFILE") ?? "quick";
  const runs = values.run.length > 0 ? values.run : await defaultRuns(profile);
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
    const analysis = await analysisFor(results, {
      resultsPath,
      reanalyze: values.reanalyze,
      seed,
      log: console.error,
    });
    const outDir = join(outRoot, results.dataset.name);
    const t1 = performance.now();
    const files = await renderAll(results, analysis, { outDir, png: !values["no-png"] });
    console.error(
      `Wrote ${files.length} figures of ${results.dataset.name} in ` +
        `${((performance.now() - t1) / 1000).toFixed(1)} s -> ${outDir}/index.html`,
    );
  }
  await writeTopIndex(outRoot);
  console.error(`Index: ${join(outRoot, "index.html")}`);
  return 0;
}

if (import.meta.main) await runMain(main, { spec: FIGURES_COMMAND });
