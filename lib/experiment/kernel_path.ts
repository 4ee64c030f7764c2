/**
 * Which kernel path and thread count a run trained with, read from its recorded
 * environment: the two things a bit-exact rerun must match.
 *
 * @module
 */

import type { Environment } from "./results_schema.ts";

/** The kernel path of a run. */
export interface KernelPath {
  /** `wasm` (tfjs wasm backend with our kernels), `native` (BLAS) or `cpu`. */
  path: string;
  threads: number;
}

/**
 * The kernel path a results file records: its `kernelPath` field when the run
 * recorded one, else the tfjs backend (runs before native kernels existed).
 *
 * @param environment `results.environment`.
 * @returns Path and threads.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const env = { backend: "wasm", threads: 2 } as Parameters<typeof kernelPathOf>[0];
 * assert.deepEqual(kernelPathOf(env), { path: "wasm", threads: 2 });
 * ```
 */
export function kernelPathOf(environment: Environment): KernelPath {
  const recorded = (environment as { kernelPath?: unknown }).kernelPath;
  return {
    path: typeof recorded === "string" ? recorded : environment.backend,
    threads: environment.threads,
  };
}
