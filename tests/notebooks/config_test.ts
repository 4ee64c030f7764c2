import assert from "node:assert/strict";
import {
  DEFAULT_DATA_DIR,
  DEFAULT_RUNS_DIR,
  notebookConfig,
  runDirFor,
} from "../../lib/notebook/config.ts";

function envOf(values: Record<string, string>): (name: string) => string | undefined {
  return (name) => values[name];
}

Deno.test("notebookConfig() defaults to the quick profile and the repository's data/runs", () => {
  const config = notebookConfig({ env: envOf({}) });
  assert.deepEqual(config, {
    profile: "quick",
    runsDir: DEFAULT_RUNS_DIR,
    dataDir: DEFAULT_DATA_DIR,
    retrain: false,
  });
  assert.ok(DEFAULT_RUNS_DIR.endsWith("/data/runs"));
  const root = DEFAULT_RUNS_DIR.slice(0, -"/data/runs".length);
  assert.ok(Deno.statSync(`${root}/deno.json`).isFile);
});

Deno.test("notebookConfig() reads the profile, runs folder, retrain flag and results path", () => {
  const config = notebookConfig({
    env: envOf({
      HQC_PROFILE: "smoke",
      HQC_RUNS_DIR: "/tmp/runs",
      HQC_DATA_DIR: "/tmp/data",
      HQC_RETRAIN: "1",
      HQC_RESULTS: "/tmp/runs/results.json",
    }),
  });
  assert.deepEqual(config, {
    profile: "smoke",
    runsDir: "/tmp/runs",
    dataDir: "/tmp/data",
    retrain: true,
    resultsPath: "/tmp/runs/results.json",
  });
});

Deno.test("notebookConfig() treats HQC_RETRAIN of 0, false or empty as off", () => {
  for (const value of ["0", "false", "FALSE", ""]) {
    assert.equal(notebookConfig({ env: envOf({ HQC_RETRAIN: value }) }).retrain, false, value);
  }
});

Deno.test("notebookConfig() rejects an unknown profile naming the valid ones", () => {
  assert.throws(
    () => notebookConfig({ env: envOf({ HQC_PROFILE: "huge" }) }),
    (error: unknown) =>
      error instanceof TypeError && /smoke, quick, converged, paper/.test(error.message) &&
      /"huge"/.test(error.message),
  );
});

Deno.test("runDirFor() joins runs folder, profile and data set", () => {
  assert.equal(
    runDirFor({ profile: "paper", runsDir: "/x/runs/" }, "cifar100"),
    "/x/runs/paper/cifar100",
  );
});

Deno.test("notebookConfig() reads HQC_DATASETS as a list of data sets", () => {
  const read = (value: string) =>
    notebookConfig({ env: (name) => ({ HQC_DATASETS: value })[name] });
  assert.deepEqual(read("mnist").datasets, ["mnist"]);
  assert.deepEqual(read(" mnist, stl10 ").datasets, ["mnist", "stl10"]);
  assert.equal(read("").datasets, undefined);
  assert.throws(
    () => read("mnist,svhn"),
    new TypeError(
      'Expected HQC_DATASETS to list mnist, cifar100, stl10 but found "svhn": separate names with commas',
    ),
  );
});
