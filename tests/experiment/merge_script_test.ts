// `deno task merge` as a subprocess (the task's own permissions) on hand-made shard files.
import assert from "node:assert/strict";
import { writeJsonAtomic } from "../../lib/results/mod.ts";
import { loadResults } from "../../lib/results/mod.ts";
import { shardFileName } from "../../lib/experiment/shard.ts";
import { makeResults } from "../results/fixture.ts";
import { splitIntoShards } from "./_shards.ts";

async function runMerge(args: string[]): Promise<{ code: number; log: string }> {
  const { code, stderr } = await new Deno.Command("deno", {
    args: ["task", "merge", ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code, log: new TextDecoder().decode(stderr) };
}

/** Runs `fn` on a fresh output folder under data/ (the task may only write there), then removes it. */
async function inTempOut(fn: (out: string) => Promise<void>): Promise<void> {
  await Deno.mkdir("data", { recursive: true });
  const out = await Deno.makeTempDir({ dir: "data", prefix: "test-merge-" });
  try {
    await fn(out);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
}

Deno.test({
  name: "deno task merge combines shard files and writes figures and the report",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: () =>
    inTempOut(async (out) => {
      const full = makeResults({ dataset: "mnist", seeds: [1, 2] });
      for (const shard of splitIntoShards(full, 4)) {
        await writeJsonAtomic(
          `${out}/runs/paper/mnist/shards/${shardFileName(shard.shard!)}`,
          shard,
        );
      }
      const { code, log } = await runMerge([
        "--profile",
        "paper",
        "--datasets",
        "mnist",
        "--out",
        out,
      ]);
      assert.equal(code, 0, log);
      const merged = await loadResults(`${out}/runs/paper/mnist/results.json`);
      assert.deepEqual(merged.models, full.models);
      const report = await Deno.readTextFile(`${out}/figures/REPORT.md`);
      assert.match(
        report,
        /\| mnist-params \| MNIST \|.*\| 7\.20 % \(hybrid 928, classical 1000 parameters\)/,
      );
      const figures = [];
      for await (const e of Deno.readDir(`${out}/figures/mnist`)) figures.push(e.name);
      assert.ok(figures.includes("fig02a_loss.svg"), figures.join(", "));
    }),
});

Deno.test({
  name: "deno task merge fails clearly on a missing shard",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: () =>
    inTempOut(async (out) => {
      const [first] = splitIntoShards(makeResults({ dataset: "mnist", seeds: [1] }), 2);
      await writeJsonAtomic(`${out}/runs/quick/mnist/shards/1-of-2.json`, first);
      const { code, log } = await runMerge([
        "--profile",
        "quick",
        "--datasets",
        "mnist",
        "--out",
        out,
      ]);
      assert.equal(code, 1);
      assert.match(
        log,
        /Error: Expected every \(model, seed\) of mnist in the shards but found 2 missing \(classical seed 1, frozen seed 1\): run the remaining shards of 2/,
      );
      const bad = await runMerge(["--shard", "1/2"]);
      assert.equal(bad.code, 2);
      assert.match(bad.log, /Error: Expected a flag of --profile/);
      assert.match(bad.log, /Usage: deno task merge/);
    }),
});
