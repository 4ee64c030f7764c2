import assert from "node:assert/strict";
import { outputPaths, parseCli } from "../../lib/experiment/cli.ts";

Deno.test("parseCli() defaults to the quick profile, every data set and wasm", () => {
  assert.deepEqual(parseCli([]), {
    profile: "quick",
    datasets: ["mnist", "cifar100", "stl10"],
    seeds: undefined,
    shard: undefined,
    resume: false,
    estimate: false,
    out: undefined,
    backend: "wasm",
    jobs: undefined,
    threads: undefined,
    help: false,
  });
});

Deno.test("parseCli() reads every flag in both spellings", () => {
  const o = parseCli([
    "--profile=smoke",
    "--datasets",
    "stl10,mnist",
    "--seeds",
    "3",
    "--shard=2/5",
    "--resume",
    "--estimate",
    "--out",
    "data/x",
    "--backend",
    "cpu",
  ]);
  assert.deepEqual(o, {
    profile: "smoke",
    datasets: ["stl10", "mnist"],
    seeds: 3,
    shard: { index: 2, count: 5 },
    resume: true,
    estimate: true,
    out: "data/x",
    backend: "cpu",
    jobs: undefined,
    threads: undefined,
    help: false,
  });
});

Deno.test("parseCli() rejects an unknown flag and names the allowed ones", () => {
  assert.throws(() => parseCli(["--epochs", "3"]), {
    name: "TypeError",
    message:
      "Expected a flag of --profile, --datasets, --seeds, --shard, --out, --circuit, --backend, " +
      '--resume, --jobs, --threads, --estimate, --help but found "--epochs": see deno task reproduce --help',
  });
});

Deno.test("parseCli() rejects bad values with what to pass", () => {
  assert.throws(() => parseCli(["--profile", "full"]), {
    name: "TypeError",
    message:
      'Expected --profile to be one of smoke, quick, converged, paper but found "full": pick one of those',
  });
  assert.throws(() => parseCli(["--datasets", "mnist,imagenet"]), {
    name: "TypeError",
    message: 'Expected --datasets to list mnist, cifar100, stl10 but found "imagenet": ' +
      "separate names with commas",
  });
  assert.throws(() => parseCli(["--seeds", "0"]), {
    name: "RangeError",
    message: 'Expected --seeds to be a whole number >= 1 but found "0": e.g. --seeds 3',
  });
  assert.throws(() => parseCli(["--shard", "4/3"]), RangeError);
  assert.throws(() => parseCli(["--seeds"]), {
    name: "TypeError",
    message: "Expected a value after --seeds but found none: e.g. --seeds 3",
  });
  assert.throws(() => parseCli(["--resume=yes"]), TypeError);
});

Deno.test("parseCli() for merge refuses training flags", () => {
  assert.throws(
    () => parseCli(["--shard", "1/2"], "merge"),
    /^TypeError: Expected a flag of --profile, --datasets, --out, --circuit, --help but found "--shard"/,
  );
  assert.equal(parseCli(["--profile", "paper"], "merge").profile, "paper");
});

Deno.test("outputPaths() maps --out to runs and figures below it", () => {
  assert.deepEqual(outputPaths(), { runsRoot: "data/runs", figuresRoot: "figures" });
  assert.deepEqual(outputPaths("data/t"), {
    runsRoot: "data/t/runs",
    figuresRoot: "data/t/figures",
  });
});

Deno.test("parseCli() reads --jobs and --threads as whole numbers", () => {
  const options = parseCli(["--jobs", "2", "--threads=3"]);
  assert.equal(options.jobs, 2);
  assert.equal(options.threads, 3);
  assert.throws(() => parseCli(["--jobs", "0"]), {
    name: "RangeError",
    message: 'Expected --jobs to be a whole number >= 1 but found "0": e.g. --jobs 4',
  });
  assert.throws(() => parseCli(["--threads", "1.5"]), {
    name: "RangeError",
    message: 'Expected --threads to be a whole number >= 1 but found "1.5": e.g. --threads 2',
  });
});

Deno.test("parseCli() refuses --jobs together with --shard", () => {
  assert.throws(() => parseCli(["--jobs", "2", "--shard", "1/2"]), {
    name: "TypeError",
    message: "Expected either --jobs or --shard but found both: --jobs N runs all N shards itself",
  });
});

Deno.test("parseCli() reads --circuit for reproduce and merge", () => {
  assert.equal(parseCli(["--circuit", "my.qasm"]).circuit, "my.qasm");
  assert.equal(parseCli(["--circuit=c.json"], "merge").circuit, "c.json");
  assert.equal("circuit" in parseCli([]), false);
  assert.throws(
    () => parseCli(["--circuit"]),
    /^TypeError: Expected a value after --circuit but found none: e.g. --circuit my_circuit.qasm/,
  );
});

Deno.test("outputPaths() puts a circuit's figures and report under circuit-<hash>", () => {
  assert.deepEqual(outputPaths(undefined, "0123456789ab"), {
    runsRoot: "data/runs",
    figuresRoot: "figures/circuit-0123456789ab",
  });
  assert.deepEqual(
    outputPaths("data/t", "0123456789ab").figuresRoot,
    "data/t/figures/circuit-0123456789ab",
  );
});
