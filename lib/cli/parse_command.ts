/**
 * The one command-line parser of the project's scripts: `node:util` `parseArgs` with typed
 * options, a generated `--help` text and errors that say what to pass.
 *
 * @module
 */
import { parseArgs } from "node:util";

/** One option of a command. */
export interface OptionSpec {
  /** `"string"` takes a value (`--name value` or `--name=value`); `"boolean"` is a switch. */
  type: "string" | "boolean";
  /** What the option does, shown by `--help`. */
  description: string;
  /** Accept the option several times (string options only). @default {false} */
  multiple?: boolean;
  /** Placeholder of the value in the help text. @default {"VALUE"} */
  valueName?: string;
  /** A valid value, suggested when the value is missing. @default {valueName} */
  example?: string;
}

/** A command: its name (`deno task <name>`), a summary, its options and positionals. */
export interface CommandSpec {
  /** The task name, e.g. `"figures"`. */
  name: string;
  /** One paragraph shown under the usage line. */
  summary: string;
  /** Options by long name; `--help` is added. */
  options: Record<string, OptionSpec>;
  /** Names of positional arguments in the usage line; none are accepted when absent. */
  positionals?: string[];
}

/** The parsed value of one option. */
export type OptionValue<O extends OptionSpec> = O["type"] extends "boolean" ? boolean
  : O["multiple"] extends true ? string[]
  : string | undefined;

/** The parsed command line. */
export interface ParsedCommand<S extends CommandSpec> {
  /** Option values by name: switches default to `false`, repeated options to `[]`. */
  values: { [K in keyof S["options"]]: OptionValue<S["options"][K]> };
  /** Positional arguments in order. */
  positionals: string[];
  /** Whether `--help` was given. */
  help: boolean;
}

/**
 * A bad command line: {@link runMain} prints its message and the usage, and exits with 2. Its
 * `name` stays `"TypeError"`, the kind of error it is.
 */
export class UsageError extends TypeError {}

/**
 * The `--help` text of a command.
 *
 * @param spec The command.
 * @returns The usage line, the summary and one line per option.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { usageText } from "./parse_command.ts";
 * const text = usageText({ name: "demo", summary: "Does it.", options: {} });
 * assert.ok(text.startsWith("Usage: deno task demo"));
 * ```
 */
export function usageText(spec: CommandSpec): string {
  const flag = (name: string, o: OptionSpec) =>
    `--${name}${o.type === "string" ? ` ${o.valueName ?? "VALUE"}` : ""}`;
  const entries: [string, string][] = [
    ...Object.entries(spec.options).map(([name, o]): [string, string] => [
      flag(name, o),
      o.description + (o.multiple ? " (repeatable)" : ""),
    ]),
    ["--help", "show this text"],
  ];
  const width = Math.max(...entries.map(([f]) => f.length)) + 2;
  const positionals = (spec.positionals ?? []).map((p) => ` ${p}`).join("");
  return [
    `Usage: deno task ${spec.name}${positionals} [flags]`,
    spec.summary,
    ...entries.map(([f, d]) => `  ${f.padEnd(width)}${d}`),
  ].join("\n");
}

/**
 * Parses a command line against a spec.
 *
 * @param args The arguments, usually `Deno.args`.
 * @param spec The command.
 * @returns The typed values, positionals and whether `--help` was given.
 * @throws {UsageError} for an unknown flag, a missing value, a value given to a switch or an
 * unexpected positional.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseCommand } from "./parse_command.ts";
 * const spec = {
 *   name: "demo",
 *   summary: "Demo.",
 *   options: { out: { type: "string", description: "folder" } },
 * } as const;
 * assert.equal(parseCommand(["--out=x"], spec).values.out, "x");
 * ```
 */
export function parseCommand<S extends CommandSpec>(
  args: readonly string[],
  spec: S,
): ParsedCommand<S> {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean }> = {
    help: { type: "boolean" },
  };
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = { type: o.type, multiple: o.multiple ?? false };
  }
  const allowed = [...Object.keys(spec.options), "help"].map((f) => `--${f}`).join(", ");
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") break;
    if (!arg.startsWith("-")) continue;
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    const option = match ? spec.options[match[1]!] : undefined;
    if (match === null || (option === undefined && match[1] !== "help")) {
      throw new UsageError(
        `Expected a flag of ${allowed} but found "${arg}": see deno task ${spec.name} --help`,
      );
    }
    const name = match[1]!;
    if (option === undefined || option.type === "boolean") {
      if (match[2] !== undefined) {
        throw new UsageError(
          `Expected --${name} without a value but found "${arg}": drop "=${match[2]}"`,
        );
      }
      continue;
    }
    if (match[2] === undefined) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith("--")) {
        throw new UsageError(
          `Expected a value after --${name} but found none: e.g. --${name} ${
            option.example ?? option.valueName ?? "VALUE"
          }`,
        );
      }
      i++;
    }
  }
  const parsed = parseArgs({
    args: [...args],
    options,
    allowPositionals: true,
    strict: true,
  });
  const accepted = spec.positionals?.length ?? 0;
  if (parsed.positionals.length > accepted) {
    throw new UsageError(
      `Expected ${
        accepted === 0 ? "no positional argument" : `at most ${spec.positionals!.join(" ")}`
      } but found "${parsed.positionals[accepted]}": see deno task ${spec.name} --help`,
    );
  }
  const values: Record<string, unknown> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const value = (parsed.values as Record<string, unknown>)[name];
    values[name] = o.type === "boolean" ? value === true : o.multiple ? value ?? [] : value;
  }
  return {
    values: values as ParsedCommand<S>["values"],
    positionals: parsed.positionals,
    help: parsed.values.help === true,
  };
}
