/**
 * The steps after training, shared by `deno task reproduce` and
 * `deno task merge`: analysis (saved beside each results.json), every figure
 * per data set, and the claims report.
 *
 * @module
 */

import { analysisFor, analysisPathFor } from "../analysis/mod.ts";
import { renderAll, writeTopIndex } from "../figures/mod.ts";
import { writeReport } from "../report/mod.ts";
import type { ReportInput } from "../report/mod.ts";
import { type DatasetName, loadResults, type ProfileName } from "../results/mod.ts";

/** Options of {@link finishRun}. */
export interface FinishOptions {
  profile: ProfileName;
  datasets: readonly DatasetName[];
  /** Runs live in `<runsRoot>/<profile>/<dataset>/`. */
  runsRoot: string;
  /** Figures go to `<figuresRoot>/<dataset>/`, the report to `<figuresRoot>/REPORT.md`. */
  figuresRoot: string;
  /** Status lines. @default console.error */
  log?: (line: string) => void;
}

/** What {@link finishRun} wrote. */
export interface FinishResult {
  resultsFiles: string[];
  analysisFiles: string[];
  figureFiles: string[];
  report: { markdown: string; html: string };
}

/**
 * Analyses every results file, renders every figure and writes the report.
 *
 * @param options Profile, data sets, folders and a logger.
 * @returns The files written.
 */
export async function finishRun(
  { profile, datasets, runsRoot, figuresRoot, log = console.error }: FinishOptions,
): Promise<FinishResult> {
  const inputs: ReportInput[] = [];
  const analysisFiles: string[] = [];
  const figureFiles: string[] = [];
  for (const dataset of datasets) {
    const file = `${runsRoot}/${profile}/${dataset}/results.json`;
    const results = await loadResults(file);
    inputs.push({ results, file });
    const analysis = await analysisFor(results, { resultsPath: file, reanalyze: true, log });
    analysisFiles.push(analysisPathFor(file));
    const t1 = performance.now();
    const files = await renderAll(results, analysis, { outDir: `${figuresRoot}/${dataset}` });
    figureFiles.push(
      ...files.flatMap((f) => f.pngPath === undefined ? [f.svgPath] : [f.svgPath, f.pngPath]),
    );
    log(
      `Rendered ${files.length} figures of ${dataset} in ${
        ((performance.now() - t1) / 1000).toFixed(1)
      } s -> ${figuresRoot}/${dataset}/`,
    );
  }
  await writeTopIndex(figuresRoot);
  const report = await writeReport(inputs, { outDir: figuresRoot });
  log(`Wrote ${report.markdown} and ${report.html}`);
  return {
    resultsFiles: inputs.map((i) => i.file),
    analysisFiles,
    figureFiles,
    report,
  };
}
