/**
 * A progress display that updates in place in a notebook. The display function
 * is injected (the notebook passes the kernel's `display`), so this module runs
 * and is tested anywhere.
 *
 * @module
 */

/**
 * The kernel's display function, or any function of that shape: shows `obj`
 * (as a bundle when `raw`); `update: true` replaces the earlier display with
 * the same `display_id`.
 */
export type DisplayFunction = (
  obj: unknown,
  options?: { raw?: boolean; display_id?: string; update?: boolean },
) => Promise<void> | void;

/** One line of progress, e.g. one model being trained. */
export interface ProgressRow {
  /** Fraction done in [0, 1]. */
  fraction: number;
  /** Free text after the bar: epoch, batch, loss, time left. */
  text: string;
}

/** Options of {@link LiveProgress}. */
export interface LiveProgressOptions {
  /** Heading shown above the rows. @default "Progress" */
  title?: string;
  /** Display id; pass one to reuse a display. @default a random id */
  id?: string;
  /** Fewest milliseconds between two displays (the last state is always shown). @default 500 */
  minIntervalMs?: number;
  /** Clock in milliseconds, for tests. @default performance.now */
  now?: () => number;
  /**
   * Milliseconds {@link LiveProgress.finish} waits after the last display, so
   * the kernel sends it before the cell ends (headless runners stop listening
   * when the cell ends). @default 300
   */
  settleMs?: number;
}

const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");
const BAR_WIDTH = 24;

function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

function clampFraction(fraction: number): number {
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
}

/**
 * Rows of progress bars shown in one notebook output that is replaced on every
 * update (throttled), rather than appended to.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * const shown: boolean[] = [];
 * const progress = new LiveProgress((_obj, options) => {
 *   shown.push(options?.update === true);
 * }, { title: "Training", minIntervalMs: 0 });
 * await progress.start();
 * progress.set("hybrid", { fraction: 0.5, text: "epoch 1/2" });
 * await progress.flush();
 * deepEqual(shown, [false, true]);
 * ```
 */
export class LiveProgress {
  readonly id: string;
  readonly title: string;
  #display: DisplayFunction;
  #rows = new Map<string, ProgressRow>();
  #minIntervalMs: number;
  #settleMs: number;
  #now: () => number;
  #lastShown = Number.NEGATIVE_INFINITY;
  #started = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #chain: Promise<void> = Promise.resolve();

  /**
   * @param display The kernel's display function (or any function of that shape).
   * @param options Title, id, throttle interval and clock.
   */
  constructor(
    display: DisplayFunction,
    { title = "Progress", id, minIntervalMs = 500, now = () => performance.now(), settleMs = 300 }:
      LiveProgressOptions = {},
  ) {
    if (!(minIntervalMs >= 0)) {
      throw new RangeError(
        `Expected minIntervalMs >= 0 but found ${minIntervalMs}: pass 0 to show every update`,
      );
    }
    this.#display = display;
    this.title = title;
    this.id = id ?? `progress-${crypto.randomUUID()}`;
    this.#minIntervalMs = minIntervalMs;
    this.#now = now;
    this.#settleMs = settleMs;
  }

  /** The rows, in the order they were first set. */
  get rows(): ReadonlyMap<string, ProgressRow> {
    return this.#rows;
  }

  /** Shows the (empty) display; later updates replace it. */
  start(): Promise<void> {
    return this.#show();
  }

  /**
   * Sets one row and shows it, at most once per `minIntervalMs` (a pending
   * state is shown when the interval has passed).
   *
   * @param label Row label, e.g. "hybrid seed 1".
   * @param row Fraction done and text.
   */
  set(label: string, row: ProgressRow): void {
    this.#rows.set(label, { fraction: clampFraction(row.fraction), text: row.text });
    if (this.#timer !== undefined) return;
    const wait = this.#lastShown + this.#minIntervalMs - this.#now();
    if (wait <= 0) {
      void this.#show();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#show();
    }, wait);
  }

  /** Shows the latest state now and waits until every display call has finished. */
  async flush(): Promise<void> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      await this.#show();
    }
    await this.#chain;
  }

  /**
   * Shows the final state, then waits `settleMs` so the last update reaches
   * the notebook before the cell ends. Call it at the end of a cell.
   */
  async finish(): Promise<void> {
    await this.#show();
    await new Promise((resolve) => setTimeout(resolve, this.#settleMs));
  }

  /** The state as plain text, one line per row. */
  toText(): string {
    const lines = [this.title];
    for (const [label, { fraction, text }] of this.#rows) {
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
      lines.push(
        `${label.padEnd(18)} [${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ${text}`,
      );
    }
    return lines.join("\n");
  }

  /** The state as an HTML table with bars. */
  toHTML(): string {
    const rows = [...this.#rows].map(([label, { fraction, text }]) =>
      `<tr><td style="padding-right:1em">${escapeHtml(label)}</td>` +
      `<td><progress value="${fraction.toFixed(4)}" max="1" style="width:12em"></progress></td>` +
      `<td style="text-align:right">${(fraction * 100).toFixed(0)}%</td>` +
      `<td style="text-align:left;font-family:monospace">${escapeHtml(text)}</td></tr>`
    );
    return `<div><b>${escapeHtml(this.title)}</b><table>${rows.join("")}</table></div>`;
  }

  /** Jupyter display bundle: HTML and plain text. */
  [JUPYTER_DISPLAY](): Record<string, string> {
    return { "text/html": this.toHTML(), "text/plain": this.toText() };
  }

  #show(): Promise<void> {
    this.#lastShown = this.#now();
    const update = this.#started;
    this.#started = true;
    // A snapshot, because the display may run later, after more rows were set.
    const bundle = this[JUPYTER_DISPLAY]();
    const snapshot = { [JUPYTER_DISPLAY]: () => bundle };
    this.#chain = this.#chain.then(() => this.#display(snapshot, { display_id: this.id, update }));
    return this.#chain;
  }
}
