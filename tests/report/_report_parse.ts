// Parses the Markdown report back into tables and recomputes claimed measurements
// straight from the runs in results files (not from their stored summaries).
import type { Results, SeedRun } from "../../lib/results/mod.ts";

export interface ParsedTable {
  header: string[];
  rows: string[][];
}

/** Every pipe table in a Markdown document. */
export function parseTables(markdown: string): ParsedTable[] {
  const tables: ParsedTable[] = [];
  const lines = markdown.split("\n");
  const cells = (line: string) =>
    line.slice(2, -2).split(/(?<!\\) \| /).map((c) => c.replaceAll("\\|", "|"));
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith("| ") && lines[i + 1]?.startsWith("|---")) {
      const header = cells(lines[i]!);
      const rows: string[][] = [];
      for (i += 2; i < lines.length && lines[i]!.startsWith("| "); i++) rows.push(cells(lines[i]!));
      tables.push({ header, rows });
    }
  }
  return tables;
}

/** The table whose header starts with these columns. */
export function tableWith(tables: ParsedTable[], ...first: string[]): ParsedTable {
  const t = tables.find((t) => first.every((h, i) => t.header[i] === h));
  if (t === undefined) throw new Error(`No table with header ${first.join(", ")}`);
  return t;
}

/** First number in a cell, e.g. "+1.23 ± 0.50 pp" -> 1.23. */
export function firstNumber(text: string): number {
  const m = /[+-]?\d+(\.\d+)?/.exec(text);
  if (m === null) throw new Error(`No number in "${text}"`);
  return Number(m[0]);
}

/** Decimals shown in the first number of a cell (for the rounding tolerance). */
export function decimalsOf(text: string): number {
  return /[+-]?\d+(?:\.(\d+))?/.exec(text)?.[1]?.length ?? 0;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const lastVal = (r: SeedRun) => r.history.at(-1)!.valAccuracy;
const epochSeconds = (r: SeedRun) => mean(r.history.map((e) => e.seconds));

function pairedDiff(r: Results, read: (run: SeedRun) => number): number {
  const h = r.models.hybrid!.runs;
  const c = r.models.classical!.runs;
  return mean(h.map((run) => read(run) - read(c.find((x) => x.seed === run.seed)!)));
}

/**
 * What a claims-table row should show, in display units, recomputed from raw
 * runs; undefined for claim ids this helper does not cover.
 */
export function expectedClaimValue(id: string, r: Results): number | undefined {
  const runs = (kind: "hybrid" | "classical") => r.models[kind]!.runs;
  const suffix = id.slice(r.dataset.name.length + 1);
  switch (suffix) {
    case "val-hybrid":
    case "val-reaching-hybrid":
      return 100 * mean(runs("hybrid").map(lastVal));
    case "val-classical":
    case "val-reaching-classical":
      return 100 * mean(runs("classical").map(lastVal));
    case "val-gap":
      return 100 * pairedDiff(r, lastVal);
    case "test-hybrid":
      return 100 * mean(runs("hybrid").map((x) => x.test.accuracy));
    case "test-gap":
      return 100 * pairedDiff(r, (x) => x.test.accuracy);
    case "fgsm-hybrid":
      return 100 * mean(runs("hybrid").map((x) => x.robustness.fgsmAccuracy));
    case "fgsm-classical":
      return 100 * mean(runs("classical").map((x) => x.robustness.fgsmAccuracy));
    case "fgsm-gap":
    case "fgsm-comparable":
      return 100 * pairedDiff(r, (x) => x.robustness.fgsmAccuracy);
    case "params":
    case "params-range":
      return 100 * (1 - r.models.hybrid!.parameterCount / r.models.classical!.parameterCount);
    case "time-abstract":
    case "time-faster":
    case "time-ratio":
      return mean(runs("hybrid").map(epochSeconds)) / mean(runs("classical").map(epochSeconds));
    case "time-hybrid-seconds":
      return mean(runs("hybrid").map(epochSeconds));
    case "time-classical-seconds":
      return mean(runs("classical").map(epochSeconds));
    default:
      return undefined;
  }
}
