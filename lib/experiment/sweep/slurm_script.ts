/**
 * A ready-to-submit Slurm job script for a sweep: an array with one task per shard, each task
 * `deno task reproduce --shard $SLURM_ARRAY_TASK_ID/N --resume`, and a merge job that runs
 * `deno task merge` (merge, analysis, figures, report) once every task has succeeded
 * (`--dependency=afterok`). Running the script with bash (outside a job) submits both.
 *
 * @module
 */

import type { DatasetName, ProfileName } from "../../results/mod.ts";
import { slurmTime, type TaskResources } from "./resources.ts";

/** Everything the job script fixes. */
export interface SlurmPlan {
  profile: ProfileName;
  datasets: DatasetName[];
  /** Seeds per model. */
  seeds: number;
  /** Cells in the grid. */
  cells: number;
  /** Array tasks; task k runs `--shard k/shards`. */
  shards: number;
  task: TaskResources;
  merge: TaskResources;
  /** Absolute path of the job script itself. */
  script: string;
  /** Absolute path of the project checkout on the compute nodes. */
  project: string;
  /** Absolute path of the deno binary on the compute nodes. */
  deno: string;
  /** Logs folder, absolute. */
  logs: string;
  /** `--out` of reproduce and merge (runs and figures), relative to the project or absolute. */
  work?: string;
  jobName: string;
  partition?: string;
  account?: string;
  /** Where the time estimate comes from. */
  costSource: string;
  /** The command that generated the script, for its header. */
  command: string;
}

/** Values that are written unquoted into shell words; kept to characters that need no escaping. */
const SAFE_VALUE = /^[A-Za-z0-9_@%+=:,./-]+$/;

function checkSafe(name: string, value: string): void {
  if (!SAFE_VALUE.test(value)) {
    throw new TypeError(
      `Expected ${name} to hold only letters, digits and _@%+=:,./- but found "${value}": ` +
        "use a path without spaces or shell characters",
    );
  }
}

/** Flags that reproduce and merge share: profile, data sets and the output root. */
export function runFlags(plan: SlurmPlan): string[] {
  return [
    "--profile",
    plan.profile,
    "--datasets",
    plan.datasets.join(","),
    ...(plan.work === undefined ? [] : ["--out", plan.work]),
  ];
}

/** Where the submitting side finds things; the script passes shell variables here. */
export interface SubmitPlaces {
  project: string;
  deno: string;
  logs: string;
}

/**
 * `sbatch` arguments of the merge job, which runs after every array task succeeded and is
 * cancelled if one fails (`--kill-on-invalid-dep`).
 *
 * @param plan The sweep.
 * @param arrayJob The array's job id.
 * @param places Project, deno and logs as the submitting shell sees them.
 */
export function mergeSubmitArgs(plan: SlurmPlan, arrayJob: string, places: SubmitPlaces): string[] {
  const m = plan.merge;
  return [
    "--parsable",
    `--dependency=afterok:${arrayJob}`,
    "--kill-on-invalid-dep=yes",
    `--job-name=${plan.jobName}-merge`,
    ...commonDirectives(plan),
    `--cpus-per-task=${m.cpus}`,
    `--mem=${m.memoryGiB}G`,
    `--time=${slurmTime(m.timeSeconds)}`,
    `--output=${places.logs}/${plan.jobName}-merge-%j.out`,
    `--chdir=${places.project}`,
    `--wrap=exec '${places.deno}' task merge ${runFlags(plan).join(" ")}`,
  ];
}

/**
 * `sbatch` arguments that submit the array (the script's own `#SBATCH` lines give the rest).
 *
 * @param script Path of the job script.
 * @param places Project and logs as the submitting shell sees them.
 */
export function arraySubmitArgs(
  plan: SlurmPlan,
  script: string,
  places: SubmitPlaces,
): string[] {
  return [
    "--parsable",
    `--chdir=${places.project}`,
    `--output=${places.logs}/${plan.jobName}-%A_%a.out`,
    script,
  ];
}

function commonDirectives(plan: SlurmPlan): string[] {
  return [
    ...(plan.partition === undefined ? [] : [`--partition=${plan.partition}`]),
    ...(plan.account === undefined ? [] : [`--account=${plan.account}`]),
  ];
}

