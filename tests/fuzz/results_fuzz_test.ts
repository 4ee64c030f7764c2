/**
 * Property-based tests of the results loader: any JSON value, and any single
 * field of a valid results record replaced by arbitrary JSON, is either accepted
 * or refused with a ResultsFormatError naming the file (never another error).
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { ResultsFormatError, validateResults } from "../../lib/results/mod.ts";
import { makeResults } from "../results/fixture.ts";
import { FUZZ } from "./_config.ts";

/** Every path to a leaf (or empty container) of a JSON value. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === "object") {
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    if (keys.length === 0) return [prefix];
    return keys.flatMap((k) => leafPaths((value as Record<string, unknown>)[k], [...prefix, k]));
  }
  return [prefix];
}

function replaced(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

const base = JSON.parse(JSON.stringify(makeResults({ seeds: [1, 2] })));
const paths = leafPaths(base);

function check(value: unknown): "ok" | "refused" {
  try {
    validateResults(value, "fuzz/results.json");
    return "ok";
  } catch (error) {
    assert.ok(error instanceof ResultsFormatError, String(error));
    assert.match(error.message, /fuzz\/results\.json/);
    return "refused";
  }
}

Deno.test("validateResults() accepts or refuses any JSON value with a ResultsFormatError", () => {
  fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => void check(value)), FUZZ);
});

Deno.test("validateResults() accepts or refuses a valid record with one field replaced", () => {
  assert.equal(check(base), "ok");
  fc.assert(
    fc.property(
      fc.constantFrom(...paths),
      fc.jsonValue({ maxDepth: 2 }),
      (path, value) => void check(replaced(base, path, value)),
    ),
    FUZZ,
  );
});

Deno.test("validateResults() refuses any recorded number replaced by a string, boolean or object", () => {
  const numeric = paths.filter((p) => {
    let node: unknown = base;
    for (const key of p) node = (node as Record<string | number, unknown>)[key];
    return typeof node === "number" && ["models", "dataset", "environment"].includes(String(p[0]));
  });
  assert.ok(numeric.length > 100);
  fc.assert(
    fc.property(
      fc.constantFrom(...numeric),
      fc.oneof(fc.string(), fc.boolean(), fc.constant({}), fc.constant([])),
      (path, value) => assert.equal(check(replaced(base, path, value)), "refused", path.join(".")),
    ),
    FUZZ,
  );
});
