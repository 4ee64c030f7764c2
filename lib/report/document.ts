/**
 * A tiny document model (headings, paragraphs, warnings, lists, tables) that
 * renders to Markdown and to standalone HTML, so both report formats carry
 * the same content. Inline `code` in backticks and **bold** are supported.
 *
 * @module
 */

/** One block of a document. */
export type Block =
  | { type: "heading"; level: 1 | 2 | 3; text: string }
  | { type: "paragraph"; text: string }
  | { type: "warning"; text: string }
  | { type: "list"; items: string[] }
  | { type: "table"; header: string[]; rows: string[][] };

/** Escapes a Markdown table cell (pipes and line breaks). */
function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/**
 * Renders blocks as GitHub-flavoured Markdown.
 *
 * @example
 * ```ts
 * import { toMarkdown } from "./document.ts";
 * toMarkdown([{ type: "heading", level: 1, text: "Hi" }]); // "# Hi\n"
 * ```
 */
export function toMarkdown(blocks: readonly Block[]): string {
  const parts = blocks.map((block) => {
    switch (block.type) {
      case "heading":
        return `${"#".repeat(block.level)} ${block.text}`;
      case "paragraph":
        return block.text;
      case "warning":
        return `> **Warning:** ${block.text}`;
      case "list":
        return block.items.map((item) => `- ${item}`).join("\n");
      case "table":
        return [
          `| ${block.header.map(cell).join(" | ")} |`,
          `|${block.header.map(() => "---").join("|")}|`,
          ...block.rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
        ].join("\n");
    }
  });
  return parts.join("\n\n") + "\n";
}

/** Escapes text for HTML, then turns `code` and **bold** into tags. */
function inline(text: string): string {
  const escaped = text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
  return escaped.replace(/`([^`]+)`/g, "<code>$1</code>").replace(
    /\*\*([^*]+)\*\*/g,
    "<strong>$1</strong>",
  );
}

const STYLE =
  `body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;line-height:1.45}
table{border-collapse:collapse;margin:1em 0;font-size:0.9em}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}.warning{background:#fff3cd;border-left:6px solid #e0a800;padding:0.6em 1em;margin:1em 0}
code{background:#f3f3f3;padding:0 3px}`;

/**
 * Renders blocks as a standalone HTML page.
 *
 * @param blocks The document.
 * @param title The page title.
 * @returns A complete HTML document.
 */
export function toHTML(blocks: readonly Block[], title: string): string {
  const body = blocks.map((block) => {
    switch (block.type) {
      case "heading":
        return `<h${block.level}>${inline(block.text)}</h${block.level}>`;
      case "paragraph":
        return `<p>${inline(block.text)}</p>`;
      case "warning":
        return `<div class="warning"><strong>Warning:</strong> ${inline(block.text)}</div>`;
      case "list":
        return `<ul>\n${block.items.map((item) => `<li>${inline(item)}</li>`).join("\n")}\n</ul>`;
      case "table":
        return [
          "<table>",
          `<thead><tr>${block.header.map((h) => `<th>${inline(h)}</th>`).join("")}</tr></thead>`,
          "<tbody>",
          ...block.rows.map((row) =>
            `<tr>${row.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`
          ),
          "</tbody>",
          "</table>",
        ].join("\n");
    }
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${inline(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}
