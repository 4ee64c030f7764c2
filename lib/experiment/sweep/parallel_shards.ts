/**
 * Runs the shards of a grid as parallel `deno task reproduce --shard k/N` subprocesses on one
 * machine, each with its own thread count, and relays their progress. The children print one
 * JSON progress event per line on stdout when `HQC_PROGRESS=json` (see
 * {@link jsonProgressWriter}); their other output is kept and shown when one fails.
 *
 * @module
 */

import type { ExperimentProgress } from "../progress.ts";
import type { ShardSpec } from "../shard.ts";

/** The environment variable that makes `reproduce` print progress as JSON lines on stdout. */
export const PROGRESS_ENV = "HQC_PROGRESS";

/** The most of a failed child's log that its error shows. */
const LOG_TAIL_CHARS = 4000;
/** A child prints a training event at most this often (stage changes always go out). */
const JSON_EVENT_SECONDS = 0.5;

/** Options of {@link runShardsInParallel}. */
export interface ParallelShardsOptions {
  /** Processes, one per shard. */
  jobs: number;
  /** Arguments of `deno task reproduce` for one shard (its `--shard` and `--threads` included). */
  argsFor: (shard: ShardSpec) => string[];
  /** Receives every child's events with its 1-based job number. */
  onProgress?: (job: number, progress: ExperimentProgress) => void;
  /** The deno binary (a name on PATH is what `--allow-run=deno` admits). @default "deno" */
  deno?: string;
  /** Where a failed shard's last output goes. @default console.error */
  log?: (text: string) => void;
}

/** One or more shards failed. */
export class ShardProcessError extends Error {
  /** @param message Which shards failed, with the end of their logs. */
  constructor(message: string) {
    super(message);
    this.name = "ShardProcessError";
  }
}

async function readLines(stream: ReadableStream<Uint8Array>, onLine: (line: string) => void) {
  const decoder = new TextDecoder();
  let pending = "";
  for await (const chunk of stream) {
    pending += decoder.decode(chunk, { stream: true });
    let newline;
    while ((newline = pending.indexOf("\n")) >= 0) {
      onLine(pending.slice(0, newline));
      pending = pending.slice(newline + 1);
    }
  }
  if (pending.length > 0) onLine(pending);
}

async function keepTail(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let tail = "";
  for await (const chunk of stream) {
    tail = (tail + decoder.decode(chunk, { stream: true })).slice(-LOG_TAIL_CHARS);
  }
  return tail;
}

/**
 * Starts one process per shard and waits for all of them. A failed shard does not stop the
 * others: what they finish is kept for `--resume`.
 *
 * @param options Jobs, arguments per shard, a progress callback.
 * @throws {ShardProcessError} naming each failed shard (the end of its output goes to `log`).
 */
export async function runShardsInParallel(options: ParallelShardsOptions): Promise<void> {
  const { jobs, argsFor, onProgress, deno = "deno", log = console.error } = options;
  const runs = Array.from({ length: jobs }, async (_, i) => {
    const shard = { index: i + 1, count: jobs };
    const child = new Deno.Command(deno, {
      args: ["task", "reproduce", ...argsFor(shard)],
      env: { [PROGRESS_ENV]: "json" },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const stdout = readLines(child.stdout, (line) => {
      if (!line.startsWith("{")) return;
      try {
        onProgress?.(shard.index, JSON.parse(line) as ExperimentProgress);
      } catch {
        // A line that merely starts with "{" is not an event: ignore it.
      }
    });
    const [status, log] = await Promise.all([child.status, keepTail(child.stderr), stdout]);
    return { shard, code: status.code, log };
  });
  const failed = (await Promise.all(runs)).filter((r) => r.code !== 0);
  for (const f of failed) log(`--- shard ${f.shard.index}/${jobs} (exit ${f.code}):\n${f.log}`);
  if (failed.length > 0) {
    throw new ShardProcessError(
      `Expected every shard to succeed but ${failed.length} of ${jobs} failed (${
        failed.map((f) => `shard ${f.shard.index}/${jobs}, exit ${f.code}`).join("; ")
      }; their output is above): fix the cause and run again with --resume, which reuses ` +
        "finished cells",
    );
  }
}

/**
 * The child side: a progress callback that prints events as JSON lines on stdout, training
 * events at most twice a second.
 *
 * @param write Where lines go. @default stdout
 * @returns A callback for `runDataset`'s `onProgress`.
 */
export function jsonProgressWriter(
  write: (line: string) => void = (line) => console.log(line),
): (p: ExperimentProgress) => void {
  let last = -Infinity;
  let lastStage = "";
  return (p) => {
    const now = performance.now() / 1000;
    const stage = `${p.model}/${p.seed}/${p.stage}`;
    if (stage === lastStage && p.stage === "train" && now - last < JSON_EVENT_SECONDS) return;
    last = now;
    lastStage = stage;
    const train = p.train === undefined ? undefined : { ...p.train, record: undefined };
    write(JSON.stringify({ ...p, train }));
  };
}
