/**
 * Builds the claims report from results on disk: environment, provenance,
 * parameter counts, measured results, every claim of the paper with a
 * verdict, the hybrid-vs-control comparison, the paper's contradictions and
 * the verdict rules. Every number comes from the given results.
 *
 * @module
 */

import {
  DATASET_LABELS,
  DATASET_NAMES,
  type DatasetName,
  FULL_PROFILES,
  PROFILE_DESCRIPTIONS,
} from "../results/mod.ts";
import type { Block } from "./document.ts";
import { plateauSentence } from "./plateau.ts";
import {
  environmentSection,
  measuredSection,
  parametersSection,
  provenanceSection,
  type ReportInput,
  runsSection,
} from "./report_sections.ts";

import { CLAIMS, CONTRADICTIONS } from "./claims.ts";
import type { ClaimMetric } from "./claims.ts";
import {
  assessClaim,
  type Assessment,
  formatMetric,
  measureDifference,
  VERDICT_RULES,
} from "./verdicts.ts";

/** Title of the report in both formats. */
export const REPORT_TITLE =
  "Reproduction report: Hybrid Quantum-Classical Model for Image Classification";

function byDataset(inputs: readonly ReportInput[]): Map<DatasetName, ReportInput> {
  const map = new Map<DatasetName, ReportInput>();
  for (const input of inputs) map.set(input.results.dataset.name, input);
  return map;
}

/** Assesses every claim against the results of its data set. */
export function assessAll(inputs: readonly ReportInput[]): Assessment[] {
  const map = byDataset(inputs);
  return CLAIMS.map((claim) => assessClaim(claim, map.get(claim.dataset)?.results));
}

function caveat(inputs: readonly ReportInput[]): Block[] {
  const converged = inputs.filter((i) => i.results.profile === "converged").map((i) => ({
    type: "warning" as const,
    text: `Profile **converged** on ${i.results.dataset.name}: ${i.results.config.epochs} ` +
      "epochs on the full data, not the paper's 50; the paper's absolute numbers are compared " +
      `only for models whose validation accuracy has plateaued. ${plateauSentence(i.results)}`,
  }));
  const short = inputs.filter((i) => !FULL_PROFILES.includes(i.results.profile));
  if (short.length === 0) return converged;
  const profiles = [...new Set(short.map((i) => i.results.profile))];
  return profiles.map((name) => {
    const used = short.filter((i) => i.results.profile === name)[0]!.results;
    return {
      type: "warning" as const,
      text:
        `Profile **${name}** (${
          PROFILE_DESCRIPTIONS[name]
        }): ${used.config.epochs} epoch(s) on subsets of ` +
        `the data and ${used.config.seeds.length} seed(s), far shorter than the paper's 50 epochs on full ` +
        "data. Absolute accuracies are therefore not testable; directions are tested but may change with " +
        "full training. Run `deno task reproduce --profile converged` for the published answer.",
    };
  }).concat(converged);
}

/** Formats a verdict cell; contradicted claims also show the rule's verdict. */
export function verdictText(a: Assessment): string {
  return a.ruleVerdict === undefined
    ? `**${a.verdict}**`
    : `**${a.verdict}** (rule alone: ${a.ruleVerdict})`;
}

function claims(assessments: readonly Assessment[]): Block[] {
  const counts = new Map<string, number>();
  for (const a of assessments) counts.set(a.verdict, (counts.get(a.verdict) ?? 0) + 1);
  const header = ["id", "data set", "claim", "paper (where)", "we measured", "verdict", "why"];
  const rows = assessments.map((a) => [
    a.claim.id,
    DATASET_LABELS[a.claim.dataset],
    a.claim.text,
    `${a.claim.paper} (${a.claim.source})`,
    a.measured?.text ?? "-",
    verdictText(a),
    a.reason,
  ]);
  return [
    { type: "heading", level: 2, text: "The paper's numeric claims vs our measurement" },
    {
      type: "paragraph",
      text: `${assessments.length} claims: ${
        [...counts].map(([verdict, n]) => `${n} ${verdict}`).join(", ")
      }. Rules are listed below.`,
    },
    { type: "table", header, rows },
  ];
}

