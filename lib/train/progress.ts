/**
 * Training progress events and a terminal progress bar.
 *
 * @module
 */
import type { EpochRecord } from "../results/mod.ts";

/** One progress event of {@link fit}: after every batch (`"batch"`) and after every epoch (`"epoch"`). */
export interface Progress {
  kind: "batch" | "epoch";
  /** 1-based epoch. */
  epoch: number;
  epochs: number;
  /** 1-based batch within the epoch (the last batch for `"epoch"` events). */
  batch: number;
  batches: number;
  /** Training images seen in this epoch. */
  seen: number;
  /** Training images per epoch. */
  total: number;
  /** Running mean of the training loss over this epoch. */
  loss: number;
  /** Running training accuracy over this epoch. */
  accuracy: number;
  /** Training images per second in this epoch so far. */
  samplesPerSecond: number;
  /** Estimated seconds left in this epoch's training pass. */
  etaSeconds: number;
  /** The finished epoch's record, on `"epoch"` events. */
  record?: EpochRecord;
}

/** Options of {@link consoleProgress}. */
export interface ConsoleProgressOptions {
  /** Text in front of the bar, e.g. the model kind. @default {""} */
  label?: string;
  /** Where text goes. @default {writes to stderr} */
  write?: (text: string) => void;
  /** Redraw one line in place with `\r`; otherwise print a line every `lineEvery` of an epoch. @default {stderr is a terminal} */
  inPlace?: boolean;
  /** Fraction of an epoch between two lines when not in place. @default {0.25} */
  lineEvery?: number;
  /** Width of the bar in characters. @default {24} */
  width?: number;
}

const encoder = new TextEncoder();

function writeStderr(text: string): void {
  Deno.stderr.writeSync(encoder.encode(text));
}

function stderrIsTerminal(): boolean {
  try {
    return Deno.stderr.isTerminal();
  } catch {
    return false;
  }
}

/** Formats seconds as m:ss (or h:mm:ss). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(r).padStart(2, "0")}`;
}

/**
 * One line describing a progress event: bar, loss, accuracy, rate and ETA (or the epoch summary).
 *
 * @example
 * ```ts
 * import { progressLine } from "./progress.ts";
 * const line = progressLine({ kind: "batch", epoch: 1, epochs: 2, batch: 5, batches: 10, seen: 320,
 *   total: 640, loss: 0.5, accuracy: 0.8, samplesPerSecond: 100, etaSeconds: 3.2 }, { width: 10 });
 * if (!line.includes("[#####.....]")) throw new Error(line);
 * ```
 */
export function progressLine(
  p: Progress,
  { label = "", width = 24 }: Pick<ConsoleProgressOptions, "label" | "width"> = {},
): string {
  const filled = Math.round((p.batch / Math.max(p.batches, 1)) * width);
  const bar = "#".repeat(filled) + ".".repeat(width - filled);
  const head = `${label ? `${label} ` : ""}epoch ${p.epoch}/${p.epochs}`;
  const rate = `${p.samplesPerSecond.toFixed(0)} img/s`;
  if (p.kind === "epoch" && p.record) {
    const r = p.record;
    return `${head} [${bar}] loss ${r.trainLoss.toFixed(4)} acc ${r.trainAccuracy.toFixed(4)} ` +
      `val_loss ${r.valLoss.toFixed(4)} val_acc ${r.valAccuracy.toFixed(4)} ` +
      `${r.seconds.toFixed(1)}s ${rate}`;
  }
  return `${head} [${bar}] ${p.batch}/${p.batches} loss ${p.loss.toFixed(4)} ` +
    `acc ${p.accuracy.toFixed(4)} ${rate} ETA ${formatDuration(p.etaSeconds)}`;
}

/**
 * A progress callback for {@link fit} that draws a bar on stderr: redrawn in place on a
 * terminal, a few plain lines per epoch otherwise (logs, CI).
 *
 * @param options label, output, mode.
 * @returns a function to pass as `onProgress`.
 *
 * @example
 * ```ts
 * import { consoleProgress } from "./progress.ts";
 * const lines: string[] = [];
 * const onProgress = consoleProgress({ inPlace: false, write: (t) => lines.push(t) });
 * onProgress({ kind: "batch", epoch: 1, epochs: 1, batch: 1, batches: 1, seen: 64, total: 64,
 *   loss: 1, accuracy: 0.5, samplesPerSecond: 50, etaSeconds: 0 });
 * if (lines.length !== 1) throw new Error();
 * ```
 */
export function consoleProgress(
  { label = "", write = writeStderr, inPlace = stderrIsTerminal(), lineEvery = 0.25, width = 24 }:
    ConsoleProgressOptions = {},
): (p: Progress) => void {
  let nextLine = 0;
  return function onProgress(p: Progress): void {
    const line = progressLine(p, { label, width });
    if (inPlace) {
      write(`\r\x1b[2K${line}${p.kind === "epoch" ? "\n" : ""}`);
      return;
    }
    if (p.kind === "epoch") {
      write(`${line}\n`);
      nextLine = 0;
      return;
    }
    const fraction = p.batch / Math.max(p.batches, 1);
    if (fraction >= nextLine) {
      write(`${line}\n`);
      nextLine = fraction + lineEvery;
    }
  };
}
