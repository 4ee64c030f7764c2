/**
 * Settings shared by the property-based (fuzz) tests: a fixed seed so a failure
 * reproduces on every machine, and a bounded number of cases so the suite stays
 * within seconds. Raise FUZZ_RUNS locally to search harder (`FUZZ_RUNS=5000`).
 */
import fc from "fast-check";

/** Seed of every property run; a failing case prints its own seed and path to replay. */
export const FUZZ_SEED = 20261202;

/** Cases per property (the environment variable FUZZ_RUNS overrides it). */
export const FUZZ_RUNS = Number(Deno.env.get("FUZZ_RUNS") ?? 200);

/** The options every `fc.assert` gets. */
export const FUZZ: fc.Parameters<unknown> = { seed: FUZZ_SEED, numRuns: FUZZ_RUNS };

/** Runs `fn`, returning the error class name it threw (or "ok"); rethrows nothing. */
export function outcome(fn: () => unknown): string {
  try {
    fn();
    return "ok";
  } catch (error) {
    return (error as Error)?.name ?? String(error);
  }
}
