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

import {
  type CommandSpec,
  numberOption,
  parseCommand,
  runMain,
  UsageError,
  usageText,
} from "../lib/cli/mod.ts";
import { PROFILES } from "../lib/experiment/profiles.ts";
import {
  DATASET_NAMES,
  type DatasetName,
  PROFILE_NAMES,
  type ProfileName,
  writeFileAtomic,
} from "../lib/results/mod.ts";
import {
  arraySubmitArgs,
  loadEpochCost,
  mergeSubmitArgs,
  planSweep,
  type SlurmPlan,
  slurmScript,
  slurmTime,
} from "../lib/experiment/sweep/mod.ts";

/** The command line of `deno task sweep`. */
export const SWEEP_COMMAND = {
  name: "sweep",
  summary: "Writes a Slurm job script: an array of `deno task reproduce --shard k/N --resume` " +
    "tasks and a merge job (merge, analysis, figures, report) that runs after all of them succeed.",
  options: {
    scheduler: {
      type: "string",
      valueName: "slurm",
      example: "slurm",
      description: "the scheduler (others: the README's contract)",
    },
    profile: {
      type: "string",
      valueName: PROFILE_NAMES.join("|"),
      example: "paper",
      description: "run size (default quick)",
    },
    datasets: {
      type: "string",
      valueName: DATASET_NAMES.join(","),
      example: "mnist,stl10",
      description: "data sets (default all)",
    },
    seeds: {
      type: "string",
      valueName: "N",
      example: "3",
      description: "seeds per model (default: the profile's)",
    },
    shards: {
      type: "string",
      valueName: "N",
      example: "9",
      description: "array tasks (default: one per cell)",
    },
    "cpus-per-task": {
      type: "string",
      valueName: "N",
      example: "4",
      description: "cores per task, used as its wasm threads (default 4)",
    },
    mem: {
      type: "string",
      valueName: "GiB",
      example: "8",
      description: "memory per task (default: estimated from the profile)",
    },
    time: {
      type: "string",
      valueName: "HH:MM:SS",
      example: "04:00:00",
      description: "time limit per task (default: estimated from bench epoch)",
    },
    partition: { type: "string", valueName: "P", description: "passed to sbatch" },
    account: { type: "string", valueName: "A", description: "passed to sbatch" },
    "job-name": { type: "string", valueName: "NAME", description: "default hqc-<profile>" },
    work: {
      type: "string",
      valueName: "DIR",
      example: "data/sweep-paper",
      description: "runs, figures and logs under DIR, inside data/ (default data/runs, figures)",
    },
    out: {
      type: "string",
      valueName: "FILE",
      example: "data/sweep/paper.slurm.sh",
      description: "the script (default data/sweep/<profile>.slurm.sh)",
    },
    submit: {
      type: "boolean",
      description: "also submit the array and the merge job; prints their ids",
    },
  },
} as const satisfies CommandSpec;

function fail(message: string): never {
  throw new UsageError(message);
}

function whole(name: string, text: string | undefined): number | undefined {
  return text === undefined ? undefined : numberOption(text, name, { fallback: 4, min: 1 });
}

function parseTime(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+):(\d\d):(\d\d)$/.exec(text);
  if (match === null) {
    fail(`Expected --time as HH:MM:SS but found "${text}": e.g. --time 04:00:00`);
  }
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
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
  const { values, help } = parseCommand(args, SWEEP_COMMAND);
  if (help) {
    console.log(usageText(SWEEP_COMMAND));
    return;
  }
  if (values.scheduler !== "slurm") {
    fail(
      `Expected --scheduler slurm but found ${
        values.scheduler === undefined ? "none" : `"${values.scheduler}"`
      }: other schedulers follow the contract in the README (shard index and count in, merge at the end)`,
    );
  }
  const profileName = values.profile ?? "quick";
  if (!(PROFILE_NAMES as readonly string[]).includes(profileName)) {
    fail(
      `Expected --profile to be one of ${
        PROFILE_NAMES.join(", ")
      } but found "${profileName}": pick one of those`,
    );
  }
  const profile = PROFILES[profileName as ProfileName];
  const datasets = [
    ...new Set((values.datasets ?? DATASET_NAMES.join(",")).split(",").map((d) => d.trim())),
  ];
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
    // The jobs find deno on the PATH that sbatch passes on; DENO=... in the script overrides it.
    deno: "deno",
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
  await runMain(main, { spec: SWEEP_COMMAND });
}
