import assert from "node:assert/strict";
import { loadResults, ResultsFormatError, validateResults } from "../../lib/results/mod.ts";
import { writeJsonAtomic } from "../../lib/results/mod.ts";
import { makeResults } from "./fixture.ts";

Deno.test("loadResults() reads back a valid file unchanged", async () => {
  const dir = await Deno.makeTempDir();
  const results = makeResults();
  await writeJsonAtomic(`${dir}/results.json`, results);
  assert.deepEqual(await loadResults(`${dir}/results.json`), results);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadResults() names the file, expected and found version for another version", async () => {
  const dir = await Deno.makeTempDir();
  const file = `${dir}/results.json`;
  await writeJsonAtomic(file, { ...makeResults(), version: 7 });
  await assert.rejects(() => loadResults(file), {
    name: "ResultsFormatError",
    message: `Expected results version 2 in ${file} but found version 7: rerun the experiment ` +
      "with this release or read the file with the release that wrote it",
  });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadResults() reports a truncated file as damaged JSON", async () => {
  const dir = await Deno.makeTempDir();
  const file = `${dir}/results.json`;
  const text = JSON.stringify(makeResults());
  await Deno.writeTextFile(file, text.slice(0, text.length / 2));
  const error = await loadResults(file).catch((e) => e);
  assert.ok(error instanceof ResultsFormatError);
  assert.equal(error.path, file);
  assert.match(
    error.message,
    new RegExp(`^Expected valid JSON in ${file} but found a damaged file`),
  );
  assert.match(error.message, /: delete it and rerun the experiment$/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadResults() reports a missing file with the command that creates it", async () => {
  await assert.rejects(() => loadResults("/tmp/hqc-no-such-dir/results.json"), {
    name: "ResultsFormatError",
    message: "Expected a results file at /tmp/hqc-no-such-dir/results.json but found none: " +
      "run `deno task reproduce` first",
  });
});

Deno.test("validateResults() names the field of a wrong shape", () => {
  const results = makeResults() as unknown as { models: { hybrid: { runs: { test: unknown }[] } } };
  results.models.hybrid.runs[1]!.test = { accuracy: "high" };
  assert.throws(() => validateResults(results, "x.json"), {
    name: "ResultsFormatError",
    message:
      "Expected models.hybrid.runs.1.test.accuracy in x.json to be a finite number in [0, 1] but found the " +
      'string "high": the file is damaged or incomplete, rerun the experiment',
  });
});

Deno.test("validateResults() rejects an unknown profile and a missing environment", () => {
  assert.throws(
    () => validateResults({ ...makeResults(), profile: "fast" }, "y.json"),
    /Expected profile in y\.json to be one of smoke, quick, converged, paper but found the string "fast"/,
  );
  const noEnv: Record<string, unknown> = { ...makeResults() };
  delete noEnv.environment;
  assert.throws(
    () => validateResults(noEnv, "z.json"),
    /Expected environment in z\.json to be an object but found nothing/,
  );
});

Deno.test("validateResults() refuses a ragged confusion matrix, a string loss and a null (NaN) metric", () => {
  // deno-lint-ignore no-explicit-any
  const cases: [(r: any) => void, RegExp][] = [
    [
      (r) => r.models.hybrid.runs[0].test.confusion[2].pop(),
      /^Expected models\.hybrid\.runs\.0\.test\.confusion\.2 in r\.json to be an array of 3 elements but found an array of 2 elements: /,
    ],
    [
      (r) => (r.models.hybrid.runs[0].history[0].trainLoss = "abc"),
      /^Expected models\.hybrid\.runs\.0\.history\.0\.trainLoss in r\.json to be a finite number >= 0 but found the string "abc"/,
    ],
    [
      (r) => (r.models.classical.runs[0].history[0].valLoss = null),
      /^Expected models\.classical\.runs\.0\.history\.0\.valLoss in r\.json to be a finite number >= 0 but found null/,
    ],
    [
      (r) => r.models.hybrid.runs[0].features.values[1].push(0.5),
      /^Expected models\.hybrid\.runs\.0\.features\.values\.1 in r\.json to be a row of \d+ features like the first/,
    ],
  ];
  for (const [damage, message] of cases) {
    const r = JSON.parse(JSON.stringify(makeResults()));
    damage(r);
    assert.throws(() => validateResults(r, "r.json"), { name: "ResultsFormatError", message });
  }
});
