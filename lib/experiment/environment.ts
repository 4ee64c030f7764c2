/**
 * The machine and software a run used, recorded in every results file.
 *
 * @module
 */

import { cpus } from "node:os";
import * as tf from "@tensorflow/tfjs";
import type { Environment } from "../results/mod.ts";

/** Bytes per GiB. */
const GIB = 1024 ** 3;

/** CPU model as the OS reports it (needs --allow-sys=cpus; Deno denies /proc/cpuinfo without --allow-all). */
function cpuModel(): string {
  return guarded(() => cpus()[0]?.model.trim() || "unknown", "unknown", "cpus");
}

/** Reads a system fact; an OS without it gives `fallback`, a denied permission an error naming the flag. */
function guarded<T>(read: () => T, fallback: T, sys: string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
      throw new Error(
        `Expected to read the machine's ${sys} for results.json but found --allow-sys=${sys} denied: add ${sys} to --allow-sys (the deno.json tasks do)`,
        { cause: error },
      );
    }
    return fallback;
  }
}

/**
 * Describes this machine and the tfjs runtime.
 *
 * @param runtime The backend and thread count `setupRuntime` reported.
 * @returns Deno, V8, TypeScript and tfjs versions, backend, threads, CPU model, cores, memory, OS.
 * @example
 * ```ts ignore
 * import { collectEnvironment } from "./environment.ts";
 * const env = collectEnvironment({ backend: "wasm", threads: 1 });
 * ```
 */
export function collectEnvironment(
  runtime: { backend: string; threads: number },
): Environment {
  const memory = guarded(() => Deno.systemMemoryInfo().total, 0, "systemMemoryInfo");
  const release = guarded(() => Deno.osRelease(), "", "osRelease");
  return {
    deno: Deno.version.deno,
    v8: Deno.version.v8,
    typescript: Deno.version.typescript,
    tfjs: tf.version.tfjs,
    backend: runtime.backend,
    threads: runtime.threads,
    cpuModel: cpuModel(),
    cores: navigator.hardwareConcurrency,
    memoryGB: memory / GIB,
    os: `${Deno.build.os} ${release}`.trim(),
  };
}
