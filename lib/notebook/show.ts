/**
 * Shows figures in a notebook, each followed by its caption.
 *
 * @module
 */

import type { DisplayFunction } from "./progress.ts";

/** What {@link showFigures} needs of a figure: it displays itself and has an id and caption. */
export interface CaptionedFigure {
  readonly id: string;
  readonly caption: string;
}

/**
 * Displays each figure (as its own image output) followed by its id and
 * caption (as Markdown), in order.
 *
 * @param display The kernel's display function.
 * @param figures Figures that implement `Symbol.for("Jupyter.display")`.
 * @example
 * ```ts
 * import { assertEquals } from "node:assert/strict";
 * const shown: unknown[] = [];
 * await showFigures((obj) => void shown.push(obj), [{ id: "fig02a", caption: "Loss" }]);
 * assertEquals(shown[1], { "text/markdown": "**fig02a.** Loss" });
 * ```
 */
export async function showFigures(
  display: DisplayFunction,
  figures: readonly CaptionedFigure[],
): Promise<void> {
  for (const figure of figures) {
    await display(figure);
    await display({ "text/markdown": `**${figure.id}.** ${figure.caption}` }, { raw: true });
  }
}
