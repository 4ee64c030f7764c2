/**
 * Writes `REPORT.md` and `REPORT.html` (atomically) from results files.
 *
 * @module
 */

import { writeFileAtomic } from "../results/mod.ts";
import { buildReport, REPORT_TITLE } from "./build_report.ts";
import type { ReportInput } from "./report_sections.ts";
import { toHTML, toMarkdown } from "./document.ts";

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /**
   * Folder the report goes to.
   * @default "figures"
   */
  outDir?: string;
  /** Timestamp printed in the report; defaults to now. */
  generatedAt?: string;
}

/**
 * Renders the report from results and writes it in Markdown and HTML.
 *
 * @param inputs One results file per data set.
 * @param options Output folder and timestamp.
 * @returns Paths of the Markdown and HTML files.
 * @example
 * ```ts ignore
 * import { writeReport } from "./write_report.ts";
 * await writeReport([{ results, file: "data/runs/quick/mnist/results.json" }]);
 * ```
 */
export async function writeReport(
  inputs: readonly ReportInput[],
  { outDir = "figures", generatedAt }: WriteReportOptions = {},
): Promise<{ markdown: string; html: string }> {
  const blocks = buildReport(inputs, { generatedAt });
  const markdown = `${outDir}/REPORT.md`;
  const html = `${outDir}/REPORT.html`;
  await writeFileAtomic(markdown, toMarkdown(blocks));
  await writeFileAtomic(html, toHTML(blocks, REPORT_TITLE));
  return { markdown, html };
}
