/**
 * The descriptive sections of the report: provenance, environment, runs,
 * parameter counts and the measured-results tables.
 *
 * @module
 */

import {
  DATASET_LABELS,
  type Environment,
  MODEL_KINDS,
  type ModelKind,
  type Results,
} from "../results/mod.ts";
import type { Block } from "./document.ts";
import type { ClaimMetric } from "./claim_types.ts";
import { formatMetric, formatWithInterval } from "./verdicts.ts";
import { PROPORTION_METRICS, proportionInterval } from "./compare.ts";

/** One results file and where it came from. */
export interface ReportInput {
  results: Results;
  /** Path of the results file, shown in the report. */
  file: string;
}

/**
 * The data set's display name, with "(synthetic stand-in)" when its pixels were not the real
 * data set's: every row computed on a stand-in carries this label.
 */
export function datasetLabel(results: Results): string {
  const label = DATASET_LABELS[results.dataset.name];
  return results.dataset.provenance === "official" ? label : `${label} (synthetic stand-in)`;
}

/** The summary columns of the measured-results table: [metric key, header, unit]. */
export const RESULT_COLUMNS: readonly [string, string, ClaimMetric][] = [
  ["valAccuracy", "val accuracy", "valAccuracy"],
  ["testAccuracy", "test accuracy", "testAccuracy"],
  ["testF1", "test macro F1", "testAccuracy"],
  ["fgsmAccuracy", "FGSM eps=0.1, pixel", "fgsmAccuracy"],
  ["fgsmNormAccuracy", "FGSM eps=0.1, normalised input", "fgsmNormAccuracy"],
  ["pgdAccuracy", "PGD eps=0.1", "pgdAccuracy"],
  ["epochSeconds", "epoch time", "epochSeconds"],
  ["cpuProcessPercent", "process CPU", "cpuProcessPercent"],
  ["stepTensorMB", "peak tensor memory in a step", "stepTensorMB"],
  ["freshRssMB", "peak RSS, fresh process", "freshRssMB"],
];

/**
 * One summary cell: proportions as mean [95 % interval] (Wilson over pooled images, widened
 * to the t interval over seeds), other metrics as mean ± t half width with 2+ seeds, or the
 * mean alone for one seed; "not measured" where the metric is missing.
 */
export function summaryCell(
  results: Results,
  kind: ModelKind,
  key: string,
  unit: ClaimMetric,
): string {
  const s = results.models[kind]?.summary[key];
  if (s === undefined) return "not measured";
  if (PROPORTION_METRICS.includes(key as ClaimMetric)) {
    return formatWithInterval(unit, s.mean, proportionInterval(results, key as ClaimMetric, kind));
  }
  return formatMetric(unit, s.mean, s.values.length > 1 ? { ci95: s.ci95 } : {});
}

