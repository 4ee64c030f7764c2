/**
 * Small SVG string helpers shared by the figure files.
 *
 * @module
 */
import { FONT_FAMILY } from "./options.ts";

/** Escapes text for use in SVG element content and attribute values. */
export function esc(text: string | number): string {
  return String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

/** Formats a coordinate compactly and deterministically. */
export function num(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Options of {@link text}: where the text sits, and how it looks. */
export interface TextOptions {
  /** Anchor x in px. */
  x: number;
  /** Baseline y in px. */
  y: number;
  size?: number;
  weight?: "normal" | "bold";
  fill?: string;
  anchor?: "start" | "middle" | "end";
}

/** An SVG `<text>` element with the project font. */
export function text(
  content: string,
  { x, y, size = 12, weight = "normal", fill = "#000000", anchor = "start" }: TextOptions,
): string {
  return `<text x="${num(x)}" y="${num(y)}" font-family="${FONT_FAMILY}" font-size="${size}"` +
    (weight === "bold" ? ` font-weight="bold"` : "") +
    ` fill="${fill}" text-anchor="${anchor}">${esc(content)}</text>`;
}

/** Approximate rendered width of `content` in DejaVu Sans at `size` px. */
export function textWidth(content: string, size = 12): number {
  // DejaVu Sans averages about 0.6 em per character for mixed text.
  return content.length * size * 0.6;
}

/** Reads the numeric width and height attributes of an `<svg>` string's root. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = svg.match(/<svg\b[^>]*>/)?.[0] ?? "";
  const width = Number(root.match(/\swidth="([\d.]+)/)?.[1]);
  const height = Number(root.match(/\sheight="([\d.]+)/)?.[1]);
  if (!(width > 0 && height > 0)) {
    throw new TypeError(
      `Expected an <svg> with numeric width and height but found ${root.slice(0, 80)}`,
    );
  }
  return { width, height };
}
