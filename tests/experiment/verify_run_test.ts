import assert from "node:assert/strict";
import { join } from "node:path";
import { type Profile, PROFILES, runDataset } from "../../lib/experiment/mod.ts";
import { kernelPathOf, type Results, writeJsonAtomic } from "../../lib/results/mod.ts";

/** Smaller than `smoke`, two epochs (only the first is re-trained): seconds per model. */
const TINY: Profile = {
  ...PROFILES.smoke,
  sizes: { ...PROFILES.smoke.sizes, mnist: { train: 128, val: 64, test: 64 } },
  epochs: 2,
  attackCount: 16,
  epsilons: [0, 0.1],
  pgdSteps: 0,
  featureCount: 16,
  sampleCount: 4,
};

let tinyRun: { dir: string; results: Results } | null = null;

/** A finished tiny MNIST run of every model kind, made once for this file. */
async function tiny(): Promise<{ dir: string; results: Results }> {
  if (tinyRun !== null) return tinyRun;
  const dir = await Deno.makeTempDir({ prefix: "hqc-verify-" });
  const results = await runDataset("mnist", { profile: TINY, seeds: 1, outDir: dir });
  tinyRun = { dir, results };
  return tinyRun;
}

/** Runs `deno task verify-published --run DIR` as a user would; returns status and stdout. */
async function verifyCli(dir: string): Promise<{ code: number; out: string }> {
  const { code, stdout } = await new Deno.Command("deno", {
    args: ["task", "-q", "verify-published", "--run", dir],
    stdout: "piped",
    stderr: "inherit",
  }).output();
  return { code, out: new TextDecoder().decode(stdout) };
}

/** A copy of the tiny run with `edit` applied to its results. */
async function tampered(edit: (results: Results) => void): Promise<string> {
  const { results } = await tiny();
  const copy = structuredClone(results);
  edit(copy);
  const dir = await Deno.makeTempDir({ prefix: "hqc-verify-tampered-" });
  await writeJsonAtomic(join(dir, "results.json"), copy);
  return dir;
}

Deno.test({
  name: "deno task verify-published exits 0 when epoch 1 of every model is reproduced",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const { dir, results } = await tiny();
    const { code, out } = await verifyCli(dir);
    assert.equal(code, 0, out);
    const { path, threads, library } = kernelPathOf(results.environment);
    const line = `Kernel path ${path}${library ? ` (${library})` : ""} with ${threads} ` +
      "thread(s), as the run recorded";
    assert.ok(out.includes(line), out);
    for (const kind of ["hybrid", "classical", "control"]) {
      assert.match(out, new RegExp(`${kind} seed 1 epoch 1: all 7 numbers match`));
    }
  },
});

Deno.test({
  name: "deno task verify-published exits 1 naming a tampered number",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    let recorded = 0;
    const dir = await tampered((r) => {
      const epoch = r.models.classical!.runs[0]!.history[0]!;
      recorded = epoch.valAccuracy + 1 / 64;
      epoch.valAccuracy = recorded;
    });
    const { code, out } = await verifyCli(dir);
    assert.equal(code, 1, out);
    assert.match(
      out,
      new RegExp(`classical seed 1 epoch 1: valAccuracy recorded ${recorded}, measured `),
    );
    assert.match(out, /hybrid seed 1 epoch 1: all 7 numbers match/);
    assert.match(out, /NOT verified: classical differ from the record/);
  },
});

Deno.test({
  name: "deno task verify-published refuses in one line a kernel path it cannot run",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await tampered((r) => {
      (r.environment as unknown as Record<string, unknown>).kernelPath = "tpu";
    });
    const { code, out } = await verifyCli(dir);
    assert.equal(code, 3, out);
    const lines = out.trim().split("\n");
    assert.equal(
      lines.at(-1),
      "Cannot verify: the run used the tpu kernel path, which this build cannot run (it has " +
        "native, wasm, cpu): verify on a build and machine that has it",
    );
    assert.equal(lines.length, 2, out);
  },
});