/** Data provenance, with a loud warning for every stand-in. */
export function provenanceSection(inputs: readonly ReportInput[]): Block[] {
  const blocks: Block[] = [{ type: "heading", level: 2, text: "Data provenance" }];
  for (const { results } of inputs) {
    const d = results.dataset;
    const label = DATASET_LABELS[d.name];
    const sizes = `train ${d.sizes.train}, val ${d.sizes.val}, test ${d.sizes.test} images`;
    if (d.provenance === "official") {
      blocks.push({ type: "paragraph", text: `${label}: official data (${sizes}).` });
    } else if (d.provenance === "user-supplied") {
      blocks.push({
        type: "warning",
        text: `**${label}: user-supplied files** (${sizes}), checked against the user's own MD5, ` +
          `not the published one; verdicts on them are not counted. Fetch the official data with \`${d.fetchCommand}\`.`,
      });
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

/** The kernel path as the report shows it: `native (libopenblas.so.0, 2 threads)`, `wasm`. */
function kernelPathText(path: Environment["kernelPath"]): string {
  if (path === undefined) return "not recorded";
  if (path.library === null) return path.path;
  return `${path.path} (${path.library.split("/").at(-1)}, ${path.threads} threads)`;
}

/** Machine and software of each run. */
export function environmentSection(inputs: readonly ReportInput[]): Block[] {
  const header = [
    "data set",
    "Deno",
    "tfjs",
    "backend",
    "kernels",
    "threads",
    "CPU",
    "cores",
    "memory",
    "OS",
  ];
  const rows = inputs.map(({ results: r }) => {
    const e = r.environment;
    return [
      datasetLabel(r),
      e.deno,
      e.tfjs,
      e.backend,
      kernelPathText(e.kernelPath),
      String(e.threads),
      e.cpuModel,
      String(e.cores),
      `${e.memoryGB.toFixed(1)} GB`,
      e.os,
    ];
  });
  return [{ type: "heading", level: 2, text: "Environment" }, { type: "table", header, rows }];
}

/** Which results files, profiles and settings the report read. */
export function runsSection(inputs: readonly ReportInput[]): Block[] {
  const header = [
    "data set",
    "results file",
    "profile",
    "created",
    "seeds",
    "epochs",
    "batch",
    "lr",
    "circuit",
    "run time",
  ];
  const rows = inputs.map(({ results: r, file }) => [
    datasetLabel(r),
    `\`${file}\``,
    r.profile,
    r.createdAt,
    r.config.seeds.join(", "),
    String(r.config.epochs),
    String(r.config.batchSize),
    String(r.config.learningRate),
    r.circuitHash === undefined ? "-" : `\`${r.circuitHash}\``,
    `${r.totalSeconds.toFixed(1)} s`,
  ]);
  return [{ type: "heading", level: 2, text: "Runs used" }, { type: "table", header, rows }];
}

/** Parameter counts per model. */
export function parametersSection(inputs: readonly ReportInput[]): Block[] {
  const header = ["data set", "model", "parameters", "trainable", "vs classical"];
  const rows = inputs.flatMap(({ results: r }) =>
    MODEL_KINDS.flatMap((kind) => {
      const m = r.models[kind];
      if (m === undefined) return [];
      const c = r.models.classical?.parameterCount;
      const change = c === undefined ? undefined : (m.parameterCount / c - 1) * 100;
      const vs = change === undefined ? "-" : `${change >= 0 ? "+" : ""}${change.toFixed(2)} %`;
      return [[
        datasetLabel(r),
        kind,
        String(m.parameterCount),
        String(m.trainableParameterCount),
        vs,
      ]];
    })
  );
  return [{ type: "heading", level: 2, text: "Parameter counts" }, { type: "table", header, rows }];
}

/** Mean and 95 % interval of every summary metric per model. */
export function measuredSection(inputs: readonly ReportInput[]): Block[] {
  const blocks: Block[] = [
    { type: "heading", level: 2, text: "Measured results (mean and 95 % interval over seeds)" },
    {
      type: "paragraph",
      text:
        "Validation accuracy is after the last epoch; robustness is on the attacked test sample; " +
        "epoch time and CPU are means over epochs. Accuracies show [95 % interval]: Wilson over " +
        "the pooled evaluated images, widened to the Student-t interval over seeds with 2+ seeds. " +
        "Other metrics show ± the t half width with 2+ seeds and the mean alone for one seed. " +
        "Memory is measured inside a training step and in a fresh process per model (see Memory).",
    },
  ];
  for (const { results: r } of inputs) {
    const header = ["data", "model", "seeds", ...RESULT_COLUMNS.map(([, h]) => h)];
    const rows = MODEL_KINDS.flatMap((kind) => {
      const m = r.models[kind];
      if (m === undefined) return [];
      return [[
        datasetLabel(r),
        kind,
        String(m.runs.length),
        ...RESULT_COLUMNS.map(([key, , unit]) => summaryCell(r, kind, key, unit)),
      ]];
    });
    blocks.push({ type: "heading", level: 3, text: datasetLabel(r) }, {
      type: "table",
      header,
      rows,
    });
  }
  return blocks;
}