/** Reads a difference a - b as words. */
function reading(mean: number, ci95: number, better: string, worse: string): string {
  if (mean - ci95 > 0) return better;
  if (mean + ci95 < 0) return worse;
  return "no significant difference";
}

function control(inputs: readonly ReportInput[]): Block[] {
  const metrics: [ClaimMetric, string][] = [
    ["testAccuracy", "test accuracy"],
    ["valAccuracy", "val accuracy"],
    ["fgsmAccuracy", "FGSM eps=0.1"],
  ];
  const header = ["data set", "metric", "hybrid - control", "reading"];
  const rows: string[][] = [];
  for (const { results: r } of inputs) {
    for (const [metric, label] of metrics) {
      const d = measureDifference(r, { metric, a: "hybrid", b: "control" });
      rows.push(
        typeof d === "string" ? [DATASET_LABELS[r.dataset.name], label, "-", d] : [
          DATASET_LABELS[r.dataset.name],
          label,
          `${formatMetric(metric, d.mean, { ci95: d.ci95, signed: true })} (${d.method})`,
          reading(d.mean, d.ci95, "the circuit helps", "the circuit hurts"),
        ],
      );
    }
  }
  return [
    {
      type: "heading",
      level: 2,
      text: "Does the circuit matter? Hybrid vs parameter-matched control",
    },
    {
      type: "paragraph",
      text:
        "The paper has no control. Ours replaces the quantum layer by a classical layer of the same input " +
        "and output width, so hybrid - control isolates the circuit's effect (95 % CI, same rules as below).",
    },
    { type: "table", header, rows },
  ];
}

/**
 * Builds the report document.
 *
 * @param inputs One results file per data set (any order; shown in the paper's order).
 * @param options `generatedAt` for reproducible output in tests.
 * @returns The document blocks (render with `toMarkdown` / `toHTML`).
 */
export function buildReport(
  inputs: readonly ReportInput[],
  { generatedAt = new Date().toISOString() }: { generatedAt?: string } = {},
): Block[] {
  const ordered = [...inputs].sort((a, b) =>
    DATASET_NAMES.indexOf(a.results.dataset.name) - DATASET_NAMES.indexOf(b.results.dataset.name)
  );
  const missing = DATASET_NAMES.filter((n) => !ordered.some((i) => i.results.dataset.name === n));
  const blocks: Block[] = [
    { type: "heading", level: 1, text: REPORT_TITLE },
    {
      type: "paragraph",
      text:
        `Generated ${generatedAt} by \`deno task reproduce\` from ${ordered.length} results file(s). ` +
        "Every number below is read from those files.",
    },
    ...caveat(ordered),
  ];
  if (missing.length > 0) {
    blocks.push({
      type: "warning",
      text: `No results for ${
        missing.map((n) => DATASET_LABELS[n]).join(", ")
      }: their claims are not testable here.`,
    });
  }
  blocks.push(
    ...claims(assessAll(ordered)),
    ...control(ordered),
    ...measuredSection(ordered),
    {
      type: "heading",
      level: 2,
      text: "Figures",
    },
    {
      type: "list",
      items: ordered.map(({ results: r }) =>
        `${DATASET_LABELS[r.dataset.name]}: \`${r.dataset.name}/\` beside this report ` +
        "(every figure as SVG and PNG; `index.html` and `index.md` show them with captions)"
      ),
    },
    ...parametersSection(ordered),
    ...provenanceSection(ordered),
    ...environmentSection(ordered),
    ...runsSection(ordered),
    { type: "heading", level: 2, text: "Contradictions within the paper" },
    { type: "list", items: Object.entries(CONTRADICTIONS).map(([id, text]) => `${id}: ${text}`) },
    { type: "heading", level: 2, text: "Verdict rules" },
    { type: "list", items: [...VERDICT_RULES] },
  );
  return blocks;
}
