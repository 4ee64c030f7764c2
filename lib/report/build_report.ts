/**
 * Builds the claims report from results on disk: environment, provenance,
 * parameter counts, measured results, every claim of the paper with a
 * verdict, the hybrid-vs-control comparison, the paper's contradictions and
 * the verdict rules. Every number comes from the given results.
 *
 * @module
 */

import type { DatasetName, ModelKind, Results } from "../experiment/results_schema.ts";
import { MODEL_KINDS } from "../experiment/results_schema.ts";
import { DATASET_NAMES, PROFILES } from "../experiment/profiles.ts";
import type { Block } from "./document.ts";

/** Title of the report in both formats. */
export const REPORT_TITLE =
  "Reproduction report: Hybrid Quantum-Classical Model for Image Classification";
import { CLAIMS, CONTRADICTIONS } from "./claims.ts";
import type { ClaimMetric } from "./claims.ts";
import {
  assessClaim,
  type Assessment,
  formatMetric,
  measureDifference,
  VERDICT_RULES,
} from "./verdicts.ts";

/** One results file and where it came from. */
export interface ReportInput {
  results: Results;
  /** Path of the results file, shown in the report. */
  file: string;
}

/** Display names of the data sets. */
export const DATASET_LABELS: Record<DatasetName, string> = {
  mnist: "MNIST",
  cifar100: "CIFAR-100",
  stl10: "STL-10",
};

/** The summary columns of the measured-results table: [metric key, header, kind]. */
export const RESULT_COLUMNS: readonly [string, string, ClaimMetric][] = [
  ["valAccuracy", "val accuracy", "valAccuracy"],
  ["testAccuracy", "test accuracy", "testAccuracy"],
  ["testF1", "test macro F1", "testAccuracy"],
  ["fgsmAccuracy", "FGSM eps=0.1", "fgsmAccuracy"],
  ["pgdAccuracy", "PGD eps=0.1", "fgsmAccuracy"],
  ["epochSeconds", "epoch time", "epochSeconds"],
  ["cpuProcessPercent", "process CPU", "cpuProcessPercent"],
  ["tensorMB", "peak tensor memory", "tensorMB"],
  ["rssMB", "peak RSS", "rssMB"],
];

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
  const short = inputs.filter((i) => i.results.profile !== "paper");
  if (short.length === 0) return [];
  const profiles = [...new Set(short.map((i) => i.results.profile))];
  return profiles.map((name) => {
    const p = PROFILES[name];
    const used = short.filter((i) => i.results.profile === name)[0]!.results;
    return {
      type: "warning" as const,
      text:
        `Profile **${name}** (${p.description}): ${used.config.epochs} epoch(s) on subsets of ` +
        `the data and ${used.config.seeds.length} seed(s), far shorter than the paper's 50 epochs on full ` +
        "data. Absolute accuracies are therefore not testable; directions are tested but may change with " +
        "full training. Run `deno task reproduce --profile paper` for the paper's protocol.",
    };
  });
}

function provenance(inputs: readonly ReportInput[]): Block[] {
  const blocks: Block[] = [{ type: "heading", level: 2, text: "Data provenance" }];
  for (const { results } of inputs) {
    const d = results.dataset;
    const label = DATASET_LABELS[d.name];
    const sizes = `train ${d.sizes.train}, val ${d.sizes.val}, test ${d.sizes.test} images`;
    if (d.provenance === "official") {
      blocks.push({ type: "paragraph", text: `${label}: official data (${sizes}).` });
    } else {
      blocks.push({
        type: "warning",
        text: `**${label} HERE IS A SYNTHETIC STAND-IN, NOT THE REAL DATA SET** (${sizes}). ` +
          `Its accuracies say nothing about the paper's claims. Fetch the real data with \`${d.fetchCommand}\` and rerun.`,
      });
    }
  }
  return blocks;
}

