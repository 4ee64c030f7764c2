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
  datasetLabel,
  environmentSection,
  measuredSection,
  parametersSection,
  provenanceSection,
  type ReportInput,
  runsSection,
} from "./report_sections.ts";

import { CLAIMS, CONTRADICTIONS } from "./claims.ts";
import { assessClaim, type Assessment, VERDICT_RULES } from "./verdicts.ts";
import { MIN_SEEDS } from "./compare.ts";
import { controlSection } from "./control_section.ts";
import { robustnessSection } from "./robustness_section.ts";
import { memorySection } from "./memory_section.ts";
import { featuresSection } from "./features_section.ts";
import { protocolSection } from "./protocol.ts";

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
  const few = inputs.filter((i) => i.results.config.seeds.length < MIN_SEEDS);
  const seedWarning: Block[] = few.length === 0 ? [] : [{
    type: "warning",
    text: `${
      few.map((i) => datasetLabel(i.results)).join(", ")
    }: fewer than ${MIN_SEEDS} seeds, so every ` +
      "direction, equivalence, value and ratio claim there is **underpowered: run more seeds** (" +
      "`deno task reproduce --seeds 3`); the numbers are shown, the verdicts withheld.",
  }];
  const short = inputs.filter((i) => !FULL_PROFILES.includes(i.results.profile));
  if (short.length === 0) return [...seedWarning, ...converged];
  const profiles = [...new Set(short.map((i) => i.results.profile))];
  return [
    ...seedWarning,
    ...profiles.map((name) => {
      const used = short.filter((i) => i.results.profile === name)[0]!.results;
      return {
        type: "warning" as const,
        text:
          `Profile **${name}** (${
            PROFILE_DESCRIPTIONS[name]
          }): ${used.config.epochs} epoch(s) on subsets of ` +
          `the data and ${used.config.seeds.length} seed(s), far shorter than the paper's 50 epochs on full ` +
          "data. Absolute accuracies are therefore not testable; directions are judged only with 3+ seeds and may change " +
          "with full training. Run `deno task reproduce --profile converged` for the published answer, or `--profile paper` for the " +
          "paper's data, epochs and batch size (the rest of its protocol is ours: see Protocol).",
      };
    }),
    ...converged,
  ];
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
    DATASET_LABELS[a.claim.dataset] + (a.standIn ? " (synthetic stand-in)" : ""),
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
    ...controlSection(ordered),
    ...robustnessSection(ordered),
    ...memorySection(ordered),
    ...featuresSection(ordered),
    ...protocolSection(),
    ...measuredSection(ordered),
    {
      type: "heading",
      level: 2,
      text: "Figures",
    },
    {
      type: "list",
      items: ordered.map(({ results: r }) =>
        `${datasetLabel(r)}: \`${r.dataset.name}/\` beside this report ` +
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
