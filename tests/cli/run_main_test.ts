import assert from "node:assert/strict";
import { errorLine, runMain, UsageError } from "../../lib/cli/mod.ts";

const SPEC = { name: "demo", summary: "Demo.", options: {} };

/** Runs `fn` with console.error captured; returns what it printed and its result. */
async function capture<T>(fn: () => Promise<T>): Promise<{ result: T; printed: string[] }> {
  const printed: string[] = [];
  const original = console.error;
  console.error = (...parts: unknown[]) => printed.push(parts.join(" "));
  const exitCode = Deno.exitCode;
  try {
    return { result: await fn(), printed };
  } finally {
    console.error = original;
    Deno.exitCode = exitCode;
  }
}

Deno.test("errorLine() folds a message onto one line", () => {
  assert.equal(errorLine(new TypeError("Bad\n  input")), "Error: Bad input");
  assert.equal(errorLine("plain"), "Error: plain");
});

Deno.test("runMain() returns the main function's code, 0 for none", async () => {
  const { result } = await capture(() => runMain(() => 3, { args: [] }));
  assert.equal(result, 3);
  assert.equal((await capture(() => runMain(async () => {}, { args: [] }))).result, 0);
});

Deno.test("runMain() prints one line and returns 1 for an error", async () => {
  const { result, printed } = await capture(() =>
    runMain(() => {
      throw new RangeError("Expected x >= 1 but found 0: pass 1");
    }, { args: [] })
  );
  assert.equal(result, 1);
  assert.deepEqual(printed, ["Error: Expected x >= 1 but found 0: pass 1"]);
});

Deno.test("runMain() prints the error and the usage and returns 2 for a UsageError", async () => {
  const { result, printed } = await capture(() =>
    runMain(() => Promise.reject(new UsageError("Expected a flag")), { spec: SPEC, args: [] })
  );
  assert.equal(result, 2);
  assert.equal(printed[0], "Error: Expected a flag");
  assert.match(printed[1]!, /Usage: deno task demo/);
});

Deno.test("runMain() passes the arguments to the main function", async () => {
  let seen: string[] = [];
  await capture(() => runMain((args) => void (seen = args), { args: ["a", "b"] }));
  assert.deepEqual(seen, ["a", "b"]);
});