function environment(inputs: readonly ReportInput[]): Block[] {
  const header = ["data set", "Deno", "tfjs", "backend", "threads", "CPU", "cores", "memory", "OS"];
  const rows = inputs.map(({ results: r }) => {
    const e = r.environment;
    return [
      DATASET_LABELS[r.dataset.name],
      e.deno,
      e.tfjs,
      e.backend,
      String(e.threads),
      e.cpuModel,
      String(e.cores),
      `${e.memoryGB.toFixed(1)} GB`,
      e.os,
    ];
  });
  return [{ type: "heading", level: 2, text: "Environment" }, { type: "table", header, rows }];
}

function runs(inputs: readonly ReportInput[]): Block[] {
  const header = [
    "data set",
    "results file",
    "profile",
    "created",
    "seeds",
    "epochs",
    "batch",
    "lr",
    "run time",
  ];
  const rows = inputs.map(({ results: r, file }) => [
    DATASET_LABELS[r.dataset.name],
    `\`${file}\``,
    r.profile,
    r.createdAt,
    r.config.seeds.join(", "),
    String(r.config.epochs),
    String(r.config.batchSize),
    String(r.config.learningRate),
    `${r.totalSeconds.toFixed(1)} s`,
  ]);
  return [{ type: "heading", level: 2, text: "Runs used" }, { type: "table", header, rows }];
}

function parameters(inputs: readonly ReportInput[]): Block[] {
  const header = ["data set", "model", "parameters", "trainable", "vs classical"];
  const rows = inputs.flatMap(({ results: r }) =>
    MODEL_KINDS.flatMap((kind) => {
      const m = r.models[kind];
      if (m === undefined) return [];
      const c = r.models.classical?.parameterCount;
      const change = c === undefined ? undefined : (m.parameterCount / c - 1) * 100;
      const vs = change === undefined ? "-" : `${change >= 0 ? "+" : ""}${change.toFixed(2)} %`;
      return [[
        DATASET_LABELS[r.dataset.name],
        kind,
        String(m.parameterCount),
        String(m.trainableParameterCount),
        vs,
      ]];
    })
  );
  return [{ type: "heading", level: 2, text: "Parameter counts" }, { type: "table", header, rows }];
}

function measured(inputs: readonly ReportInput[]): Block[] {
  const blocks: Block[] = [
    { type: "heading", level: 2, text: "Measured results (mean ± 95 % CI over seeds)" },
    {
      type: "paragraph",
      text:
        "Validation accuracy is after the last epoch; robustness is on the attacked test sample; " +
        "epoch time, CPU and memory are means (time, CPU) or peaks (memory) over epochs.",
    },
  ];
  for (const { results: r } of inputs) {
    const header = ["model", "seeds", ...RESULT_COLUMNS.map(([, h]) => h)];
    const rows = MODEL_KINDS.flatMap((kind) => {
      const m = r.models[kind];
      if (m === undefined) return [];
      return [[
        kind,
        String(m.runs.length),
        ...RESULT_COLUMNS.map(([key, , unit]) => {
          const s = m.summary[key];
          if (s === undefined) return "-";
          return formatMetric(unit, s.mean, s.values.length > 1 ? { ci95: s.ci95 } : {});
        }),
      ]];
    });
    blocks.push({ type: "heading", level: 3, text: DATASET_LABELS[r.dataset.name] }, {
      type: "table",
      header,
      rows,
    });
  }
  return blocks;
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
      const d = measureDifference(r, metric, "hybrid", "control");
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
    ...measured(ordered),
    ...parameters(ordered),
    ...provenance(ordered),
    ...environment(ordered),
    ...runs(ordered),
    { type: "heading", level: 2, text: "Contradictions within the paper" },
    { type: "list", items: Object.entries(CONTRADICTIONS).map(([id, text]) => `${id}: ${text}`) },
    { type: "heading", level: 2, text: "Verdict rules" },
    { type: "list", items: [...VERDICT_RULES] },
  );
  return blocks;
}

/** Model kinds present in results, in table order (for callers that list them). */
export function modelsIn(results: Results): ModelKind[] {
  return MODEL_KINDS.filter((k) => results.models[k] !== undefined);
}
