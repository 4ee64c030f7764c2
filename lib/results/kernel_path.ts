/**
 * Which kernel path and thread count a run trained with, read from its recorded
 * environment: the two things a bit-exact rerun must match.
 *
 * @module
 */

import type { Environment } from "./schema.ts";

/** The kernel path of a run. */
export interface KernelPath {
  /** `wasm` (tfjs wasm backend with our kernels), `native` (CBLAS through FFI) or `cpu`. */
  path: string;
  threads: number;
  /** The CBLAS library on the native path, when recorded. */
  library?: string | null;
}

/**
 * The kernel path a results file records: its `kernelPath` field (a name, or an object
 * with `path`, `threads` and `library`) when the run recorded one, else the tfjs backend
 * with the environment's thread count (runs made before native kernels existed).
 *
 * @param environment `results.environment`.
 * @returns Path and threads (and the library, when recorded).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const env = { backend: "wasm", threads: 2 } as Parameters<typeof kernelPathOf>[0];
 * assert.deepEqual(kernelPathOf(env), { path: "wasm", threads: 2 });
 * ```
 */
export function kernelPathOf(environment: Environment): KernelPath {
  // Read loosely: a hand-edited or future file may hold a bare name here.
  const recorded = environment.kernelPath as unknown;
  if (typeof recorded === "string") return { path: recorded, threads: environment.threads };
  if (typeof recorded === "object" && recorded !== null) {
    const { path, threads, library } = recorded as Record<string, unknown>;
    if (typeof path === "string") {
      return {
        path,
        threads: typeof threads === "number" ? threads : environment.threads,
        library: typeof library === "string" ? library : null,
      };
    }
  }
  return { path: environment.backend, threads: environment.threads };
}
