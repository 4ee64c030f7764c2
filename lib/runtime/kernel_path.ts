/** Which kernels train, as recorded in results and reports. */
export interface KernelPath {
  /**
   * `"native"`: convolutions and products on a CBLAS library through Deno FFI; `"wasm"`: the
   * wasm backend with our wasm kernels; `"cpu"`: tfjs's plain-JS cpu backend.
   */
  path: "native" | "wasm" | "cpu";
  /** The CBLAS library's path on the native path, else `null`. */
  library: string | null;
  /** Threads the kernels compute with (the library's on the native path). */
  threads: number;
}

let current: KernelPath = { path: "cpu", library: null, threads: 1 };

/**
 * The kernel path {@linkcode setupRuntime} set up last. Results are bit for bit reproducible
 * for one path, library and thread count; they differ in the last bits between paths.
 *
 * @returns The path, the library and the thread count.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { setupRuntime } from "./setup_runtime.ts";
 * await setupRuntime({ backend: "wasm", kernels: "fast" });
 * assert.equal(kernelPath().path, "wasm");
 * ```
 */
export function kernelPath(): KernelPath {
  return { ...current };
}

/** Records the path set up (used by setupRuntime only). */
export function recordKernelPath(path: KernelPath): void {
  current = { ...path };
}
