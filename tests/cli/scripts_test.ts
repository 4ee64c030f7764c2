// Every script fails on bad input with one clear line on stderr and exit code 1 or 2, never an
// "Uncaught (in promise)" stack trace.
import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url).pathname;

async function task(args: string[]): Promise<{ code: number; lines: string[] }> {
  const { code, stderr } = await new Deno.Command("deno", {
    args: ["task", "--quiet", ...args],
    cwd: ROOT,
    stdout: "null",
    stderr: "piped",
  }).output();
  const lines = new TextDecoder().decode(stderr).split("\n").filter((l) => l.trim() !== "");
  return { code, lines };
}

Deno.test({
  name: "deno task figures --run <damaged results.json> prints one error line and exits 1",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "hqc-figures-" });
    try {
      await Deno.writeTextFile(`${dir}/results.json`, '{"schemaVersion": 1, "dataset": {');
      const { code, lines } = await task(["figures", "--run", dir, "--out", `${dir}/figures`]);
      assert.equal(code, 1, lines.join("\n"));
      assert.equal(lines.length, 1, lines.join("\n"));
      assert.match(lines[0]!, /^Error: .*results\.json/);
      assert.doesNotMatch(lines[0]!, /Uncaught/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "deno task figures --seed x prints the error and the usage and exits 2",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const { code, lines } = await task(["figures", "--seed", "x"]);
    assert.equal(code, 2, lines.join("\n"));
    assert.equal(lines[0], 'Error: Expected --seed to be an integer but found "x": e.g. --seed 0');
    assert.match(lines[1]!, /^Usage: deno task figures/);
  },
});
