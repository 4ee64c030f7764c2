/**
 * `deno task notebooks [--profile smoke|quick|paper] [--out DIR] [--cell-timeout S] [names...]`
 *
 * Executes the notebooks in `notebooks/` headless through Jupyter with the
 * Deno kernel and writes, for each, the executed `.ipynb` and a rendered
 * `.html` (figures inline) to `notebooks/out/` (or `--out`). Names select
 * notebooks by file name or part of it (`01`, `mnist`); none means all, in
 * order. Exits non-zero if any cell raised or a figure cell showed no image.
 *
 * @module
 */

import { type CommandSpec, parseCommand, runMain, usageText } from "../lib/cli/mod.ts";
import { profileByName } from "../lib/experiment/profiles.ts";
import { PROFILE_NAMES } from "../lib/results/mod.ts";
import { NOTEBOOK_ENV } from "../lib/notebook/config.ts";
import { executeNotebook } from "../lib/notebook/execute_notebook.ts";
import { JupyterUnavailableError, requireJupyter } from "../lib/notebook/jupyter.ts";

const NOTEBOOK_DIR = decodeURIComponent(new URL("../notebooks", import.meta.url).pathname);
const DEFAULT_OUT_DIR = "notebooks/out";
/** How often a line says a long notebook is still running. */
const HEARTBEAT_MS = 30_000;
/** Seconds one cell may run, by profile (-1: no limit). */
const CELL_TIMEOUT_SECONDS: Record<string, number> = { smoke: 900, quick: 3600, paper: -1 };

/** The command line of `deno task notebooks`. */
export const NOTEBOOKS_COMMAND = {
  name: "notebooks",
  summary: `Executes notebooks/*.ipynb through Jupyter with the Deno kernel and writes the
executed notebooks and rendered HTML to ${DEFAULT_OUT_DIR}/ (or --out).
Names pick notebooks by part of their file name (e.g. 00, mnist); default: all.
Set HQC_RETRAIN=1 to retrain even when results for the profile exist.`,
  positionals: ["[names...]"],
  options: {
    profile: {
      type: "string",
      valueName: PROFILE_NAMES.join("|"),
      example: "smoke",
      description: "run size (default HQC_PROFILE, else quick)",
    },
    out: {
      type: "string",
      valueName: "DIR",
      description: `output folder (default ${DEFAULT_OUT_DIR})`,
    },
    "cell-timeout": {
      type: "string",
      valueName: "SECONDS",
      example: "900",
      description: "seconds one cell may run (default by profile; -1: no limit)",
    },
  },
} as const satisfies CommandSpec;

/** A number picks the notebook it prefixes (`00`); other text, any name containing it. */
function matches(file: string, name: string): boolean {
  return /^\d+$/.test(name) ? file.startsWith(`${name}_`) : file.includes(name);
}

/** Notebook files, sorted, that match any of `names` (all when none given). */
async function selectNotebooks(names: string[]): Promise<string[]> {
  const all: string[] = [];
  for await (const entry of Deno.readDir(NOTEBOOK_DIR)) {
    if (entry.isFile && entry.name.endsWith(".ipynb")) all.push(entry.name);
  }
  all.sort();
  if (names.length === 0) return all.map((name) => `${NOTEBOOK_DIR}/${name}`);
  const chosen = all.filter((file) => names.some((name) => matches(file, name)));
  const unmatched = names.filter((name) => !all.some((file) => matches(file, name)));
  if (unmatched.length > 0) {
    throw new TypeError(
      `Expected notebook names among ${all.join(", ")} but found ${
        unmatched.join(", ")
      }: pass part of a file name`,
    );
  }
  return chosen.map((name) => `${NOTEBOOK_DIR}/${name}`);
}

/** Runs the command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(args, {
    ...NOTEBOOKS_COMMAND,
    positionals: Array.from({ length: args.length }, () => "name"),
  });
  if (help) {
    console.log(usageText(NOTEBOOKS_COMMAND));
    return 0;
  }
  const outDir = values.out ?? DEFAULT_OUT_DIR;
  const profile =
    profileByName(values.profile ?? Deno.env.get(NOTEBOOK_ENV.profile) ?? "quick").name;
  const cellTimeout = values["cell-timeout"] === undefined
    ? CELL_TIMEOUT_SECONDS[profile]!
    : Number(values["cell-timeout"]);
  if (!Number.isFinite(cellTimeout)) {
    throw new RangeError(
      `Expected --cell-timeout to be a number of seconds but found "${
        values["cell-timeout"]
      }": pass e.g. --cell-timeout 900`,
    );
  }
  const notebooks = await selectNotebooks(positionals);
  try {
    const found = await requireJupyter();
    console.log(`nbconvert ${found.nbconvertVersion}; Deno kernel: ${found.kernelProgram}`);
  } catch (error) {
    if (error instanceof JupyterUnavailableError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  console.log(`Profile ${profile}: running ${notebooks.length} notebook(s) into ${outDir}/`);
  const started = performance.now();
  let failed = 0;
  for (const path of notebooks) {
    const name = path.slice(path.lastIndexOf("/") + 1);
    console.log(`- ${name} ...`);
    const begun = performance.now();
    const heartbeat = setInterval(() => {
      const seconds = Math.round((performance.now() - begun) / 1000);
      console.log(`  ${name} still running (${seconds} s)`);
    }, HEARTBEAT_MS);
    const run = await executeNotebook(path, {
      outDir,
      env: { [NOTEBOOK_ENV.profile]: profile },
      cellTimeoutSeconds: cellTimeout,
    }).finally(() => clearInterval(heartbeat));
    const status = run.problems.length === 0 ? "ok" : `${run.problems.length} problem(s)`;
    console.log(`  ${status} in ${run.seconds.toFixed(1)} s -> ${run.htmlPath}`);
    for (const problem of run.problems) {
      console.log(`  cell ${problem.cell}: ${problem.kind}: ${problem.message}`);
    }
    if (run.problems.length > 0) failed++;
  }
  const total = (performance.now() - started) / 1000;
  console.log(
    `${notebooks.length - failed}/${notebooks.length} notebook(s) ran cleanly in ${
      total.toFixed(1)
    } s`,
  );
  return failed === 0 ? 0 : 1;
}

if (import.meta.main) await runMain(main, { spec: NOTEBOOKS_COMMAND });
