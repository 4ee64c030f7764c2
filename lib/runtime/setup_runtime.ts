import * as tf from "@tensorflow/tfjs";
import { getThreadsCount, setThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { seedGlobalRandom } from "./seed.ts";
import { type KernelSet, registerTrainingKernels } from "./register_kernels.ts";
import { withThreadedWasm } from "./_threads.ts";
import { BLAS_ENV, openBlas } from "./_blas.ts";
import { type KernelPath, recordKernelPath } from "./kernel_path.ts";

/** Options of {@linkcode setupRuntime}. */
export interface RuntimeOptions {
  /** The tfjs backend to train on. @default {"wasm"} */
  backend?: "wasm" | "cpu";
  /** Seed for tfjs's implicit randomness (initialisers, `tf.random*`); omit to leave it alone. */
  seed?: number;
  /**
   * Threads the wasm backend computes with (XNNPACK's pool, this thread included), fixed when
   * the backend first starts: later calls cannot change it. 1 loads the single-threaded SIMD
   * build; more load the threaded build with that many threads (each extra one a worker).
   * The native kernels' CBLAS library gets the same count. On the wasm path results are bit
   * for bit the same for any thread count (work is split by output, never within a sum).
   * {@linkcode RuntimeInfo.threads} reports what the backend uses.
   * @default {navigator.hardwareConcurrency} (at most 8, the backend's limit)
   */
  threads?: number;
  /**
   * Which training kernels to register on wasm: `"native"` (CBLAS through Deno FFI), `"fast"`
   * (wasm only), the `"naive"` baseline, or `"auto"`: native when a CBLAS library is found
   * (the `HQC_BLAS` environment variable names one, or `off`; else the usual install paths,
   * which `--allow-ffi` must grant), fast otherwise.
   * @default {"auto"}
   */
  kernels?: KernelSet | "auto";
}

/** What {@linkcode setupRuntime} set up. */
export interface RuntimeInfo {
  /** The active tfjs backend. */
  backend: string;
  /** Threads the backend computes with. */
  threads: number;
  /** Names of the kernels this module registered on the active backend. */
  kernels: string[];
  /** The kernel path that trains: native, wasm or cpu, with library and threads. */
  path: KernelPath;
}

const announced = new Set<string>();

/** Prints each kernel path once, so that every run's log says which one ran. */
function announce(path: KernelPath, why: string | null): void {
  const line = path.path === "native"
    ? `tfjs kernels: native (CBLAS ${path.library}, ${path.threads} thread(s))`
    : `tfjs kernels: ${path.path} (${path.threads} thread(s))${why ? `; native off: ${why}` : ""}`;
  if (!announced.has(line)) console.error(line);
  announced.add(line);
}

/** Resolves `"auto"` to the native set when a CBLAS library opens. */
function resolveKernels(kernels: KernelSet | "auto", threads: number): [KernelSet, string | null] {
  if (kernels !== "auto") return [kernels, null];
  const blas = openBlas(threads);
  if ("reason" in blas) return ["fast", `${blas.reason}; ${BLAS_ENV} names a library`];
  return ["native", null];
}

let wasmStarted = false;

/** The backend's pthread pool, and so XNNPACK's thread count, holds at most this many threads. */
const MAX_THREADS = 8;

/** One thread per logical CPU the runtime reports, within what the backend supports. */
function defaultThreads(): number {
  return Math.min(Math.max(1, navigator.hardwareConcurrency || 1), MAX_THREADS);
}

/** Directory of the installed wasm backend package, holding its `.wasm` binaries. */
function wasmDirectory(): string {
  const entry = new URL(import.meta.resolve("@tensorflow/tfjs-backend-wasm"));
  if (entry.protocol !== "file:") {
    throw new TypeError(
      `Expected the wasm backend installed on disk but found ${entry.href}: set "nodeModulesDir" to "auto" in deno.json`,
    );
  }
  return decodeURIComponent(new URL(".", entry).pathname);
}

/**
 * Prepares tfjs for training: selects the backend (wasm by default, loading its binaries from
 * node_modules, no network), registers the training kernels the wasm backend lacks or runs
 * slowly, and seeds randomness. Safe to call many times; each call re-applies the options.
 * Importing this module registers the wasm backend as tfjs's preferred one, so await this
 * before the first tensor op.
 *
 * @param options See {@linkcode RuntimeOptions}.
 * @returns The backend, its thread count and the kernels registered.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const info = await setupRuntime({ backend: "wasm", seed: 1 });
 * assert.equal(info.backend, "wasm");
 * ```
 */
export async function setupRuntime(
  { backend = "wasm", seed, threads = defaultThreads(), kernels = "auto" }: RuntimeOptions = {},
): Promise<RuntimeInfo> {
  if (backend !== "wasm" && backend !== "cpu") {
    throw new TypeError(`Expected backend "wasm" or "cpu" but found ${backend}: pick one of them`);
  }
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(
      `Expected threads to be a positive integer but found ${threads}: pass 1 or more`,
    );
  }
  if (seed !== undefined) seedGlobalRandom(seed);
  let registered: string[] = [];
  let start = () => tf.setBackend(backend);
  if (backend === "wasm" && !wasmStarted) {
    setWasmPaths(wasmDirectory());
    setThreadsCount(threads);
    wasmStarted = true;
    if (threads > 1) {
      start = () => withThreadedWasm(threads, () => tf.setBackend(backend));
    }
  }
  if (tf.getBackend() !== backend) {
    const ok = await start();
    if (!ok) {
      throw new Error(`Expected tfjs backend ${backend} to start but it failed: see the log above`);
    }
  }
  await tf.ready();
  // After start-up: the backend runs the set-up hooks of the kernels registered at that moment,
  // and the kernels we wrap rely on theirs.
  const used = backend === "wasm" ? getThreadsCount() : 1;
  let path: KernelPath = { path: "cpu", library: null, threads: 1 };
  let why: string | null = null;
  if (backend === "wasm") {
    const [set, reason] = resolveKernels(kernels, used);
    why = reason;
    registered = registerTrainingKernels(set);
    const blas = set === "native" ? openBlas(used) : null;
    path = blas !== null && !("reason" in blas)
      ? { path: "native", library: blas.path, threads: blas.threads }
      : { path: "wasm", library: null, threads: used };
  }
  recordKernelPath(path);
  announce(path, why);
  return { backend, threads: used, kernels: registered, path };
}