function hours(seconds: number): string {
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * The job script.
 *
 * @param plan The sweep.
 * @returns Bash with `#SBATCH` lines.
 * @throws {TypeError} when a path or name holds characters the script cannot carry unquoted.
 */
export function slurmScript(plan: SlurmPlan): string {
  for (
    const [name, value] of [
      ["the project path", plan.project],
      ["the deno path", plan.deno],
      ["the logs folder", plan.logs],
      ["--work", plan.work ?? "."],
      ["--job-name", plan.jobName],
      ["--partition", plan.partition ?? "x"],
      ["--account", plan.account ?? "x"],
    ] as const
  ) checkSafe(name, value);
  const t = plan.task;
  const vars: SubmitPlaces = { project: '"$PROJECT"', deno: "$DENO", logs: '"$LOGS"' };
  const quote = (args: string[]) =>
    args.map((a) => a.startsWith("--wrap=") ? `"${a}"` : a).join(" \\\n    ");
  const mergeArgs = mergeSubmitArgs(plan, "$1", vars).map((a) =>
    a.startsWith("--dependency") ? `"${a}"` : a
  );
  const logsRelative = plan.logs.startsWith(`${plan.project}/`)
    ? `"$PROJECT"${plan.logs.slice(plan.project.length)}`
    : `"${plan.logs}"`;
  return `#!/bin/bash
# Sweep of the ${plan.profile} profile: data sets ${plan.datasets.join(", ")}; ${
    plan.cells / plan.datasets.length / plan.seeds
  } models x ${plan.seeds} seed(s):
# ${plan.cells} cells in ${plan.shards} array tasks, then a merge job that writes results.json, the
# analysis, every figure and the report.
# Generated by: ${plan.command}
#
# Submit the array and its merge job (prints both job ids):
#     bash ${plan.script}
# (or: ${plan.command} --submit).
# \`sbatch ${plan.script}\` alone submits only the array; add its merge job with
#     bash ${plan.script} --merge-after ARRAY_JOB_ID
#
# After a failure (a lost node, a time limit, a cancelled task), submit again the same way: every
# task runs with --resume, so finished cells are reused and interrupted ones continue from their
# last per-epoch checkpoint. To rerun only some tasks: sbatch --array=4,7 THIS_SCRIPT, then
# bash THIS_SCRIPT --merge-after ARRAY_JOB_ID.
#
# Each task: ${t.cpus} cores (its wasm threads), ${t.memoryGiB} GiB, at most ${
    slurmTime(t.timeSeconds)
  }: 1.5 x the slowest
# task's estimate of ${hours(t.estimateSeconds)} on one core (no speed-up credited for more cores).
# Cost per cell: ${plan.costSource}.
# Merge job: ${plan.merge.cpus} cores, ${plan.merge.memoryGiB} GiB, at most ${
    slurmTime(plan.merge.timeSeconds)
  }.
#
# File system: the project folder (code, node_modules, cached data sets, and data/ where runs,
# figures and logs go) must be the same path on every node, writable by the jobs. When it is
# not, export before submitting (sbatch passes the environment on):
#   HQC_PROJECT=/shared/checkout   a clone where \`deno install\` and \`deno task data ...\` have run
#   DENO=/shared/bin/deno          a deno binary every node can run
#   DENO_DIR=/shared/deno-cache    Deno's cache, when \$HOME is not shared
#   HQC_LOGS=/shared/logs          where job logs go
#SBATCH --job-name=${plan.jobName}
#SBATCH --array=1-${plan.shards}
#SBATCH --cpus-per-task=${t.cpus}
#SBATCH --mem=${t.memoryGiB}G
#SBATCH --time=${slurmTime(t.timeSeconds)}
#SBATCH --output=${plan.logs}/${plan.jobName}-%A_%a.out
#SBATCH --open-mode=append
#SBATCH --requeue
#SBATCH --chdir=${plan.project}
${commonDirectives(plan).map((d) => `#SBATCH ${d}\n`).join("")}set -euo pipefail
PROJECT="\${HQC_PROJECT:-${plan.project}}"
DENO="\${DENO:-${plan.deno}}"
LOGS="\${HQC_LOGS:-${logsRelative}}"
SHARDS=${plan.shards}

submit_merge() {
  sbatch ${quote(mergeArgs)}
}

if [ -z "\${SLURM_ARRAY_TASK_ID:-}" ]; then
  mkdir -p "$LOGS"
  if [ "\${1:-}" = "--merge-after" ]; then
    merge=$(submit_merge "\${2:?pass the array job id}")
    echo "Submitted merge job \${merge%%;*} (after job $2 succeeds)"
    exit 0
  fi
  array=$(sbatch ${quote(arraySubmitArgs(plan, '"$0"', vars))})
  array=\${array%%;*}
  merge=$(submit_merge "$array")
  echo "Submitted array job $array ($SHARDS tasks) and merge job \${merge%%;*} (after every task succeeds)"
  exit 0
fi

# One array task: shard $SLURM_ARRAY_TASK_ID of $SHARDS, with as many threads as cores.
cd "$PROJECT"
exec "$DENO" task reproduce ${runFlags(plan).join(" ")} --seeds ${plan.seeds} \\
  --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --resume --threads "\${SLURM_CPUS_PER_TASK:-1}"
`;
}
