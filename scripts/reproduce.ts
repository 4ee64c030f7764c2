/**
 * `deno task reproduce [--profile smoke|quick|converged|paper] [--datasets mnist,cifar100,stl10]
 * [--seeds N] [--shard k/N | --jobs N] [--threads N] [--resume] [--estimate] [--out DIR]
 * [--backend wasm|cpu]
 * [--circuit FILE]`
 *
 * Runs every experiment of the grid (or one shard of it, or all shards as `--jobs N` parallel
 * processes that are merged at the end), then analysis, every figure and the claims report;
 * prints progress with an estimate of the time left and, at the end, the measured total time.
 *
 * @module
 */

import { type DatasetName, MODEL_KINDS } from "../lib/results/mod.ts";
import {
  describeRunCost,
  experimentGrid,
  type ExperimentProgress,
  formatSeconds,
  GridTracker,
  PROFILES,
  runDataset,
  seedList,
  shardCells,
} from "../lib/experiment/mod.ts";
import {
  type CliOptions,
  outputPaths,
  parseCli,
  REPRODUCE_COMMAND,
  usage,
} from "../lib/experiment/cli.ts";
import { runMain } from "../lib/cli/mod.ts";
import { finishRun } from "../lib/experiment/pipeline.ts";
import { mergeRunDir } from "../lib/experiment/merge.ts";
import {
  CombinedProgress,
  describeProgress,
  jsonProgressWriter,
  PROGRESS_ENV,
  runShardsInParallel,
} from "../lib/experiment/sweep/mod.ts";
import { setupRuntime } from "../lib/runtime/mod.ts";
import { runFolderName } from "../lib/experiment/run_dataset.ts";
import { circuitHash, loadCircuitFile } from "../lib/quantum/mod.ts";

const encoder = new TextEncoder();
const inPlace = (() => {
  try {
    return Deno.stderr.isTerminal();
  } catch {
    return false;
  }
})();

function write(text: string): void {
  Deno.stderr.writeSync(encoder.encode(text));
}

/** A progress printer: one line redrawn in place on a terminal, sparse lines otherwise. */
function progressPrinter(tracker: GridTracker): (p: ExperimentProgress) => void {
  let lastLine = 0;
  let lastStage = "";
  return (p) => {
    if (p.model === undefined || p.seed === undefined) {
      if (p.stage === "load") write(`${inPlace ? "\r\x1b[2K" : ""}Loading ${p.dataset}...\n`);
      return;
    }
    const cell = { dataset: p.dataset, model: p.model, seed: p.seed };
    tracker.update(cell, p.cellFraction);
    const t = p.train;
    const detail = describeProgress(p);
    const line =
      `[${(tracker.fraction() * 100).toFixed(0).padStart(3)}%] ${p.dataset} ${p.model} ` +
      `seed ${p.seed} (${tracker.indexOf(cell) + 1}/${tracker.cells.length}) ${detail} | elapsed ` +
      `${formatSeconds(tracker.elapsed())}, training left ~${formatSeconds(tracker.remaining())}`;
    const now = performance.now();
    const key = `${p.dataset}/${p.model}/${p.seed}/${p.stage}/${t?.epoch ?? ""}`;
    if (inPlace) {
      write(`\r\x1b[2K${line}${p.stage === "done" ? "\n" : ""}`);
    } else if (key !== lastStage || now - lastLine > 10_000) {
      write(`${line}\n`);
      lastLine = now;
    }
    lastStage = key;
  };
}

/** Prints the combined line of parallel jobs: in place on a terminal, every 10 s otherwise. */
function combinedPrinter(progress: CombinedProgress): (job: number, p: ExperimentProgress) => void {
  let lastLine = -Infinity;
  return (job, p) => {
    progress.update(job, p);
    const now = performance.now();
    if (inPlace) {
      write(`\r\x1b[2K${progress.line()}`);
    } else if (p.stage === "done" || now - lastLine > 10_000) {
      write(`${progress.line()}\n`);
      lastLine = now;
    }
  };
}

