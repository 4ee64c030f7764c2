/**
 * Command-line flags of `deno task reproduce` and `deno task merge`, parsed
 * with clear errors for bad flags.
 *
 * @module
 */

import {
  DATASET_NAMES,
  type DatasetName,
  PROFILE_NAMES,
  type ProfileName,
} from "../results/mod.ts";
import { parseShard, type ShardSpec } from "./shard.ts";
import {
  type CommandSpec,
  type OptionSpec,
  parseCommand,
  UsageError,
  usageText,
} from "../cli/mod.ts";

/** Parsed flags. */
export interface CliOptions {
  profile: ProfileName;
  datasets: DatasetName[];
  /** Number of seeds; undefined means the profile's. */
  seeds?: number;
  shard?: ShardSpec;
  resume: boolean;
  /** Root folder for runs and figures instead of `data/runs` and `figures`. */
  out?: string;
  backend: "wasm" | "cpu";
  help: boolean;
}

/** Where outputs go for a given `--out`. */
export interface OutputPaths {
  /** Runs: `<runsRoot>/<profile>/<dataset>/results.json`. */
  runsRoot: string;
  /** Figures: `<figuresRoot>/<dataset>/`, report: `<figuresRoot>/REPORT.md`. */
  figuresRoot: string;
}

/** Output folders: `data/runs` and `figures`, or `<out>/runs` and `<out>/figures`. */
export function outputPaths(out?: string): OutputPaths {
  return out === undefined
    ? { runsRoot: "data/runs", figuresRoot: "figures" }
    : { runsRoot: `${out}/runs`, figuresRoot: `${out}/figures` };
}

const COMMON_OPTIONS = {
  profile: {
    type: "string",
    valueName: PROFILE_NAMES.join("|"),
    example: "smoke",
    description: "run size (default quick)",
  },
  datasets: {
    type: "string",
    valueName: DATASET_NAMES.join(","),
    example: "mnist,stl10",
    description: "data sets to include (default all)",
  },
  out: {
    type: "string",
    valueName: "DIR",
    example: "/tmp/run",
    description: "write runs to DIR/runs and figures to DIR/figures",
  },
} as const satisfies Record<string, OptionSpec>;

/** The command line of `deno task reproduce`. */
export const REPRODUCE_COMMAND = {
  name: "reproduce",
  summary: "Trains every model, writes results, every figure and figures/REPORT.md (+ .html).",
  options: {
    profile: COMMON_OPTIONS.profile,
    datasets: COMMON_OPTIONS.datasets,
    seeds: {
      type: "string",
      valueName: "N",
      example: "3",
      description: "seeds per model (default: the profile's)",
    },
    shard: {
      type: "string",
      valueName: "k/N",
      example: "1/4",
      description: "run slice k of N of the (dataset, model, seed) grid; merge later",
    },
    out: COMMON_OPTIONS.out,
    backend: {
      type: "string",
      valueName: "wasm|cpu",
      example: "wasm",
      description: "tfjs backend (default wasm)",
    },
    resume: { type: "boolean", description: "continue interrupted runs from their checkpoints" },
  },
} as const satisfies CommandSpec;

/** The command line of `deno task merge`. */
export const MERGE_COMMAND = {
  name: "merge",
  summary:
    "Combines the shard files of each data set into results.json, then writes figures and the report.",
  options: COMMON_OPTIONS,
} as const satisfies CommandSpec;

/** Usage text of a command. */
export function usage(command: "reproduce" | "merge"): string {
  return usageText(command === "merge" ? MERGE_COMMAND : REPRODUCE_COMMAND);
}

/**
 * Parses flags (`--flag value` or `--flag=value`).
 *
 * @param args `Deno.args`.
 * @param command Which command (merge accepts fewer flags).
 * @returns The options.
 * @throws {UsageError} (a `TypeError`) for an unknown flag, a missing value or an unknown name.
 * @throws {RangeError} for a bad number of seeds or shard.
 * @example
 * ```ts
 * import { parseCli } from "./cli.ts";
 * parseCli(["--profile", "smoke", "--datasets=mnist"]).datasets; // ["mnist"]
 * ```
 */
export function parseCli(
  args: readonly string[],
  command: "reproduce" | "merge" = "reproduce",
): CliOptions {
  const parsed = command === "merge"
    ? parseCommand(args, MERGE_COMMAND)
    : parseCommand(args, REPRODUCE_COMMAND);
  const values: Partial<Record<keyof typeof REPRODUCE_COMMAND.options, string | boolean>> =
    parsed.values;
  const profile = (values.profile as string | undefined) ?? "quick";
  if (!(PROFILE_NAMES as readonly string[]).includes(profile)) {
    throw new UsageError(
      `Expected --profile to be one of ${
        PROFILE_NAMES.join(", ")
      } but found "${profile}": pick one of those`,
    );
  }
  const datasets = ((values.datasets as string | undefined) ?? DATASET_NAMES.join(","))
    .split(",").map((d) => d.trim());
  for (const d of datasets) {
    if (!(DATASET_NAMES as readonly string[]).includes(d)) {
      throw new UsageError(
        `Expected --datasets to list ${
          DATASET_NAMES.join(", ")
        } but found "${d}": separate names with commas`,
      );
    }
  }
  const seedsText = values.seeds as string | undefined;
  const seeds = seedsText === undefined ? undefined : Number(seedsText);
  if (seeds !== undefined && !(Number.isInteger(seeds) && seeds >= 1)) {
    throw new RangeError(
      `Expected --seeds to be a whole number >= 1 but found "${seedsText}": e.g. --seeds 3`,
    );
  }
  const backend = (values.backend as string | undefined) ?? "wasm";
  if (backend !== "wasm" && backend !== "cpu") {
    throw new UsageError(
      `Expected --backend to be wasm or cpu but found "${backend}": pick one of those`,
    );
  }
  const shardText = values.shard as string | undefined;
  return {
    profile: profile as ProfileName,
    datasets: [...new Set(datasets)] as DatasetName[],
    seeds,
    shard: shardText === undefined ? undefined : parseShard(shardText),
    resume: values.resume === true,
    out: values.out as string | undefined,
    backend,
    help: parsed.help,
  };
}
