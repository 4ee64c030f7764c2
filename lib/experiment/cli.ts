/**
 * Command-line flags of `deno task reproduce` and `deno task merge`, parsed
 * with clear errors for bad flags.
 *
 * @module
 */

import type { DatasetName, ProfileName } from "./results_schema.ts";
import { DATASET_NAMES, PROFILE_NAMES } from "./profiles.ts";
import { parseShard, type ShardSpec } from "./shard.ts";

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
  /** `--circuit FILE`: the hybrid's circuit (JSON or OpenQASM 2.0) instead of the paper's. */
  circuit?: string;
  help: boolean;
}

/** Where outputs go for a given `--out`. */
export interface OutputPaths {
  /** Runs: `<runsRoot>/<profile>/<dataset>/results.json`. */
  runsRoot: string;
  /** Figures: `<figuresRoot>/<dataset>/`, report: `<figuresRoot>/REPORT.md`. */
  figuresRoot: string;
}

/**
 * Output folders: `data/runs` and `figures`, or `<out>/runs` and `<out>/figures`; with a
 * circuit's hash (`--circuit`), figures and report go to `<figures>/circuit-<hash>/` (its runs
 * are told apart by their folder names, see `runFolderName`).
 */
export function outputPaths(out?: string, circuitHash?: string): OutputPaths {
  const paths = out === undefined
    ? { runsRoot: "data/runs", figuresRoot: "figures" }
    : { runsRoot: `${out}/runs`, figuresRoot: `${out}/figures` };
  return circuitHash === undefined
    ? paths
    : { ...paths, figuresRoot: `${paths.figuresRoot}/circuit-${circuitHash}` };
}

/** Usage text of a command. */
export function usage(command: "reproduce" | "merge"): string {
  const common = `  --profile ${PROFILE_NAMES.join("|")}   run size (default quick)
  --datasets ${DATASET_NAMES.join(",")}   data sets to include (default all)
  --out DIR                 write runs to DIR/runs and figures to DIR/figures
  --circuit FILE            the hybrid's circuit: Circuit.toJSON() JSON or OpenQASM 2.0
                            (runs in <dataset>-circuit-<hash>/, figures in circuit-<hash>/)
  --help                    show this text`;
  if (command === "merge") {
    return `Usage: deno task merge [flags]
Combines the shard files of each data set into results.json, then writes figures and the report.
${common}`;
  }
  return `Usage: deno task reproduce [flags]
Trains every model, writes results, every figure and figures/REPORT.md (+ .html).
${common}
  --seeds N                 seeds per model (default: the profile's)
  --shard k/N               run slice k of N of the (dataset, model, seed) grid; merge later
  --resume                  continue interrupted runs from their checkpoints
  --backend wasm|cpu        tfjs backend (default wasm)`;
}

const VALUE_FLAGS = [
  "profile",
  "datasets",
  "seeds",
  "shard",
  "out",
  "backend",
  "circuit",
] as const;
const BOOLEAN_FLAGS = ["resume", "help"] as const;

/**
 * Parses flags (`--flag value` or `--flag=value`).
 *
 * @param args `Deno.args`.
 * @param command Which command (merge accepts fewer flags).
 * @returns The options.
 * @throws {TypeError} for an unknown flag, a missing value or an unknown name.
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
  const allowed = command === "merge"
    ? ["profile", "datasets", "out", "circuit", "help"]
    : [...VALUE_FLAGS, ...BOOLEAN_FLAGS];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (match === null || !allowed.includes(match[1]!)) {
      throw new TypeError(
        `Expected a flag of ${allowed.map((f) => `--${f}`).join(", ")} but found "${arg}": ` +
          `see deno task ${command} --help`,
      );
    }
    const name = match[1]!;
    if ((BOOLEAN_FLAGS as readonly string[]).includes(name)) {
      if (match[2] !== undefined) {
        throw new TypeError(
          `Expected --${name} without a value but found "${arg}": drop "=${match[2]}"`,
        );
      }
      flags.add(name);
      continue;
    }
    const value = match[2] ?? args[++i];
    if (value === undefined || value.startsWith("--")) {
      throw new TypeError(
        `Expected a value after --${name} but found none: e.g. --${name} ${example(name)}`,
      );
    }
    values.set(name, value);
  }
  const profile = values.get("profile") ?? "quick";
  if (!(PROFILE_NAMES as readonly string[]).includes(profile)) {
    throw new TypeError(
      `Expected --profile to be one of ${
        PROFILE_NAMES.join(", ")
      } but found "${profile}": pick one of those`,
    );
  }
  const datasets = (values.get("datasets") ?? DATASET_NAMES.join(",")).split(",").map((d) =>
    d.trim()
  );
  for (const d of datasets) {
    if (!(DATASET_NAMES as readonly string[]).includes(d)) {
      throw new TypeError(
        `Expected --datasets to list ${
          DATASET_NAMES.join(", ")
        } but found "${d}": separate names with commas`,
      );
    }
  }
  const seedsText = values.get("seeds");
  const seeds = seedsText === undefined ? undefined : Number(seedsText);
  if (seeds !== undefined && !(Number.isInteger(seeds) && seeds >= 1)) {
    throw new RangeError(
      `Expected --seeds to be a whole number >= 1 but found "${seedsText}": e.g. --seeds 3`,
    );
  }
  const backend = values.get("backend") ?? "wasm";
  if (backend !== "wasm" && backend !== "cpu") {
    throw new TypeError(
      `Expected --backend to be wasm or cpu but found "${backend}": pick one of those`,
    );
  }
  const shardText = values.get("shard");
  return {
    profile: profile as ProfileName,
    datasets: [...new Set(datasets)] as DatasetName[],
    seeds,
    shard: shardText === undefined ? undefined : parseShard(shardText),
    resume: flags.has("resume"),
    out: values.get("out"),
    backend,
    ...(values.has("circuit") ? { circuit: values.get("circuit")! } : {}),
    help: flags.has("help"),
  };
}

function example(flag: string): string {
  return ({
    profile: "smoke",
    datasets: "mnist,stl10",
    seeds: "3",
    shard: "1/4",
    out: "/tmp/run",
    backend: "wasm",
    circuit: "my_circuit.qasm",
  } as Record<string, string>)[flag] ?? "VALUE";
}