/** `--jobs N`: every shard as its own process with cores / N threads, then one merge. */
async function runJobs(options: CliOptions, jobs: number): Promise<void> {
  const start = performance.now();
  const profile = PROFILES[options.profile];
  const seeds = seedList(options.seeds ?? profile.seeds);
  const grid = experimentGrid(options.datasets, MODEL_KINDS, seeds);
  const count = Math.min(jobs, grid.length);
  const cores = navigator.hardwareConcurrency || 1;
  const threads = options.threads ?? Math.max(1, Math.floor(cores / count));
  console.error(
    `Profile ${profile.name}: ${profile.description}\n${grid.length} runs in ${count} parallel ` +
      `processes x ${threads} thread(s) (${cores} cores; data sets ${
        options.datasets.join(", ")
      }; ` +
      `seeds ${seeds.join(", ")})`,
  );
  const shared = [
    ...["--profile", profile.name, "--datasets", options.datasets.join(",")],
    ...["--seeds", String(seeds.length), "--backend", options.backend],
    ...["--threads", String(threads)],
    ...(options.out === undefined ? [] : ["--out", options.out]),
    ...(options.resume ? ["--resume"] : []),
    ...(options.circuit === undefined ? [] : ["--circuit", options.circuit]),
  ];
  const progress = new CombinedProgress(grid, count, profile);
  await runShardsInParallel({
    jobs: count,
    argsFor: (shard) => [...shared, "--shard", `${shard.index}/${shard.count}`],
    onProgress: combinedPrinter(progress),
  });
  if (inPlace) write("\n");
  const circuit = options.circuit === undefined
    ? undefined
    : await loadCircuitFile(options.circuit);
  const { runsRoot, figuresRoot } = outputPaths(options.out, circuit && circuitHash(circuit));
  for (const dataset of options.datasets) {
    const dir = `${runsRoot}/${profile.name}/${runFolderName(dataset, circuit)}`;
    await mergeRunDir(dir, { count });
    console.error(`Merged the ${count} shards of ${dataset} into ${dir}/results.json`);
  }
  await finishRun({
    profile: profile.name,
    datasets: options.datasets,
    runsRoot,
    figuresRoot,
    ...(circuit === undefined ? {} : { circuit }),
  });
  console.error(
    `Total time: ${formatSeconds((performance.now() - start) / 1000)} ` +
      `(${((performance.now() - start) / 1000).toFixed(1)} s)`,
  );
}

async function main(options: CliOptions): Promise<void> {
  if (options.jobs !== undefined && options.jobs > 1) return await runJobs(options, options.jobs);
  const start = performance.now();
  const profile = PROFILES[options.profile];
  const seeds = seedList(options.seeds ?? profile.seeds);
  const circuit = options.circuit === undefined
    ? undefined
    : await loadCircuitFile(options.circuit);
  const { runsRoot, figuresRoot } = outputPaths(options.out, circuit && circuitHash(circuit));
  if (circuit !== undefined) {
    console.error(
      `Circuit ${options.circuit} (${circuitHash(circuit)}): ${circuit.wires} wires, ` +
        `${circuit.inputSize} inputs, ${circuit.outputSize} outputs, weights ${
          JSON.stringify(circuit.weightShapes())
        }${circuit.noisy ? ", noisy (density matrix)" : ""}`,
    );
  }
  const grid = experimentGrid(options.datasets, MODEL_KINDS, seeds);
  const cells = options.shard === undefined ? grid : shardCells(grid, options.shard);
  console.error(
    `Profile ${profile.name}: ${profile.description}\n` +
      `${cells.length} of ${grid.length} runs (data sets ${options.datasets.join(", ")}; ` +
      `models ${MODEL_KINDS.join(", ")}; seeds ${seeds.join(", ")})` +
      (options.shard ? `; shard ${options.shard.index}/${options.shard.count}` : ""),
  );
  const datasets = options.datasets.filter((d) => cells.some((c) => c.dataset === d));
  if (profile.estimateCost || options.estimate) {
    const runtime = await setupRuntime({ backend: options.backend, seed: 1 });
    const cost = describeRunCost(profile, datasets, MODEL_KINDS, seeds.length, runtime.threads);
    console.error(cost.lines.join("\n"));
    if (options.estimate) return;
  }
  const tracker = new GridTracker(cells, profile);
  const onProgress = Deno.env.get(PROGRESS_ENV) === "json"
    ? jsonProgressWriter()
    : progressPrinter(tracker);
  for (const dataset of datasets as DatasetName[]) {
    const t0 = performance.now();
    await runDataset(dataset, {
      profile,
      seeds,
      models: [...MODEL_KINDS],
      outDir: `${runsRoot}/${profile.name}/${runFolderName(dataset, circuit)}`,
      resume: options.resume,
      onProgress,
      shard: options.shard === undefined ? undefined : { ...options.shard, grid },
      backend: options.backend,
      threads: options.threads,
      ...(circuit === undefined ? {} : { circuit }),
    });
    console.error(`Finished ${dataset} in ${formatSeconds((performance.now() - t0) / 1000)}`);
  }
  if (options.shard !== undefined) {
    console.error(
      `Shard ${options.shard.index}/${options.shard.count} written. After all ${options.shard.count} ` +
        `shards finish, run: deno task merge --profile ${profile.name} --datasets ${
          options.datasets.join(",")
        }${options.out ? ` --out ${options.out}` : ""}${
          options.circuit ? ` --circuit ${options.circuit}` : ""
        }`,
    );
  } else {
    await finishRun({
      profile: profile.name,
      datasets: options.datasets,
      runsRoot,
      figuresRoot,
      ...(circuit === undefined ? {} : { circuit }),
    });
  }
  console.error(
    `Total time: ${formatSeconds((performance.now() - start) / 1000)} ` +
      `(${((performance.now() - start) / 1000).toFixed(1)} s)`,
  );
}

if (import.meta.main) {
  await runMain(async (args) => {
    const options = parseCli(args, "reproduce");
    if (options.help) console.log(usage("reproduce"));
    else await main(options);
  }, { spec: REPRODUCE_COMMAND });
}
