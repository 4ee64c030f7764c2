/**
 * `analysisFor()`: the one way every entry point (the reproduce pipeline, the
 * notebooks, `deno task figures`) gets a run's analysis, so that one run always
 * gives the same analysis: the options come from the profile recorded in the
 * results, and a saved `analysis.json` is reused only when it belongs to them.
 *
 * @module
 */
import type { Analysis, ProfileName, Results } from "../results/mod.ts";
import { analyze, type AnalyzeOptions } from "./analyze.ts";
import { analysisPathFor, loadAnalysis, saveAnalysis } from "./io.ts";

/**
 * Options of {@link analyze} per profile (t-SNE is the slow part; short profiles
 * iterate less). `lib/experiment/profiles.ts` quotes these in each profile.
 */
export const PROFILE_ANALYSIS: Readonly<Record<ProfileName, AnalyzeOptions>> = {
  smoke: { tsneIterations: 150, tsnePoints: 128 },
  quick: { tsneIterations: 300 },
  paper: {},
};

/** Options of {@link analysisFor}. */
export interface AnalysisForOptions {
  /** Where `results.json` lies; the analysis is read from and saved beside it. */
  resultsPath?: string;
  /** Recompute even when a matching `analysis.json` exists. @default false */
  reanalyze?: boolean;
  /** Seed of every sample and layout, overriding the default. @default 0 */
  seed?: number;
  /**
   * Whether a failed save throws; off for results read from a read-only place,
   * where the analysis is then kept in memory. @default true
   */
  mustSave?: boolean;
  /** Status lines. @default no output */
  log?: (line: string) => void;
}

/**
 * The analysis of `results`, with the options of the profile they were run
 * with: loaded from `analysis.json` beside `resultsPath` when that file
 * matches the results (same `createdAt`, seed and version), otherwise computed
 * and saved there.
 *
 * @param results A run's results.
 * @param options Where the results lie and whether to recompute.
 * @returns The analysis.
 * @example
 * ```ts
 * import { analysisFor } from "./analysis_for.ts";
 * import type { Results } from "../results/mod.ts";
 * import { equal } from "node:assert/strict";
 * const results = {
 *   profile: "smoke",
 *   createdAt: "2026-01-01T00:00:00Z",
 *   dataset: { name: "mnist" },
 *   models: {},
 * } as unknown as Results;
 * const analysis = await analysisFor(results);
 * equal(analysis.resultsCreatedAt, results.createdAt);
 * ```
 */
export async function analysisFor(
  results: Results,
  { resultsPath, reanalyze = false, seed, mustSave = true, log = () => {} }: AnalysisForOptions =
    {},
): Promise<Analysis> {
  const options: AnalyzeOptions = {
    ...PROFILE_ANALYSIS[results.profile],
    ...(seed === undefined ? {} : { seed }),
  };
  const path = resultsPath === undefined ? undefined : analysisPathFor(resultsPath);
  if (path !== undefined && !reanalyze) {
    const saved = await loadAnalysis(path).catch((error) => {
      // A missing analysis is computed quietly; a damaged one is replaced, saying why.
      if (!(error instanceof Deno.errors.NotFound)) {
        log(`${error.message.replace(/: delete it and rerun the analysis$/, "")}: recomputing it`);
      }
      return null;
    });
    if (
      saved !== null && saved.resultsCreatedAt === results.createdAt &&
      saved.seed === (options.seed ?? 0)
    ) {
      return saved;
    }
    if (saved !== null) log(`${path} is older than its results: recomputing`);
  }
  const started = performance.now();
  const analysis = analyze(results, options);
  if (path !== undefined) {
    const saving = saveAnalysis(path, analysis);
    if (mustSave) await saving;
    else await saving.catch(() => {});
    log(
      `Analysed ${results.dataset.name} in ${
        ((performance.now() - started) / 1000).toFixed(1)
      } s -> ${path}`,
    );
  }
  return analysis;
}
