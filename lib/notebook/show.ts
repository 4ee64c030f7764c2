/**
 * Showing things in a notebook reliably. The Deno kernel can send a cell's
 * last outputs after it reports the cell finished; headless runners
 * (`nbconvert --execute`) then drop them. So the notebooks show everything
 * through `show(...)`, which displays each item and then waits a moment
 * before the cell ends, instead of relying on a cell's last expression.
 *
 * @module
 */

import type { DisplayFunction } from "./progress.ts";

/** Options of {@link createShow}. */
export interface ShowOptions {
  /**
   * Milliseconds to wait after the last display of a call, so the kernel
   * sends it before the cell ends. @default 150
   */
  settleMs?: number;
}

/** Displays items in order, then waits for them to reach the notebook. */
export type Show = (...items: unknown[]) => Promise<void>;

function isCaptioned(item: unknown): item is { id: string; caption: string } {
  const candidate = item as { id?: unknown; caption?: unknown } | null;
  return typeof candidate === "object" && candidate !== null &&
    typeof candidate.id === "string" && typeof candidate.caption === "string";
}

/**
 * Makes a `show(...items)` for a display function. Each item is displayed as
 * its own output: a string as plain text, a figure (an object with string
 * `id` and `caption`) followed by its caption in Markdown, anything else as
 * the kernel formats it (tables and figures implement
 * `Symbol.for("Jupyter.display")`).
 *
 * @param display The kernel's display function.
 * @param options How long to wait after the last item.
 * @returns The `show` function.
 * @throws {RangeError} When `settleMs` is negative.
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const shown: unknown[] = [];
 * const show = createShow((obj) => void shown.push(obj), { settleMs: 0 });
 * await show("text", { id: "fig02a", caption: "Loss" });
 * deepEqual(shown, [
 *   { "text/plain": "text" },
 *   { id: "fig02a", caption: "Loss" },
 *   { "text/markdown": "**fig02a.** Loss" },
 * ]);
 * ```
 */
export function createShow(
  display: DisplayFunction,
  { settleMs = 150 }: ShowOptions = {},
): Show {
  if (!(settleMs >= 0)) {
    throw new RangeError(`Expected settleMs >= 0 but found ${settleMs}: pass 0 to not wait`);
  }
  return async (...items) => {
    for (const item of items) {
      if (typeof item === "string") {
        await display({ "text/plain": item }, { raw: true });
        continue;
      }
      await display(item);
      if (isCaptioned(item)) {
        await display({ "text/markdown": `**${item.id}.** ${item.caption}` }, { raw: true });
      }
    }
    if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
  };
}
