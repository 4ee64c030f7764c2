/**
 * The tables the notebooks show: one data set's measured results, the paper's
 * claims with our verdicts, and the cross-data-set comparison. Every number
 * is read from results; formatting follows the report (`lib/report`).
 *
 * @module
 */

import { DATASET_LABELS, MODEL_KINDS, type Results } from "../results/mod.ts";
import { type Assessment, datasetLabel, RESULT_COLUMNS, summaryCell } from "../report/mod.ts";
import { type DisplayTable, table } from "./table.ts";

/**
 * One row per model: parameters, seeds and every summary metric of the
 * report (mean and 95 % interval over seeds, as in the report).
 *
 * @param results One data set's results.
 * @returns A displayable table.
 */
export function resultsTable(results: Results): DisplayTable {
  const rows = MODEL_KINDS.flatMap((kind) => {
    const model = results.models[kind];
    if (model === undefined) return [];
    const row: Record<string, string | number> = {
      model: kind,
      parameters: model.parameterCount,
      seeds: model.runs.length,
    };
    for (const [key, header, unit] of RESULT_COLUMNS) {
      row[header] = summaryCell(results, kind, key, unit);
    }
    return [row];
  });
  return table(rows, {
    caption: `${datasetLabel(results)}, profile ${results.profile} ` +
      `(${results.dataset.provenance} data)`,
  });
}

/**
 * The paper's claims with our measurement and verdict.
 *
 * @param assessments From `assessAll` of `lib/report`, possibly filtered to one data set.
 * @returns A displayable table.
 */
export function claimsTable(assessments: readonly Assessment[]): DisplayTable {
  return table(
    assessments.map((a) => ({
      claim: `${DATASET_LABELS[a.claim.dataset]}${
        a.standIn ? " (synthetic stand-in)" : ""
      }: ${a.claim.text}`,
      paper: `${a.claim.paper} (${a.claim.source})`,
      measured: a.measured?.text ?? "-",
      verdict: a.ruleVerdict === undefined
        ? a.verdict
        : `${a.verdict} (rule alone: ${a.ruleVerdict})`,
      why: a.reason,
    })),
  );
}

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

/**
 * One row per data set: its size and complexity beside the hybrid's gap to
 * the classical model (test accuracy, percentage points), the parameter
 * change, the epoch-time ratio and FGSM robustness of both.
 *
 * @param runs Results of any of the data sets, in the order to show.
 * @returns A displayable table.
 */
export function comparisonTable(runs: readonly Results[]): DisplayTable {
  return table(
    runs.map((r) => {
      const h = r.models.hybrid;
      const c = r.models.classical;
      const mean = (m: typeof h, key: string) => m?.summary[key]?.mean;
      const gap = (key: string) => {
        const a = mean(h, key);
        const b = mean(c, key);
        return a === undefined || b === undefined ? undefined : (a - b) * 100;
      };
      const params = ratio(h?.parameterCount, c?.parameterCount);
      return {
        "data set": datasetLabel(r),
        data: r.dataset.provenance,
        classes: r.dataset.classNames.length,
        "input size": r.dataset.height * r.dataset.width * r.dataset.channels,
        "train images": r.dataset.sizes.train,
        "hybrid test acc %": (mean(h, "testAccuracy") ?? NaN) * 100,
        "classical test acc %": (mean(c, "testAccuracy") ?? NaN) * 100,
        "gap test acc (pp)": gap("testAccuracy"),
        "gap val acc (pp)": gap("valAccuracy"),
        "params hybrid vs classical %": params === undefined ? undefined : (params - 1) * 100,
        "epoch time hybrid / classical": ratio(mean(h, "epochSeconds"), mean(c, "epochSeconds")),
        "FGSM hybrid %": (mean(h, "fgsmAccuracy") ?? NaN) * 100,
        "FGSM classical %": (mean(c, "fgsmAccuracy") ?? NaN) * 100,
      };
    }),
    { digits: 2 },
  );
}
