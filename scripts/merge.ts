/**
 * `deno task merge [--profile p] [--datasets ...] [--out DIR]`
 *
 * Combines the shard files written by `deno task reproduce --shard k/N` into
 * one results.json per data set (checking that the shards agree and cover
 * every model and seed once), then writes analysis, figures and the report.
 *
 * @module
 */

import { mergeRunDir } from "../lib/experiment/merge.ts";
import { formatSeconds } from "../lib/experiment/progress.ts";
import {
  type CliOptions,
  MERGE_COMMAND,
  outputPaths,
  parseCli,
  usage,
} from "../lib/experiment/cli.ts";
import { runMain } from "../lib/cli/mod.ts";
import { finishRun } from "../lib/experiment/pipeline.ts";

async function main(options: CliOptions): Promise<void> {
  const start = performance.now();
  const { runsRoot, figuresRoot } = outputPaths(options.out);
  for (const dataset of options.datasets) {
    const dir = `${runsRoot}/${options.profile}/${dataset}`;
    const merged = await mergeRunDir(dir);
    const runs = Object.values(merged.models).reduce((n, m) => n + (m?.runs.length ?? 0), 0);
    console.error(`Merged ${runs} runs of ${dataset} into ${dir}/results.json`);
  }
  await finishRun({ profile: options.profile, datasets: options.datasets, runsRoot, figuresRoot });
  console.error(`Total time: ${formatSeconds((performance.now() - start) / 1000)}`);
}

if (import.meta.main) {
  await runMain(async (args) => {
    const options = parseCli(args, "merge");
    if (options.help) console.log(usage("merge"));
    else await main(options);
  }, { spec: MERGE_COMMAND });
}
