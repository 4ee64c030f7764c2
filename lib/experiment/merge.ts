/**
 * Merging shard results: the partial files of one data set (one per shard
 * that had cells of it) become one complete `results.json`, after checking
 * that they agree on the configuration and cover every (model, seed) once.
 *
 * @module
 */

import {
  loadResults,
  MODEL_KINDS,
  type ModelKind,
  type ModelResult,
  type Results,
  type SeedRun,
  summarizeRuns,
  writeJsonAtomic,
} from "../results/mod.ts";

/** Shards that disagree, overlap or leave cells out. */
export class MergeError extends Error {
  /** @param message What was expected, what was found and what to do. */
  constructor(message: string) {
    super(message);
    this.name = "MergeError";
  }
}

/** The configuration fields every shard of one run must share. */
function configKey(r: Results): string {
  const { config, dataset } = r;
  return JSON.stringify({
    profile: r.profile,
    dataset: dataset.name,
    provenance: dataset.provenance,
    sizes: dataset.sizes,
    epochs: config.epochs,
    batchSize: config.batchSize,
    learningRate: config.learningRate,
    seeds: config.seeds,
    models: config.models,
    attackCount: config.attackCount,
    epsilons: config.epsilons,
    shards: r.shard?.count,
  });
}

/**
 * Combines partial results of one data set into complete results.
 *
 * @param partials The shards' results (each with a `shard` field).
 * @param names File names for error messages, in the same order.
 * @returns Complete results: runs sorted by seed, summaries recomputed, no `shard` field.
 * @throws {MergeError} when shards disagree on configuration, repeat a cell or miss one.
 */
export function mergeShards(partials: readonly Results[], names?: readonly string[]): Results {
  const label = (i: number) => names?.[i] ?? `shard ${partials[i]?.shard?.index ?? i + 1}`;
  const first = partials[0];
  if (first === undefined) {
    throw new MergeError("Expected at least one shard file but found none: run the shards first");
  }
  const key = configKey(first);
  partials.forEach((p, i) => {
    if (configKey(p) !== key) {
      throw new MergeError(
        `Expected ${label(i)} to share the configuration of ${label(0)} but found ${configKey(p)}` +
          ` vs ${key}: rerun the odd shard with the same flags`,
      );
    }
  });
  const runs = new Map<ModelKind, { model: ModelResult; runs: SeedRun[] }>();
  const seen = new Map<string, string>();
  partials.forEach((partial, i) => {
    for (const kind of MODEL_KINDS) {
      const model = partial.models[kind];
      if (model === undefined) continue;
      for (const run of model.runs) {
        const cell = `${kind} seed ${run.seed}`;
        const previous = seen.get(cell);
        if (previous !== undefined) {
          throw new MergeError(
            `Expected ${cell} in one shard but found it in ${previous} and ${
              label(i)
            }: delete the stale shard file`,
          );
        }
        seen.set(cell, label(i));
        const entry = runs.get(kind) ?? { model, runs: [] };
        entry.runs.push(run);
        runs.set(kind, entry);
      }
    }
  });
  const missing = first.config.models.flatMap((kind) =>
    first.config.seeds.filter((seed) => !seen.has(`${kind} seed ${seed}`)).map((seed) =>
      `${kind} seed ${seed}`
    )
  );
  if (missing.length > 0) {
    throw new MergeError(
      `Expected every (model, seed) of ${first.dataset.name} in the shards but found ${missing.length} missing (${
        missing.join(", ")
      }): run the remaining shards of ${first.shard?.count ?? "?"}`,
    );
  }
  const models: Results["models"] = {};
  for (const kind of MODEL_KINDS) {
    const entry = runs.get(kind);
    if (entry === undefined) continue;
    const sorted = [...entry.runs].sort((a, b) => a.seed - b.seed);
    models[kind] = { ...entry.model, runs: sorted, summary: summarizeRuns(sorted) };
  }
  const merged: Results = {
    ...first,
    createdAt: new Date().toISOString(),
    models,
    totalSeconds: partials.reduce((sum, p) => sum + p.totalSeconds, 0),
  };
  delete merged.shard;
  return merged;
}

/**
 * Merges `<runDir>/shards/*.json` into `<runDir>/results.json` (atomically).
 *
 * @param runDir A data set's run folder, e.g. `data/runs/quick/mnist`.
 * @returns The merged results.
 */
export async function mergeRunDir(runDir: string): Promise<Results> {
  const shardDir = `${runDir}/shards`;
  const files: string[] = [];
  try {
    for await (const entry of Deno.readDir(shardDir)) {
      if (entry.isFile && /^\d+-of-\d+\.json$/.test(entry.name)) files.push(entry.name);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  if (files.length === 0) {
    throw new MergeError(
      `Expected shard files in ${shardDir} but found none: run \`deno task reproduce --shard k/N\` first`,
    );
  }
  files.sort((a, b) => parseInt(a) - parseInt(b));
  const partials = await Promise.all(files.map((f) => loadResults(`${shardDir}/${f}`)));
  const merged = mergeShards(partials, files.map((f) => `${shardDir}/${f}`));
  await writeJsonAtomic(`${runDir}/results.json`, merged);
  return merged;
}
