// The part of results.json that the same seeds and profile must reproduce exactly: everything but
// when and where it ran and how long it took (times, CPU, memory, resource samples).
import type { Results } from "../../../lib/results/mod.ts";

/** Per-epoch and summary fields measured from the clock or the operating system. */
const MEASURED = [
  "seconds",
  "cpuProcessPercent",
  "cpuSystemPercent",
  "rssMB",
  "tensorMB",
  "epochSeconds",
  "trainSeconds",
  "peakRssMB",
  "rssAfterMB",
  "rssBeforeMB",
  "freshRssMB",
  "wasmHeapMB",
];

/** Drops measured fields at any depth (memory records nest them). */
function withoutMeasured(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMeasured);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).filter(([k]) => !MEASURED.includes(k)).map((
      [k, v],
    ) => [k, withoutMeasured(v)]),
  );
}

function omit(record: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));
}

/**
 * Results without the fields that differ between runs of the same seeds: creation time,
 * environment, total time, the shard field, each run's resource samples and every timing, CPU
 * and memory figure.
 */
export function deterministicPart(results: Results): Record<string, unknown> {
  const models = Object.fromEntries(
    Object.entries(results.models).map(([kind, model]) => [kind, {
      ...model,
      runs: model!.runs.map((run) => ({
        ...omit(run, ["samples", ...MEASURED]),
        history: run.history.map((epoch) => omit(epoch, MEASURED)),
      })),
      summary: omit(model!.summary, MEASURED),
    }]),
  );
  return withoutMeasured({
    // Transfer attacks need every model of a seed in one process, so sharded runs record none
    // (their report says "not measured"); they are compared only between single-process runs.
    ...omit(results, ["createdAt", "environment", "totalSeconds", "shard", "transfer"]),
    models,
  }) as Record<string, unknown>;
}
