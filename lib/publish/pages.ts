/**
 * The HTML of the published site: one page shell with the provenance box, and a way
 * to put that box into pages other code wrote (the report, the figure gallery, the
 * rendered notebooks).
 *
 * @module
 */

import { PROVENANCE_LABELS, type SiteProvenance } from "./provenance.ts";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string | number): string {
  return String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

const STYLE =
  "body{font-family:sans-serif;max-width:960px;margin:auto;padding:1em;line-height:1.4}" +
  ".hqc-provenance{border:1px solid #bbb;background:#f6f6f6;padding:.5em 1em;margin:0 0 1em;" +
  "font:13px sans-serif;color:#222}.hqc-provenance dl{display:grid;" +
  "grid-template-columns:max-content 1fr;gap:.1em 1em;margin:.3em 0}" +
  ".hqc-provenance dt{font-weight:bold}.hqc-provenance dd{margin:0}" +
  "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}" +
  "img{max-width:100%}";

/** Marks the provenance box so that it is inserted only once into a page. */
const BOX_CLASS = "hqc-provenance";

/**
 * The provenance box every page carries.
 *
 * @param provenance The run's provenance.
 * @param homeHref Link back to the site's index, relative to the page.
 * @returns An HTML `<aside>` with an inline style (so it renders inside foreign pages too).
 */
export function provenanceBox(provenance: SiteProvenance, homeHref: string): string {
  const rows = (Object.keys(PROVENANCE_LABELS) as (keyof SiteProvenance)[]).map((key) =>
    `<dt>${escapeHtml(PROVENANCE_LABELS[key])}</dt><dd>${escapeHtml(provenance[key])}</dd>`
  );
  const warning = provenance.data.includes("synthetic stand-in")
    ? `<p style="color:#d62728"><b>Synthetic stand-in data: these numbers say nothing about the paper.</b></p>`
    : "";
  return `<aside class="${BOX_CLASS}" style="border:1px solid #bbb;background:#f6f6f6;` +
    `padding:.5em 1em;margin:0 0 1em;font:13px sans-serif;color:#222">` +
    `<a href="${escapeHtml(homeHref)}">Published run: ${escapeHtml(provenance.dataset)}, ` +
    `profile ${escapeHtml(provenance.profile)}</a>${warning}<dl>${rows.join("")}</dl></aside>`;
}

/**
 * A complete page of the site.
 *
 * @param title Page title (also the `<h1>`).
 * @param body HTML of the page's content.
 * @param box The page's provenance box ({@link provenanceBox}).
 * @returns The HTML document.
 */
export function sitePage(title: string, body: string, box: string): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${box}` +
    `<h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>\n`;
}

/**
 * Inserts the provenance box at the top of a page that other code wrote; a page that
 * already has one gets it replaced, so republishing a published folder does not stack boxes.
 *
 * @param html An HTML document.
 * @param box The provenance box.
 * @returns The document with the box right after `<body>` (or first, without one).
 */
export function withProvenance(html: string, box: string): string {
  const existing = new RegExp(`<aside class="${BOX_CLASS}"[\\s\\S]*?</aside>`);
  if (existing.test(html)) return html.replace(existing, () => box);
  const body = /<body[^>]*>/i.exec(html);
  if (body === null) return box + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + box + html.slice(at);
}
