// End to end: the smoke sweep (MNIST's three cells) run three ways must give the same results
// as one process: `deno task reproduce --jobs 2`, and a real Slurm array with its merge job
// (`deno task sweep --scheduler slurm --submit`). Everything is written under a temporary
// folder in data/ (the tasks may only write there).
import assert from "node:assert/strict";
import { loadResults, MODEL_KINDS, type Results } from "../../lib/results/mod.ts";
import { deterministicPart } from "../experiment/sweep/_deterministic.ts";
import { slurmTest } from "../experiment/sweep/_slurm_gate.ts";

const PROFILE = "smoke";
const DATASETS = "mnist";
/** The longest the Slurm jobs may take, queueing included (a 2-core machine, other load). */
const SLURM_BOUND_MS = 20 * 60_000;
const POLL_MS = 2000;
/** One array task per cell: one data set, one seed. */
const TASKS = MODEL_KINDS.length;

async function deno(args: string[]): Promise<{ code: number; out: string; log: string }> {
  const { code, stdout, stderr } = await new Deno.Command("deno", {
    args,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code, out: decode(stdout), log: decode(stderr) };
}

async function run(command: string, args: string[]): Promise<string> {
  const { code, stdout, stderr } = await new Deno.Command(command, {
    args,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(stdout);
  if (code !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed: ${new TextDecoder().decode(stderr)}`);
  }
  return text;
}

const results = (out: string) => loadResults(`${out}/runs/${PROFILE}/${DATASETS}/results.json`);

/** A single-process run of the same seeds, made once for every test in this file. */
let reference: Promise<Results> | undefined;
const folders: string[] = [];

async function tempOut(prefix: string): Promise<string> {
  await Deno.mkdir("data", { recursive: true });
  const dir = await Deno.makeTempDir({ dir: "data", prefix });
  folders.push(dir);
  return dir;
}

function singleProcess(): Promise<Results> {
  reference ??= (async () => {
    const out = await tempOut("test-sweep-reference-");
    const { code, log } = await deno([
      ...["task", "reproduce", "--profile", PROFILE, "--datasets", DATASETS, "--out", out],
      // One thread, as each shard below has: sharding must not change a number. (Across thread
      // counts the native BLAS path does not promise identical sums.)
      ...["--threads", "1"],
    ]);
    assert.equal(code, 0, log.slice(-4000));
    return await results(out);
  })();
  return reference;
}

function assertSameNumbers(actual: Results, expected: Results): void {
  const a = deterministicPart(actual), e = deterministicPart(expected);
  assert.equal(Object.keys(actual.models).length, MODEL_KINDS.length);
  assert.ok(actual.models.hybrid!.runs[0]!.history.length > 0);
  assert.deepEqual(a, e);
}

Deno.test({
  name:
    "deno task reproduce --jobs 2 runs two shard processes and merges the single-process results",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const expected = await singleProcess();
    const out = await tempOut("test-sweep-jobs-");
    const { code, log } = await deno([
      ...["task", "reproduce", "--profile", PROFILE, "--datasets", DATASETS],
      ...["--jobs", "2", "--out", out],
    ]);
    assert.equal(code, 0, log.slice(-4000));
    const cores = navigator.hardwareConcurrency;
    const threads = Math.max(1, Math.floor(cores / 2));
    assert.match(
      log,
      new RegExp(`in 2 parallel processes x ${threads} thread\\(s\\) \\(${cores} cores`),
    );
    // One combined display: both jobs on one line.
    assert.match(log, /\] #1 mnist .* \| #2 mnist .* \| elapsed /);
    assert.match(log, /Merged the 2 shards of mnist/);
    const merged = await results(out);
    assert.equal(merged.environment.threads, threads);
    assertSameNumbers(merged, expected);
    assert.ok((await Deno.stat(`${out}/figures/REPORT.md`)).isFile);
  },
});

/** Job states by id, from scontrol (which works without an accounting database). */
async function jobStates(ids: string[]): Promise<Map<string, string>> {
  const states = new Map<string, string>();
  for (const id of ids) {
    const text = await run("scontrol", ["show", "job", "-o", id]);
    for (const line of text.split("\n").filter((l) => l !== "")) {
      const job = /JobId=(\d+)/.exec(line)?.[1];
      const task = /ArrayTaskId=(\d+)/.exec(line)?.[1];
      const state = /JobState=(\S+)/.exec(line)?.[1] ?? "?";
      states.set(task === undefined ? job! : `${id}_${task}`, state);
    }
  }
  return states;
}

/** sacct's lines for the jobs: the accounting database if there is one, else the completion log. */
async function sacctLines(ids: string[], jobName: string): Promise<string> {
  try {
    const format = "JobID,JobName%30,State,ExitCode,Elapsed,AllocCPUS";
    return await run("sacct", ["-j", ids.join(","), "-o", format]);
  } catch {
    // The completion log lists array tasks by their own job ids: select them by name.
    const format = "JobID,JobName%30,State,ExitCode,Elapsed,NCPUS";
    const text = await run("sacct", ["--completion", "-o", format]).catch((e) => String(e));
    return text.split("\n").filter((l, i) => i < 2 || l.includes(jobName)).join("\n");
  }
}

async function logTails(dir: string): Promise<string> {
  const parts: string[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      parts.push(`--- ${e.name}\n${(await Deno.readTextFile(`${dir}/${e.name}`)).slice(-1500)}`);
    }
  } catch (error) {
    parts.push(String(error));
  }
  return parts.join("\n");
}

slurmTest(
  "deno task sweep --scheduler slurm --submit runs a real array and merge job equal to one process",
  async () => {
    const expected = await singleProcess();
    const work = await tempOut("test-sweep-slurm-");
    const jobName = `hqc-test-${work.slice(-6).replace(/[^A-Za-z0-9]/g, "")}`;
    const sweep = await deno([
      ...["task", "sweep", "--scheduler", "slurm", "--profile", PROFILE, "--datasets", DATASETS],
      ...["--cpus-per-task", "1", "--work", work, "--out", `${work}/sweep.slurm.sh`],
      ...["--job-name", jobName, "--submit"],
    ]);
    assert.equal(sweep.code, 0, sweep.log);
    const ids = new RegExp(`Submitted array job (\\d+) \\(${TASKS} tasks\\) and merge job (\\d+)`)
      .exec(sweep.out);
    assert.ok(ids !== null, sweep.out + sweep.log);
    const [array, merge] = [ids[1]!, ids[2]!];
    const script = await Deno.readTextFile(`${work}/sweep.slurm.sh`);
    assert.ok(script.includes(`#SBATCH --array=1-${MODEL_KINDS.length}\n`));

    const seen = await waitFor(array, merge, `${work}/logs`);
    const accounting = await sacctLines([array, merge], jobName);
    console.log(`squeue while running:\n${seen.join("\n--\n")}\nsacct:\n${accounting}`);
    await assertCompleted(array, merge, `${work}/logs`);
    const merged = await results(work);
    assert.equal(merged.environment.threads, 1);
    assertSameNumbers(merged, expected);
    assert.ok((await Deno.stat(`${work}/figures/REPORT.md`)).isFile);
    assert.ok((await Deno.stat(`${work}/runs/${PROFILE}/${DATASETS}/analysis.json`)).isFile);

    // Submitting again (as after a failure) resumes: every task reuses its finished cell.
    const again = await new Deno.Command("bash", { args: [`${work}/sweep.slurm.sh`] }).output();
    const text = new TextDecoder().decode(again.stdout);
    assert.equal(again.code, 0, new TextDecoder().decode(again.stderr));
    const ids2 = new RegExp(`Submitted array job (\\d+) \\(${TASKS} tasks\\) and merge job (\\d+)`)
      .exec(text);
    assert.ok(ids2 !== null, text);
    await waitFor(ids2[1]!, ids2[2]!, `${work}/logs`);
    await assertCompleted(ids2[1]!, ids2[2]!, `${work}/logs`);
    for (let task = 1; task <= TASKS; task++) {
      const log = await Deno.readTextFile(`${work}/logs/${jobName}-${ids2[1]}_${task}.out`);
      assert.match(log, /reused finished cell/, log);
    }
    assertSameNumbers(await results(work), expected);
  },
);

/** Waits (bounded) until both jobs left the queue; returns squeue's output at each state change. */
async function waitFor(array: string, merge: string, logs: string): Promise<string[]> {
  const seen: string[] = [];
  let states = "";
  const deadline = Date.now() + SLURM_BOUND_MS;
  while (true) {
    const queue = await run("squeue", ["-j", `${array},${merge}`, "-o", "%i %j %T %M %R"]);
    const lines = queue.trim().split("\n").slice(1).join("\n");
    const now = lines.replace(/ \S+ (\S+)$/gm, " $1");
    if (lines !== "" && now !== states) seen.push(queue.trim());
    states = now;
    if (lines === "") return seen;
    if (Date.now() > deadline) {
      await run("scancel", [array, merge]).catch(() => "");
      assert.fail(
        `Expected the jobs to finish within ${SLURM_BOUND_MS / 60_000} minutes but they are ` +
          `still queued:\n${lines}\n${await logTails(logs)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function assertCompleted(array: string, merge: string, logs: string): Promise<void> {
  assert.deepEqual(
    [...(await jobStates([array, merge])).entries()].sort(),
    [
      ...Array.from({ length: TASKS }, (_, i) => [`${array}_${i + 1}`, "COMPLETED"]),
      [merge, "COMPLETED"],
    ],
    await logTails(logs),
  );
}

Deno.test({
  name: "sweep tests clean up their folders",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    for (const dir of folders.splice(0)) await Deno.remove(dir, { recursive: true });
  },
});
