/**
 * The claims report: every numeric claim of the paper beside our measurement
 * (mean and 95 % CI over seeds, read from results files) with a verdict, in
 * Markdown and HTML.
 *
 * @example
 * ```ts ignore
 * import { loadResults } from "../results/mod.ts";
 * import { writeReport } from "./mod.ts";
 * const file = "data/runs/quick/mnist/results.json";
 * await writeReport([{ results: await loadResults(file), file }], { outDir: "figures" });
 * ```
 *
 * @module
 */

export { CLAIMS, CONTRADICTIONS } from "./claims.ts";
export type {
  Claim,
  ClaimMetric,
  DifferenceClaim,
  ParameterClaim,
  RatioClaim,
  ValueClaim,
} from "./claims.ts";
export {
  ACCURACY_TOLERANCE,
  assessClaim,
  formatComparison,
  formatMetric,
  formatWithInterval,
  PARAMETER_TOLERANCE,
  RATIO_TOLERANCE,
  VERDICT_RULES,
} from "./verdicts.ts";
export {
  ACCURACY_MARGIN,
  compareModels,
  type CompareOptions,
  type Comparison,
  equivalenceMargin,
  equivalent,
  judgeDirection,
  type Judgement,
  MIN_SEEDS,
  PROPORTION_METRICS,
  proportionInterval,
  RELATIVE_MARGIN,
  TOST_ALPHA,
  UNDERPOWERED,
} from "./compare.ts";
export {
  type ConfidenceOptions,
  type Count,
  type Interval,
  newcombeInterval,
  normalQuantile,
  tInterval,
  union,
  welchInterval,
  wilsonInterval,
} from "./intervals.ts";
export { CONTROL_COMPARISONS, controlSection, readComparison } from "./control_section.ts";
export {
  MASKING_GAP,
  robustnessSection,
  survivalStatement,
  transferAccuracy,
} from "./robustness_section.ts";
export { memoryCells, memorySection } from "./memory_section.ts";
export { featureSilhouettes, featuresSection } from "./features_section.ts";
export { PROTOCOL, type ProtocolItem, protocolSection, protocolTable } from "./protocol.ts";
export type { Assessment, Measurement, Verdict } from "./verdicts.ts";
export { assessAll, buildReport, REPORT_TITLE, verdictText } from "./build_report.ts";
export {
  datasetLabel,
  environmentSection,
  measuredSection,
  parametersSection,
  provenanceSection,
  type ReportInput,
  RESULT_COLUMNS,
  runsSection,
  summaryCell,
} from "./report_sections.ts";
export { toHTML, toMarkdown } from "./document.ts";
export type { Block } from "./document.ts";
export { writeReport } from "./write_report.ts";
export type { WriteReportOptions } from "./write_report.ts";
export { ANSWER_COLUMNS, type AnswerRow, answerRows, answerTableMarkdown } from "./answer_table.ts";
export {
  absoluteClaimBlocker,
  PLATEAU_TOLERANCE,
  PLATEAU_WINDOW,
  type PlateauCheck,
  plateauChecks,
  plateauSentence,
} from "./plateau.ts";
