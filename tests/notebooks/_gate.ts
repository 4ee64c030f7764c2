/**
 * Decides whether tests that need real Jupyter run, are skipped (Jupyter or the
 * Deno kernel missing on a developer machine) or fail (missing under CI=true).
 *
 * @module
 */

import { JupyterUnavailableError, requireJupyter } from "../../lib/notebook/jupyter.ts";

/** Why Jupyter tests cannot run here, or `null` when they can. */
export const JUPYTER_MISSING: string | null = await requireJupyter().then(
  () => null,
  (error) => {
    if (error instanceof JupyterUnavailableError) return error.message;
    throw error;
  },
);

function inCI(): boolean {
  return (Deno.env.get("CI") ?? "").toLowerCase() === "true";
}

/**
 * Registers a test that needs Jupyter and the Deno kernel. When they are
 * missing it is skipped, with the install command in its name; under `CI=true`
 * a missing Jupyter fails the test instead.
 *
 * @param name Test name.
 * @param fn Test body.
 */
export function jupyterTest(name: string, fn: (t: Deno.TestContext) => Promise<void>): void {
  if (JUPYTER_MISSING === null) {
    Deno.test({ name, fn, sanitizeResources: false, sanitizeOps: false });
  } else if (inCI()) {
    Deno.test(name, () => {
      throw new Error(`CI=true but Jupyter cannot run notebooks: ${JUPYTER_MISSING}`);
    });
  } else {
    Deno.test({ name: `${name} (skipped: ${JUPYTER_MISSING})`, ignore: true, fn });
  }
}
