/**
 * Helpers for the notebooks in `notebooks/` and for running them headless:
 * configuration from environment variables, a progress display that updates in
 * place, displayable tables, and execution through Jupyter with the Deno kernel.
 *
 * Nothing here talks to the kernel directly: notebooks pass in its display
 * function.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { notebookConfig, table } from "./mod.ts";
 * const config = notebookConfig({ env: () => undefined });
 * deepEqual(config.profile, "quick");
 * deepEqual(table([{ a: 1 }]).rows, [["1"]]);
 * ```
 *
 * @module
 */

export * from "./config.ts";
export * from "./progress.ts";
export * from "./table.ts";
export * from "./inspect.ts";
export * from "./jupyter.ts";
export * from "./execute_notebook.ts";
export * from "./experiment_progress.ts";
export * from "./load_or_run.ts";
export * from "./show.ts";
export * from "./summaries.ts";
export * from "./circuit_cost.ts";
