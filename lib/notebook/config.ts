/**
 * Notebook configuration from environment variables, so the same notebook runs
 * interactively (defaults), in CI (`HQC_PROFILE=smoke`) and as a redraw of a
 * finished run (`HQC_RESULTS=path/to/results.json`).
 *
 * @module
 */

import type { DatasetName, ProfileName } from "../results/mod.ts";
import { profileByName } from "../experiment/mod.ts";

/** Reads one environment variable; `undefined` when unset. */
export type EnvReader = (name: string) => string | undefined;

/** What a notebook needs to know before it trains or loads anything. */
export interface NotebookConfig {
  /** `HQC_PROFILE`; `quick` when unset. */
  profile: ProfileName;
  /** `HQC_RUNS_DIR`; runs are read from and written to `<runsDir>/<profile>/<dataset>/`. */
  runsDir: string;
  /** `HQC_DATA_DIR`; the data set cache (default: the repository's `data`). */
  dataDir: string;
  /** `HQC_RETRAIN` is set (to anything but "", "0" or "false"): train even when results exist. */
  retrain: boolean;
  /** `HQC_RESULTS`: a finished run's `results.json` to redraw instead of training. */
  resultsPath?: string;
}

/** Options of {@link notebookConfig}. */
export interface NotebookConfigOptions {
  /**
   * Where variables come from.
   * @default a reader of `Deno.env` that treats a denied permission as unset
   */
  env?: EnvReader;
}

/** Environment variables the notebooks read, for documentation and for the runner. */
export const NOTEBOOK_ENV = {
  profile: "HQC_PROFILE",
  runsDir: "HQC_RUNS_DIR",
  dataDir: "HQC_DATA_DIR",
  retrain: "HQC_RETRAIN",
  results: "HQC_RESULTS",
} as const;

/** The repository's `data` folder, found from this file's location (not the cwd). */
export const DEFAULT_DATA_DIR: string = decodeURIComponent(
  new URL("../../data", import.meta.url).pathname,
);

/** The repository's `data/runs` folder. */
export const DEFAULT_RUNS_DIR = `${DEFAULT_DATA_DIR}/runs`;

function denoEnv(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/**
 * Reads the notebook configuration from the environment.
 *
 * @param options Where the variables come from.
 * @returns The profile, runs folder, retrain flag and optional results path.
 * @throws {TypeError} When `HQC_PROFILE` names no profile.
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const config = notebookConfig({ env: (name) => ({ HQC_PROFILE: "smoke" })[name] });
 * deepEqual(config.profile, "smoke");
 * deepEqual(config.retrain, false);
 * ```
 */
export function notebookConfig(
  { env = denoEnv }: NotebookConfigOptions = {},
): NotebookConfig {
  const profile = profileByName(nonEmpty(env(NOTEBOOK_ENV.profile)) ?? "quick").name;
  const retrainText = nonEmpty(env(NOTEBOOK_ENV.retrain))?.toLowerCase();
  const retrain = retrainText !== undefined && retrainText !== "0" && retrainText !== "false";
  const resultsPath = nonEmpty(env(NOTEBOOK_ENV.results));
  return {
    profile,
    runsDir: nonEmpty(env(NOTEBOOK_ENV.runsDir)) ?? DEFAULT_RUNS_DIR,
    dataDir: nonEmpty(env(NOTEBOOK_ENV.dataDir)) ?? DEFAULT_DATA_DIR,
    retrain,
    ...(resultsPath === undefined ? {} : { resultsPath }),
  };
}

/**
 * The folder of one data set's run under a configuration.
 *
 * @param config From {@link notebookConfig}.
 * @param dataset The data set.
 * @returns `<runsDir>/<profile>/<dataset>`.
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const dir = runDirFor({ profile: "smoke", runsDir: "/tmp/runs" }, "mnist");
 * deepEqual(dir, "/tmp/runs/smoke/mnist");
 * ```
 */
export function runDirFor(
  config: Pick<NotebookConfig, "profile" | "runsDir">,
  dataset: DatasetName,
): string {
  return `${config.runsDir.replace(/\/+$/, "")}/${config.profile}/${dataset}`;
}
