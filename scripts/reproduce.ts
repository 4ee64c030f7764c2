/**
 * `deno task reproduce [--profile smoke|quick|paper] [--datasets mnist,cifar100,stl10]
 * [--seeds N] [--shard k/N] [--resume] [--out DIR] [--backend wasm|cpu]`
 *
 * Runs every experiment of the grid (or one shard of it), then analysis,
 * every figure and the claims report; prints progress with an estimate of
 * the time left and, at the end, the measured total time.
 *
 * @module
 */

import { type DatasetName, MODEL_KINDS } from "../lib/results/mod.ts";
import {
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
    const detail = p.stage === "train" && t !== undefined
      ? `epoch ${t.epoch}/${t.epochs} batch ${t.batch}/${t.batches} loss ${t.loss.toFixed(3)} ` +
        `acc ${t.accuracy.toFixed(3)} ${Math.round(t.samplesPerSecond)} img/s`
      : p.stage === "done"
      ? (p.cached ? "reused finished cell" : "done")
      : p.stage;
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

async function main(options: CliOptions): Promise<void> {
  const start = performance.now();
  const profile = PROFILES[options.profile];
  const seeds = seedList(options.seeds ?? profile.seeds);
  const { runsRoot, figuresRoot } = outputPaths(options.out);
  const grid = experimentGrid(options.datasets, MODEL_KINDS, seeds);
  const cells = options.shard === undefined ? grid : shardCells(grid, options.shard);
  console.error(
    `Profile ${profile.name}: ${profile.description}\n` +
      `${cells.length} of ${grid.length} runs (data sets ${options.datasets.join(", ")}; ` +
      `models ${MODEL_KINDS.join(", ")}; seeds ${seeds.join(", ")})` +
      (options.shard ? `; shard ${options.shard.index}/${options.shard.count}` : ""),
  );
  const tracker = new GridTracker(cells, profile);
  const onProgress = progressPrinter(tracker);
  const datasets = options.datasets.filter((d) => cells.some((c) => c.dataset === d));
  for (const dataset of datasets as DatasetName[]) {
    const t0 = performance.now();
    await runDataset(dataset, {
      profile,
      seeds,
      models: [...MODEL_KINDS],
      outDir: `${runsRoot}/${profile.name}/${dataset}`,
      resume: options.resume,
      onProgress,
      shard: options.shard === undefined ? undefined : { ...options.shard, grid },
      backend: options.backend,
    });
    console.error(`Finished ${dataset} in ${formatSeconds((performance.now() - t0) / 1000)}`);
  }
  if (options.shard !== undefined) {
    console.error(
      `Shard ${options.shard.index}/${options.shard.count} written. After all ${options.shard.count} ` +
        `shards finish, run: deno task merge --profile ${profile.name} --datasets ${
          options.datasets.join(",")
        }${options.out ? ` --out ${options.out}` : ""}`,
    );
  } else {
    await finishRun({ profile: profile.name, datasets: options.datasets, runsRoot, figuresRoot });
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
