/**
 * Checks an executed notebook (nbformat 4 JSON): cells that raised, cells that
 * never ran, and figure cells (tagged `figure`) that produced no image.
 *
 * @module
 */

/** The tag that marks a cell whose output must contain an image. */
export const FIGURE_TAG = "figure";

/** MIME types that count as an image output of a figure cell. */
export const IMAGE_MIME_TYPES: readonly string[] = ["image/svg+xml", "image/png"];

/** One thing wrong with an executed notebook. */
export interface NotebookProblem {
  /** 0-based index among all cells. */
  cell: number;
  kind: "error" | "not executed" | "no image";
  /** Human-readable detail: the error, or the cell's first line. */
  message: string;
}

interface Output {
  output_type?: string;
  ename?: string;
  evalue?: string;
  data?: Record<string, unknown>;
}

interface Cell {
  cell_type?: string;
  source?: string | string[];
  metadata?: { tags?: unknown };
  execution_count?: number | null;
  outputs?: Output[];
}

function sourceText(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source ?? "";
}

function firstLine(cell: Cell): string {
  return sourceText(cell).split("\n").find((line) => line.trim() !== "")?.trim().slice(0, 80) ??
    "(empty cell)";
}

/**
 * Whether a cell carries a tag in `metadata.tags`.
 *
 * @param cell An nbformat cell.
 * @param tag The tag.
 */
export function hasTag(cell: unknown, tag: string): boolean {
  const tags = (cell as Cell).metadata?.tags;
  return Array.isArray(tags) && tags.includes(tag);
}

function parseNotebook(notebook: unknown): Cell[] {
  const cells = (notebook as { cells?: unknown })?.cells;
  if (typeof notebook !== "object" || notebook === null || !Array.isArray(cells)) {
    throw new TypeError(
      "Expected an nbformat 4 notebook with a cells array but found " +
        (Array.isArray(notebook) ? "an array" : typeof notebook) +
        ": pass the parsed .ipynb JSON",
    );
  }
  return cells as Cell[];
}

/**
 * Lists what is wrong with an executed notebook.
 *
 * @param notebook Parsed `.ipynb` JSON after execution.
 * @returns Problems in cell order; empty when every code cell ran without error
 *   and every figure cell shows an SVG or PNG image.
 * @throws {TypeError} When `notebook` has no cells array.
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const notebook = { cells: [{ cell_type: "code", source: "1", execution_count: 1, outputs: [] }] };
 * deepEqual(notebookProblems(notebook), []);
 * ```
 */
export function notebookProblems(notebook: unknown): NotebookProblem[] {
  const problems: NotebookProblem[] = [];
  parseNotebook(notebook).forEach((cell, index) => {
    if (cell.cell_type !== "code" || sourceText(cell).trim() === "") return;
    const outputs = cell.outputs ?? [];
    for (const output of outputs) {
      if (output.output_type === "error") {
        problems.push({
          cell: index,
          kind: "error",
          message: `${output.ename ?? "Error"}: ${output.evalue ?? ""} (in "${firstLine(cell)}")`,
        });
      }
    }
    if (cell.execution_count === null || cell.execution_count === undefined) {
      problems.push({ cell: index, kind: "not executed", message: firstLine(cell) });
      return;
    }
    if (hasTag(cell, FIGURE_TAG)) {
      const hasImage = outputs.some((output) =>
        IMAGE_MIME_TYPES.some((mime) =>
          typeof output.data?.[mime] === "string" ||
          Array.isArray(output.data?.[mime])
        )
      );
      if (!hasImage) {
        problems.push({
          cell: index,
          kind: "no image",
          message: `Figure cell shows no ${IMAGE_MIME_TYPES.join(" or ")} output: ${
            firstLine(cell)
          }`,
        });
      }
    }
  });
  return problems;
}

/**
 * Counts the images a notebook's outputs hold (for reports).
 *
 * @param notebook Parsed `.ipynb` JSON.
 * @returns How many outputs carry an SVG or PNG.
 */
export function countImages(notebook: unknown): number {
  let count = 0;
  for (const cell of parseNotebook(notebook)) {
    for (const output of cell.outputs ?? []) {
      if (IMAGE_MIME_TYPES.some((mime) => output.data?.[mime] !== undefined)) count++;
    }
  }
  return count;
}
