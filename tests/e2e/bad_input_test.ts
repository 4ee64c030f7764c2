// Scripts on damaged or hostile input, run as `deno task ...` in a subprocess (the tasks' own,
// least-privilege permissions), in a temporary folder under data/: one clear line, exit code 1,
// never a stack trace; a damaged analysis.json is recomputed.
import assert from "node:assert/strict";
import { fixtureResults } from "../results/fixture.ts";

interface Outcome {
  code: number;
  stderr: string;
}

async function task(...args: string[]): Promise<Outcome> {
  const output = await new Deno.Command("deno", {
    args: ["task", "--quiet", ...args],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  return { code: output.code, stderr: new TextDecoder().decode(output.stderr).trim() };
}

/** A temporary run folder under data/ holding results.json as `text`. */
async function runDir(text: string, fn: (dir: string) => Promise<void>): Promise<void> {
  await Deno.mkdir("data", { recursive: true });
  const dir = await Deno.makeTempDir({ dir: "data", prefix: ".bad-input-" });
  try {
    await Deno.writeTextFile(`${dir}/results.json`, text);
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

function assertOneLine({ code, stderr }: Outcome, message: RegExp): void {
  assert.equal(code, 1, stderr);
  const lines = stderr.split("\n").filter((l) => !/^Task /.test(l));
  assert.equal(lines.length, 1, stderr);
  assert.doesNotMatch(stderr, /Uncaught|\n\s+at /);
  assert.match(lines[0]!, message);
}

const valid = JSON.stringify(fixtureResults("mnist"));

Deno.test("deno task figures prints one line and exits 1 on a truncated, ragged or mistyped results.json", async () => {
  const ragged = JSON.parse(valid);
  ragged.models.hybrid.runs[0].test.confusion[1].pop();
  const mistyped = JSON.parse(valid);
  mistyped.models.classical.runs[0].history[0].trainLoss = "abc";
  const cases: [string, RegExp][] = [
    [
      valid.slice(0, 500),
      /^Error: Expected valid JSON in .*results\.json but found a damaged file/,
    ],
    [
      JSON.stringify(ragged),
      /^Error: Expected models\.hybrid\.runs\.0\.test\.confusion\.1 in .*results\.json to be an array of 10 elements but found an array of 9 elements/,
    ],
    [
      JSON.stringify(mistyped),
      /^Error: Expected models\.classical\.runs\.0\.history\.0\.trainLoss in .*results\.json to be a finite number >= 0 but found the string "abc"/,
    ],
  ];
  for (const [text, message] of cases) {
    await runDir(text, async (dir) => {
      assertOneLine(
        await task("figures", "--run", dir, "--out", `${dir}/figures`, "--no-png"),
        message,
      );
    });
  }
});

Deno.test("deno task figures recomputes a truncated analysis.json, saying so", async () => {
  await runDir(valid, async (dir) => {
    await Deno.writeTextFile(`${dir}/analysis.json`, '{"version": 1, "models": {"hyb');
    const { code, stderr } = await task(
      "figures",
      "--run",
      dir,
      "--out",
      `${dir}/figures`,
      "--no-png",
    );
    assert.equal(code, 0, stderr);
    assert.match(stderr, /analysis\.json .*recomputing/);
    JSON.parse(await Deno.readTextFile(`${dir}/analysis.json`));
  });
});

Deno.test("deno task data prints one line and exits 1 for a file: URL or an escaping --url", async () => {
  assertOneLine(
    await task("data", "cifar100", "--url", "file:///etc/hostname"),
    /^Error: Expected an https URL but found the file: scheme in file:\/\/\/etc\/hostname/,
  );
});
