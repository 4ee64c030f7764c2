/**
 * Decides whether tests of the native (CBLAS) kernel path run, are skipped (no library on a
 * developer machine, with the install command in the test name) or fail (under CI=true).
 *
 * @module
 */
import { type KernelSet, setupRuntime } from "../../lib/runtime/mod.ts";

const INSTALL = Deno.build.os === "darwin"
  ? "brew install openblas"
  : "apt-get install -y libopenblas0-pthread";

/** Why the native path cannot run here, or `null` when it can. */
export const NATIVE_MISSING: string | null = await setupRuntime({ backend: "wasm" }).then(
  (info) => info.path.path === "native" ? null : `no CBLAS library granted: ${INSTALL}`,
);

/** The kernel sets a test covers: both paths of the fast kernels. */
export const PATHS: readonly KernelSet[] = ["native", "fast"];

function inCI(): boolean {
  return (Deno.env.get("CI") ?? "").toLowerCase() === "true";
}

/**
 * Registers a test of one kernel set. A native test without a CBLAS library is skipped with the
 * install command in its name, or fails under `CI=true`.
 *
 * @param name Test name.
 * @param kernels The kernel set under test.
 * @param fn Test body.
 */
export function pathTest(name: string, kernels: KernelSet, fn: () => Promise<void>): void {
  const full = `${kernels} ${name}`;
  if (kernels !== "native" || NATIVE_MISSING === null) {
    Deno.test(full, fn);
  } else if (inCI()) {
    Deno.test(full, () => {
      throw new Error(`CI=true but the native kernel path cannot run: ${NATIVE_MISSING}`);
    });
  } else {
    Deno.test({ name: `${full} (skipped: ${NATIVE_MISSING})`, ignore: true, fn });
  }
}
