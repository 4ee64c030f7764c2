// Splits hand-made complete results into the shard files of a sharded run.
import { experimentGrid, shardCells } from "../../lib/experiment/shard.ts";
import { summarizeRuns } from "../../lib/results/mod.ts";
import type { Results } from "../../lib/results/mod.ts";

/**
 * Splits complete results into the partial files `--shard k/N` would write,
 * shard k taking `10 * k` seconds; shards left without a model are dropped.
 */
export function splitIntoShards(full: Results, count: number): Results[] {
  const grid = experimentGrid([full.dataset.name], full.config.models, full.config.seeds);
  return Array.from({ length: count }, (_, i) => {
    const cells = shardCells(grid, { index: i + 1, count });
    const models: Results["models"] = {};
    for (const kind of full.config.models) {
      const runs = full.models[kind]!.runs.filter((r) =>
        cells.some((c) => c.model === kind && c.seed === r.seed)
      );
      if (runs.length > 0) {
        models[kind] = { ...full.models[kind]!, runs, summary: summarizeRuns(runs) };
      }
    }
    return {
      ...full,
      models,
      totalSeconds: 10 * (i + 1),
      shard: { index: i + 1, count, cells: cells.map(({ model, seed }) => ({ model, seed })) },
    };
  }).filter((p) => Object.keys(p.models).length > 0);
}
