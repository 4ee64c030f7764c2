/**
 * Tables of records that show as HTML in a notebook and as aligned text
 * elsewhere (the rendered HTML page, a terminal, a test).
 *
 * @module
 */

/** A cell value; numbers are formatted with `digits` decimals. */
export type TableValue = string | number | boolean | null | undefined;

/** Options of {@link table}. */
export interface TableOptions {
  /** Columns in order. @default the keys of the first row */
  columns?: string[];
  /** Caption shown above the table. */
  caption?: string;
  /** Decimals for non-integer numbers. @default 3 */
  digits?: number;
}

/** A table that Jupyter displays (HTML and plain text). */
export interface DisplayTable {
  readonly columns: string[];
  readonly rows: string[][];
  toText(): string;
  toHTML(): string;
  [key: symbol]: () => Record<string, string>;
}

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function formatValue(value: TableValue, digits: number): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    return Number.isInteger(value) ? String(value) : value.toFixed(digits);
  }
  return String(value);
}

/**
 * Builds a displayable table from records.
 *
 * @param records One object per row.
 * @param options Columns, caption and number format.
 * @returns An object with `toText()`, `toHTML()` and a Jupyter display bundle.
 * @throws {RangeError} When `digits` is not a whole number in [0, 20].
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const t = table([{ model: "hybrid", accuracy: 0.98765 }], { digits: 2 });
 * deepEqual(t.rows, [["hybrid", "0.99"]]);
 * ```
 */
export function table(
  records: readonly Record<string, TableValue>[],
  { columns, caption, digits = 3 }: TableOptions = {},
): DisplayTable {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`Expected digits to be a whole number in [0, 20] but found ${digits}`);
  }
  const cols = columns ?? Object.keys(records[0] ?? {});
  const rows = records.map((record) => cols.map((col) => formatValue(record[col], digits)));
  const numeric = cols.map((col) => records.every((r) => typeof r[col] !== "string"));
  function toText(): string {
    const widths = cols.map((col, j) => Math.max(col.length, ...rows.map((r) => r[j]!.length)));
    const line = (cells: string[]) =>
      cells.map((c, j) => numeric[j] ? c.padStart(widths[j]!) : c.padEnd(widths[j]!)).join("  ")
        .trimEnd();
    const head = [line(cols), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
    return (caption === undefined ? [] : [caption]).concat(head).join("\n");
  }
  function toHTML(): string {
    const align = (j: number) => numeric[j] ? "right" : "left";
    const head = cols.map((c, j) => `<th style="text-align:${align(j)}">${escapeHtml(c)}</th>`);
    const body = rows.map((r) =>
      `<tr>${
        r.map((c, j) => `<td style="text-align:${align(j)}">${escapeHtml(c)}</td>`).join("")
      }</tr>`
    );
    const cap = caption === undefined ? "" : `<caption>${escapeHtml(caption)}</caption>`;
    return `<table>${cap}<thead><tr>${head.join("")}</tr></thead><tbody>${
      body.join("")
    }</tbody></table>`;
  }
  return {
    columns: cols,
    rows,
    toText,
    toHTML,
    [Symbol.for("Jupyter.display")]: () => ({ "text/html": toHTML(), "text/plain": toText() }),
  };
}
