// `deno task sweep` as a subprocess (the task's own permissions): the script it writes and its
// errors.
import assert from "node:assert/strict";
import { MODEL_KINDS } from "../../../lib/results/mod.ts";

async function sweep(args: string[]): Promise<{ code: number; out: string; log: string }> {
  const { code, stdout, stderr } = await new Deno.Command("deno", {
    args: ["task", "sweep", ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code, out: decode(stdout), log: decode(stderr) };
}

Deno.test({
  name:
    "deno task sweep --profile paper writes a one-task-per-cell array script without submitting",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    await Deno.mkdir("data", { recursive: true });
    const dir = await Deno.makeTempDir({ dir: "data", prefix: "test-sweep-script-" });
    try {
      const file = `${dir}/paper.sh`;
      const { code, out, log } = await sweep([
        ...["--scheduler", "slurm", "--profile", "paper", "--out", file, "--partition", "cpu"],
      ]);
      assert.equal(code, 0, log);
      assert.equal(out, "");
      const cells = 3 * MODEL_KINDS.length * 3;
      assert.match(log, new RegExp(`${cells} cells in ${cells} array tasks of 4 cores, \\d+ GiB`));
      const script = await Deno.readTextFile(file);
      assert.match(script, /^#!\/bin\/bash\n/);
      assert.ok(script.includes(`\n#SBATCH --array=1-${cells}\n`));
      assert.match(script, /\n#SBATCH --partition=cpu\n/);
      assert.match(script, /--profile paper --datasets mnist,cifar100,stl10 --seeds 3/);
      assert.equal((await Deno.stat(file)).mode! & 0o111, 0o111);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "deno task sweep explains a missing or unknown scheduler and bad values",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const none = await sweep(["--profile", "smoke"]);
    assert.equal(none.code, 2);
    assert.match(
      none.log,
      /^Error: Expected --scheduler slurm but found none: other schedulers follow the contract/m,
    );
    assert.match(none.log, /Usage: deno task sweep \[flags\]/);
    const time = await sweep(["--scheduler", "slurm", "--time", "4h"]);
    assert.equal(time.code, 2);
    assert.match(
      time.log,
      /Error: Expected --time as HH:MM:SS but found "4h": e\.g\. --time 04:00:00/,
    );
    const work = await sweep(["--scheduler", "slurm", "--work", "/tmp/elsewhere"]);
    assert.equal(work.code, 2);
    assert.match(work.log, /Error: Expected --work to be a folder under data\/ but found/);
  },
});
