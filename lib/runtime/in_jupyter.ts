/**
 * Tells whether this code runs inside the Deno Jupyter kernel (`deno jupyter`).
 *
 * @returns `true` when the `Deno.jupyter` namespace is usable.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(inJupyter(), false);
 * ```
 */
export function inJupyter(): boolean {
  const deno = (globalThis as { Deno?: Record<string, unknown> }).Deno;
  if (deno === undefined) return false;
  try {
    // Outside the kernel, Deno 2 defines the getter but makes it throw.
    const jupyter = deno.jupyter;
    return typeof jupyter === "object" && jupyter !== null;
  } catch {
    return false;
  }
}
