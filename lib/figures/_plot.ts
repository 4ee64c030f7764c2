/**
 * Renders Observable Plot charts to SVG strings with a linkedom DOM, cleaned
 * for standalone use (no CSS, no class names, the project font).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { FONT_FAMILY } from "./options.ts";
import { text } from "./_svg.ts";

type PlotDocument = NonNullable<Plot.PlotOptions["document"]>;
let cachedDocument: PlotDocument | undefined;

function plotDocument(): PlotDocument {
  const dom = parseHTML("<!DOCTYPE html><html><body></body></html>") as unknown as {
    document: PlotDocument;
  };
  cachedDocument ??= dom.document;
  return cachedDocument;
}

/** A rendered chart: SVG markup and its size. */
export interface Panel {
  svg: string;
  width: number;
  height: number;
}

/**
 * Renders `options` with Plot into an SVG panel of `width` x `height`. Plot's
 * `title`, `subtitle`, `caption` and `legend` options would wrap the chart in
 * HTML, so they are refused: frames draw those in SVG.
 *
 * @throws {TypeError} when Plot returns something other than an `<svg>`
 */
export function plotPanel(options: Plot.PlotOptions, width: number, height: number): Panel {
  for (const key of ["title", "subtitle", "caption"] as const) {
    if (options[key] !== undefined) {
      throw new TypeError(`Plot option "${key}" must not be set: frames draw titles in SVG`);
    }
  }
  const element = Plot.plot({
    ...options,
    width,
    height,
    document: plotDocument(),
  }) as unknown as { outerHTML: string; tagName: string };
  if (element.tagName.toLowerCase() !== "svg") {
    throw new TypeError(
      `Expected Plot to return an <svg> but found <${element.tagName.toLowerCase()}>: remove legend options`,
    );
  }
  const svg = element.outerHTML
    .replace(/<style>[\s\S]*?<\/style>/, "")
    .replace(/ class="plot-[0-9a-f]+"/, "")
    .replace(/font-family="[^"]*"/, `font-family="${FONT_FAMILY}"`)
    .replaceAll("currentColor", "#000000");
  return { svg, width, height };
}

/** A panel that only says `message` (used where data is missing). */
export function messagePanel(message: string, width: number, height: number): Panel {
  const svg = `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${
      height - 1
    }" fill="#fafafa" stroke="#cccccc"/>` +
    text(message, { x: width / 2, y: height / 2, size: 13, anchor: "middle", fill: "#555555" }) +
    `</svg>`;
  return { svg, width, height };
}
