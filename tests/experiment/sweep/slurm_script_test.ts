// The generated job script: its #SBATCH lines, and what it runs when submitted and when it runs
// as an array task, checked with stand-ins for sbatch and deno that record their arguments.
import assert from "node:assert/strict";
import { MODEL_KINDS } from "../../../lib/results/mod.ts";
import { PROFILES } from "../../../lib/experiment/profiles.ts";
import {
  planSweep,
  recordedEpochCost,
  type SlurmPlan,
  slurmScript,
  slurmTime,
  type SweepOptions,
} from "../../../lib/experiment/sweep/mod.ts";

function plan(overrides: Partial<SweepOptions> = {}): SlurmPlan {
  return planSweep({
    profile: PROFILES.smoke,
    datasets: ["mnist"],
    cost: recordedEpochCost(),
    script: "/p/data/sweep/smoke.slurm.sh",
    project: "/p",
    deno: "/opt/deno",
    logs: "/p/data/sweep/logs",
    command: "deno task sweep --profile smoke --scheduler slurm",
    ...overrides,
  });
}

function directives(script: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of script.matchAll(/^#SBATCH --([a-z-]+)(?:=(.*))?$/gm)) out.set(m[1]!, m[2] ?? "");
  return out;
}

async function bash(args: string[], env: Record<string, string>) {
  const { code, stdout, stderr } = await new Deno.Command("bash", { args, env }).output();
  return {
    code,
    out: new TextDecoder().decode(stdout),
    err: new TextDecoder().decode(stderr),
  };
}

/** A folder with a job script and stand-ins for sbatch and deno that log their arguments. */
async function sandbox(p: SlurmPlan, fn: (dir: string, script: string) => Promise<void>) {
  const dir = await Deno.makeTempDir({ prefix: "hqc-slurm-script-" });
  try {
    const script = `${dir}/job.sh`;
    await Deno.writeTextFile(script, slurmScript({ ...p, project: dir, logs: `${dir}/logs` }));
    await Deno.mkdir(`${dir}/bin`);
    // sbatch: one line of arguments per call (NUL-separated), job ids 41, 42, ...
    await Deno.writeTextFile(
      `${dir}/bin/sbatch`,
      `#!/bin/bash\nn=$(( $(wc -l < "${dir}/sbatch.log" 2>/dev/null || echo 0) + 41 ))\n` +
        `printf '%s\\0' "$@" >> "${dir}/sbatch.log"; echo >> "${dir}/sbatch.log"\necho "$n;local"\n`,
    );
    await Deno.writeTextFile(
      `${dir}/bin/deno`,
      `#!/bin/bash\necho "cwd=$PWD"\nprintf '%s\\n' "$@"\n`,
    );
    await Deno.chmod(`${dir}/bin/sbatch`, 0o755);
    await Deno.chmod(`${dir}/bin/deno`, 0o755);
    await fn(dir, script);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function sbatchCalls(dir: string): Promise<string[][]> {
  const text = await Deno.readTextFile(`${dir}/sbatch.log`);
  return text.split("\n").filter((l) => l !== "").map((l) => l.split("\0").slice(0, -1));
}

Deno.test("slurmScript() maps one array task to each shard with the planned resources", () => {
  const p = plan({ shards: 2, cpus: 1 });
  const d = directives(slurmScript(p));
  assert.equal(d.get("array"), "1-2");
  assert.equal(d.get("cpus-per-task"), "1");
  assert.equal(d.get("mem"), `${p.task.memoryGiB}G`);
  assert.equal(d.get("time"), slurmTime(p.task.timeSeconds));
  assert.equal(d.get("chdir"), "/p");
  assert.equal(d.get("output"), "/p/data/sweep/logs/hqc-smoke-%A_%a.out");
  assert.ok(d.has("requeue"));
  assert.equal(d.has("partition"), false);
  const withPartition = directives(slurmScript(plan({ partition: "cpu", account: "lab1" })));
  assert.equal(withPartition.get("partition"), "cpu");
  assert.equal(withPartition.get("account"), "lab1");
});

Deno.test("slurmScript() writes a script that bash parses", async () => {
  const dir = await Deno.makeTempDir({ prefix: "hqc-slurm-syntax-" });
  try {
    for (const p of [plan(), plan({ profile: PROFILES.paper, work: "data/sweep-out" })]) {
      await Deno.writeTextFile(`${dir}/job.sh`, slurmScript(p));
      const { code, err } = await bash(["-n", `${dir}/job.sh`], {});
      assert.equal(code, 0, err);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the job script run by bash submits the array, then the merge job after it", async () => {
  await sandbox(plan({ shards: MODEL_KINDS.length }), async (dir, script) => {
    const { code, out, err } = await bash([script], { PATH: `${dir}/bin:/usr/bin:/bin` });
    assert.equal(code, 0, err);
    assert.equal(
      out.trim(),
      `Submitted array job 41 (${MODEL_KINDS.length} tasks) and merge job 42 (after every task succeeds)`,
    );
    const [array, merge] = await sbatchCalls(dir);
    assert.deepEqual(array, [
      "--parsable",
      `--chdir=${dir}`,
      `--output=${dir}/logs/hqc-smoke-%A_%a.out`,
      script,
    ]);
    assert.deepEqual(merge, [
      "--parsable",
      "--dependency=afterok:41",
      "--kill-on-invalid-dep=yes",
      "--job-name=hqc-smoke-merge",
      "--cpus-per-task=2",
      "--mem=2G",
      "--time=00:30:00",
      `--output=${dir}/logs/hqc-smoke-merge-%j.out`,
      `--chdir=${dir}`,
      "--wrap=exec '/opt/deno' task merge --profile smoke --datasets mnist",
    ]);
  });
});

Deno.test("the job script adds a merge job after a given array with --merge-after", async () => {
  await sandbox(plan({ work: "data/elsewhere" }), async (dir, script) => {
    const { code, out, err } = await bash([script, "--merge-after", "7"], {
      PATH: `${dir}/bin:/usr/bin:/bin`,
      DENO: "/shared/deno",
    });
    assert.equal(code, 0, err);
    assert.equal(out.trim(), "Submitted merge job 41 (after job 7 succeeds)");
    const [merge] = await sbatchCalls(dir);
    assert.ok(merge!.includes("--dependency=afterok:7"), merge!.join(" "));
    assert.equal(
      merge!.at(-1),
      "--wrap=exec '/shared/deno' task merge --profile smoke --datasets mnist --out data/elsewhere",
    );
  });
});

Deno.test("an array task runs its shard with --resume and as many threads as cores", async () => {
  await sandbox(plan({ shards: 3 }), async (dir, script) => {
    const { code, out, err } = await bash([script], {
      PATH: "/usr/bin:/bin",
      DENO: `${dir}/bin/deno`,
      SLURM_JOB_ID: "50",
      SLURM_ARRAY_TASK_ID: "2",
      SLURM_CPUS_PER_TASK: "3",
    });
    assert.equal(code, 0, err);
    assert.deepEqual(out.trim().split("\n"), [
      `cwd=${dir}`,
      ..."task reproduce --profile smoke --datasets mnist --seeds 1".split(" "),
      ..."--shard 2/3 --resume --threads 3".split(" "),
    ]);
  });
});

Deno.test("slurmScript() refuses paths the script cannot carry unquoted", () => {
  assert.throws(() => slurmScript(plan({ project: "/my project" })), {
    name: "TypeError",
    message: 'Expected the project path to hold only letters, digits and _@%+=:,./- but found "' +
      '/my project": use a path without spaces or shell characters',
  });
});

Deno.test("planSweep() puts one cell in each task by default and refuses more tasks than cells", () => {
  assert.equal(plan().shards, MODEL_KINDS.length);
  assert.equal(
    plan({ profile: PROFILES.paper, datasets: ["mnist", "stl10"] }).shards,
    6 * MODEL_KINDS.length,
  );
  const n = MODEL_KINDS.length;
  assert.throws(() => plan({ shards: n + 1 }), {
    name: "RangeError",
    message: `Expected --shards between 1 and ${n} (the cells of the grid) but found ${n + 1}: ` +
      "one task per cell is the most there can be",
  });
  assert.throws(() => plan({ cpus: 0 }), {
    name: "RangeError",
    message:
      "Expected --cpus-per-task to be a whole number >= 1 but found 0: e.g. --cpus-per-task 4",
  });
});
