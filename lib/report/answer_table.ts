/**
 * The answer table: a run's headline numbers per model (mean and 95 % CI over seeds)
 * beside the paper's numbers and the verdicts of the claims they test. It opens the
 * README and the published site's index; every number comes from a results file.
 *
 * @module
 */

import {
  HEADLINE_EPSILON,
  MODEL_KINDS,
  type ModelKind,
  type Results,
  type SeedStatistic,
} from "../results/mod.ts";
import { CLAIMS } from "./claims.ts";
import type { Claim } from "./claim_types.ts";
import { assessClaim, type Assessment } from "./verdicts.ts";

/** One row of the answer table. */
export interface AnswerRow {
  /** What is measured, e.g. "validation accuracy". */
  measure: string;
  /** A model kind, or a comparison such as "hybrid - classical". */
  model: string;
  /** Our number: mean ± 95 % CI half width over seeds (or the claim's measurement). */
  ours: string;
  /** The paper's number, or "-" when the paper reports none. */
  paper: string;
  /** The verdict of the claim the row tests, or "-" when it tests none. */
  verdict: string;
}

/** A summary metric the table shows, in the order it shows them. */
interface AnswerMetric {
  /** Key in `ModelResult.summary`. */
  key: string;
  label: (results: Results) => string;
  unit: "%" | "s";
}

const ANSWER_METRICS: readonly AnswerMetric[] = [
  { key: "valAccuracy", label: () => "validation accuracy (last epoch)", unit: "%" },
  { key: "testAccuracy", label: () => "test accuracy", unit: "%" },
  {
    key: "fgsmAccuracy",
    label: () => `FGSM accuracy, eps = ${HEADLINE_EPSILON} in pixel space`,
    unit: "%",
  },
  {
    // Present in runs whose attacks also step in normalised-input units (epsilon x std).
    key: "fgsmNormAccuracy",
    label: () => `FGSM accuracy, eps = ${HEADLINE_EPSILON} in normalised-input space`,
    unit: "%",
  },
  { key: "pgdAccuracy", label: pgdLabel, unit: "%" },
  { key: "epochSeconds", label: () => "epoch time (s)", unit: "s" },
];

function pgdLabel(results: Results): string {
  const { pgdSteps, pgdRestarts } = results.config;
  const restarts = typeof pgdRestarts === "number" ? `, ${pgdRestarts} restarts` : "";
  return `PGD accuracy, eps = ${HEADLINE_EPSILON} (${String(pgdSteps)} steps${restarts})`;
}

function formatStat(stat: SeedStatistic, unit: "%" | "s"): string {
  const scale = unit === "%" ? 100 : 1;
  const digits = unit === "%" ? 2 : 1;
  const n = stat.values.length;
  const ci = n > 1 ? ` ± ${(stat.ci95 * scale).toFixed(digits)}` : "";
  return `${(stat.mean * scale).toFixed(digits)}${ci}${unit === "%" ? " %" : " s"}`;
}

function verdictOf(a: Assessment): string {
  return a.ruleVerdict === undefined ? a.verdict : `${a.verdict} (rule alone: ${a.ruleVerdict})`;
}

function claimRow(measure: string, model: string, claim: Claim, results: Results): AnswerRow {
  const a = assessClaim(claim, results);
  return {
    measure,
    model,
    ours: a.measured?.text ?? "-",
    paper: claim.paper,
    verdict: verdictOf(a),
  };
}

function comparisonLabel(claim: Claim): string {
  if (claim.kind === "difference") return `${claim.a} - ${claim.b}`;
  if (claim.kind === "ratio") return `${claim.a} / ${claim.b}`;
  return "hybrid vs classical";
}

/**
 * The rows of the answer table for one run: per metric, one row per model kind that
 * has it, then one row per comparison claim of the paper on that metric; last the
 * parameter counts and the paper's parameter-reduction claim.
 *
 * @param results A finished run.
 * @returns Rows in display order.
 */
export function answerRows(results: Results): AnswerRow[] {
  const claims = CLAIMS.filter((c) => c.dataset === results.dataset.name);
  const kinds = MODEL_KINDS.filter((k) => results.models[k] !== undefined);
  const rows: AnswerRow[] = [];
  for (const metric of ANSWER_METRICS) {
    const measure = metric.label(results);
    const present = kinds.filter((k) => results.models[k]!.summary[metric.key] !== undefined);
    if (present.length === 0) continue;
    for (const kind of present) {
      const claim = claims.find((c) =>
        c.kind === "value" && c.metric === metric.key && c.model === kind
      );
      const ours = formatStat(results.models[kind]!.summary[metric.key]!, metric.unit);
      rows.push(
        claim === undefined
          ? { measure, model: kind, ours, paper: "-", verdict: "-" }
          : { ...claimRow(measure, kind, claim, results), ours },
      );
    }
    for (const claim of claims) {
      if ((claim.kind === "difference" || claim.kind === "ratio") && claim.metric === metric.key) {
        rows.push(claimRow(measure, comparisonLabel(claim), claim, results));
      }
    }
  }
  for (const kind of kinds) {
    const count = results.models[kind as ModelKind]!.parameterCount;
    rows.push({
      measure: "parameters",
      model: kind,
      ours: count.toLocaleString("en-US"),
      paper: "-",
      verdict: "-",
    });
  }
  for (const claim of claims.filter((c) => c.kind === "parameters")) {
    rows.push(claimRow("parameter reduction", comparisonLabel(claim), claim, results));
  }
  return rows;
}

/** Column headings of the answer table. */
export const ANSWER_COLUMNS: readonly string[] = [
  "measure",
  "model",
  "ours (mean ± 95 % CI over seeds)",
  "paper",
  "verdict",
];

function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/**
 * The answer table as Markdown.
 *
 * @param results A finished run.
 * @returns A Markdown table, one line per row, ending in a newline.
 */
export function answerTableMarkdown(results: Results): string {
  const lines = [
    `| ${ANSWER_COLUMNS.join(" | ")} |`,
    `| ${ANSWER_COLUMNS.map(() => "---").join(" | ")} |`,
    ...answerRows(results).map((r) =>
      `| ${[r.measure, r.model, r.ours, r.paper, r.verdict].map(cell).join(" | ")} |`
    ),
  ];
  return lines.join("\n") + "\n";
}
