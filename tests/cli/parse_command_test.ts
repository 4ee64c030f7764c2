import assert from "node:assert/strict";
import {
  type CommandSpec,
  numberOption,
  parseCommand,
  UsageError,
  usageText,
} from "../../lib/cli/mod.ts";

const SPEC = {
  name: "demo",
  summary: "A demo command.",
  positionals: ["<name>"],
  options: {
    out: { type: "string", valueName: "DIR", example: "/tmp/x", description: "output folder" },
    run: { type: "string", multiple: true, valueName: "DIR", description: "a run" },
    force: { type: "boolean", description: "overwrite" },
  },
} as const satisfies CommandSpec;

Deno.test("parseCommand() reads both spellings, repeated options, switches and positionals", () => {
  const parsed = parseCommand(["mnist", "--out=/a", "--run", "x", "--run=y", "--force"], SPEC);
  assert.deepEqual(parsed.values, { out: "/a", run: ["x", "y"], force: true });
  assert.deepEqual(parsed.positionals, ["mnist"]);
  assert.equal(parsed.help, false);
});

Deno.test("parseCommand() defaults switches to false and repeated options to []", () => {
  const parsed = parseCommand([], SPEC);
  assert.deepEqual(parsed.values, { out: undefined, run: [], force: false });
  assert.equal(parseCommand(["--help"], SPEC).help, true);
});

Deno.test("parseCommand() rejects an unknown flag and names the allowed ones", () => {
  assert.throws(() => parseCommand(["--bogus"], SPEC), {
    name: "TypeError",
    message:
      'Expected a flag of --out, --run, --force, --help but found "--bogus": see deno task demo --help',
  });
  assert.throws(() => parseCommand(["-x"], SPEC), UsageError);
});

Deno.test("parseCommand() rejects a missing value, a valued switch and an extra positional", () => {
  assert.throws(() => parseCommand(["--out"], SPEC), {
    name: "TypeError",
    message: "Expected a value after --out but found none: e.g. --out /tmp/x",
  });
  assert.throws(() => parseCommand(["--out", "--force"], SPEC), UsageError);
  assert.throws(() => parseCommand(["--force=yes"], SPEC), {
    name: "TypeError",
    message: 'Expected --force without a value but found "--force=yes": drop "=yes"',
  });
  assert.throws(() => parseCommand(["a", "b"], SPEC), {
    name: "TypeError",
    message: 'Expected at most <name> but found "b": see deno task demo --help',
  });
});

Deno.test("usageText() lists every option and --help", () => {
  const text = usageText(SPEC);
  assert.ok(text.startsWith("Usage: deno task demo <name> [flags]\nA demo command.\n"), text);
  for (const flag of ["--out DIR", "--run DIR", "--force", "--help"]) {
    assert.ok(text.includes(flag), `${flag} missing from ${text}`);
  }
  assert.ok(text.includes("(repeatable)"));
});

Deno.test("numberOption() returns the number, the fallback, or a RangeError that says what to pass", () => {
  assert.equal(numberOption("4", "steps", { fallback: 30 }), 4);
  assert.equal(numberOption(undefined, "steps", { fallback: 30 }), 30);
  assert.equal(numberOption("0.5", "rate", { fallback: 1, integer: false }), 0.5);
  assert.throws(() => numberOption("0", "rounds", { fallback: 1, min: 1 }), {
    name: "RangeError",
    message: 'Expected --rounds to be a whole number >= 1 but found "0": e.g. --rounds 1',
  });
  assert.throws(() => numberOption("", "steps", { fallback: 30 }), RangeError);
  assert.throws(() => numberOption("2.5", "steps", { fallback: 30 }), RangeError);
});
