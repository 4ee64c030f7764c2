/**
 * `deno task sweep --scheduler slurm [--profile P] [--datasets a,b] [--seeds N] [--shards N]
 * [--cpus-per-task N] [--mem GiB] [--time HH:MM:SS] [--partition P] [--account A]
 * [--job-name NAME] [--work DIR] [--out FILE] [--submit]`
 *
 * Writes a ready-to-submit Slurm job script for a sweep: an array with one task per shard
 * (`deno task reproduce --shard $SLURM_ARRAY_TASK_ID/N --resume`), resources sized from the
 * profile, and a merge job that runs after every task succeeded. `--submit` also submits both
 * with sbatch and prints their job ids.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { DATASET_NAMES, PROFILE_NAMES, PROFILES } from "../lib/experiment/profiles.ts";
import type { DatasetName, ProfileName } from "../lib/experiment/results_schema.ts";
import { writeFileAtomic } from "../lib/experiment/atomic_write.ts";
import {
  arraySubmitArgs,
  loadEpochCost,
  mergeSubmitArgs,
  planSweep,
  type SlurmPlan,
  slurmScript,
  slurmTime,
} from "../lib/experiment/sweep/mod.ts";

const USAGE = `Usage: deno task sweep --scheduler slurm [flags]
Writes a Slurm job script: an array of \`deno task reproduce --shard k/N --resume\` tasks and a
merge job (merge, analysis, figures, report) that runs after all of them succeed.
  --scheduler slurm         the scheduler (Slurm; others: see the README's contract)
  --profile ${PROFILE_NAMES.join("|")}   run size (default quick)
  --datasets ${DATASET_NAMES.join(",")}   data sets (default all)
  --seeds N                 seeds per model (default: the profile's)
  --shards N                array tasks (default: one per cell)
  --cpus-per-task N         cores per task, used as its wasm threads (default 4)
  --mem GiB                 memory per task (default: estimated from the profile)
  --time HH:MM:SS           time limit per task (default: estimated from bench epoch)
  --partition P, --account A, --job-name NAME   passed to sbatch
  --work DIR                runs and figures under DIR (default data/runs and figures)
  --out FILE                the script (default data/sweep/<profile>.slurm.sh)
  --submit                  also submit the array and the merge job; prints their ids
  --help                    show this text`;

function fail(message: string): never {
  throw new TypeError(message);
}

function whole(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(
      `Expected --${name} to be a whole number >= 1 but found "${text}": e.g. --${name} 4`,
    );
  }
  return value;
}

function parseTime(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+):(\d\d):(\d\d)$/.exec(text);
  if (match === null) {
    fail(`Expected --time as HH:MM:SS but found "${text}": e.g. --time 04:00:00`);
  }
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/** `deno` as found on PATH (what a job's shell would run), else this process's binary. */
function denoPath(): string {
  for (const dir of (Deno.env.get("PATH") ?? "").split(":")) {
    try {
      if (dir !== "" && Deno.statSync(`${dir}/deno`).isFile) return `${dir}/deno`;
    } catch {
      // Not in this folder.
    }
  }
  return Deno.execPath();
}

function absolute(path: string): string {
  return path.startsWith("/") ? path : `${Deno.cwd()}/${path.replace(/^\.\//, "")}`;
}

async function sbatch(args: string[]): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command("sbatch", {
    args,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(stdout).trim();
  if (code !== 0) {
    throw new Error(
      `Expected sbatch to accept the job but it failed (exit ${code}): ${
        new TextDecoder().decode(stderr).trim()
      }`,
    );
  }
  return out.split(";")[0]!;
}

async function submit(plan: SlurmPlan): Promise<void> {
  const places = { project: plan.project, deno: plan.deno, logs: plan.logs };
  await Deno.mkdir(plan.logs, { recursive: true });
  const array = await sbatch(arraySubmitArgs(plan, plan.script, places));
  const merge = await sbatch(mergeSubmitArgs(plan, array, places));
  console.log(
    `Submitted array job ${array} (${plan.shards} tasks) and merge job ${merge} ` +
      "(after every task succeeds)",
  );
  console.error(`Follow with: squeue -j ${array},${merge}; logs in ${plan.logs}`);
}

async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      scheduler: { type: "string" },
      profile: { type: "string", default: "quick" },
      datasets: { type: "string", default: DATASET_NAMES.join(",") },
      seeds: { type: "string" },
      shards: { type: "string" },
      "cpus-per-task": { type: "string" },
      mem: { type: "string" },
      time: { type: "string" },
      partition: { type: "string" },
      account: { type: "string" },
      "job-name": { type: "string" },
      work: { type: "string" },
      out: { type: "string" },
      submit: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.scheduler !== "slurm") {
    fail(
      `Expected --scheduler slurm but found ${
        values.scheduler === undefined ? "none" : `"${values.scheduler}"`
      }: other schedulers follow the contract in the README (shard index and count in, merge at the end)`,
    );
  }
  if (!(PROFILE_NAMES as readonly string[]).includes(values.profile)) {
    fail(
      `Expected --profile to be one of ${
        PROFILE_NAMES.join(", ")
      } but found "${values.profile}": pick one of those`,
    );
  }
  const profile = PROFILES[values.profile as ProfileName];
  const datasets = [...new Set(values.datasets.split(",").map((d) => d.trim()))];
  for (const d of datasets) {
    if (!(DATASET_NAMES as readonly string[]).includes(d)) {
      fail(
        `Expected --datasets to list ${
          DATASET_NAMES.join(", ")
        } but found "${d}": separate names with commas`,
      );
    }
  }
  const project = Deno.cwd();
  const script = absolute(values.out ?? `data/sweep/${profile.name}.slurm.sh`);
  const work = values.work;
  if (work !== undefined && !absolute(work).startsWith(`${project}/data/`)) {
    fail(
      `Expected --work to be a folder under data/ but found "${work}": the tasks may write only ` +
        "there (to use other storage, make the project's data/ folder live on it)",
    );
  }
  const plan = planSweep({
    profile,
    datasets: datasets as DatasetName[],
    seeds: whole("seeds", values.seeds),
    shards: whole("shards", values.shards),
    cpus: whole("cpus-per-task", values["cpus-per-task"]),
    memoryGiB: whole("mem", values.mem),
    timeSeconds: parseTime(values.time),
    cost: await loadEpochCost(),
    script,
    project,
    deno: denoPath(),
    logs: work === undefined ? `${project}/data/sweep/logs` : `${absolute(work)}/logs`,
    work,
    jobName: values["job-name"],
    partition: values.partition,
    account: values.account,
    command: ["deno task sweep", ...args.filter((a) => a !== "--submit")].join(" "),
  });
  await writeFileAtomic(script, slurmScript(plan));
  await Deno.chmod(script, 0o755);
  await Deno.mkdir(plan.logs, { recursive: true });
  console.error(
    `Wrote ${script}: ${plan.cells} cells in ${plan.shards} array tasks of ${plan.task.cpus} ` +
      `cores, ${plan.task.memoryGiB} GiB, ${
        slurmTime(plan.task.timeSeconds)
      }; then a merge job.\n` +
      `Submit with: bash ${script}   (or sbatch ${script} for the array alone)`,
  );
  if (values.submit) await submit(plan);
}

if (import.meta.main) {
  try {
    await main(Deno.args);
  } catch (error) {
    console.error(`Error: ${(error as Error).message}`);
    Deno.exit(1);
  }
}
