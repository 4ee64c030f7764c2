/**
 * Loading and validating `results.json`: another version or a damaged file
 * fails with a message naming the file, what was expected and what was found.
 *
 * @module
 */

import { DATASET_NAMES, MODEL_KINDS, PROFILE_NAMES } from "./names.ts";
import { type Results, RESULTS_VERSION } from "./schema.ts";

/** A results file that is not valid JSON, of another version, or of the wrong shape. */
export class ResultsFormatError extends Error {
  /**
   * @param message What was expected, what was found and what to do.
   * @param path The file (or "<value>" for an in-memory object).
   */
  constructor(message: string, readonly path: string) {
    super(message);
    this.name = "ResultsFormatError";
  }
}

type Check = (value: unknown) => string | null;

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string "${value.slice(0, 40)}"`;
  if (typeof value === "number") return `the number ${value}`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

const isNumber: Check = (v) => typeof v === "number" ? null : "a number";
const isString: Check = (v) => typeof v === "string" ? null : "a string";
const isObject: Check = (v) =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? null : "an object";
const isArray: Check = (v) => Array.isArray(v) ? null : "an array";
function oneOf(options: readonly string[]): Check {
  return (v) => options.includes(v as string) ? null : `one of ${options.join(", ")}`;
}

/** Field checks, by dotted path; `*` walks every element of an array or value of an object. */
const TOP_LEVEL: [string, Check][] = [
  ["createdAt", isString],
  ["profile", oneOf(PROFILE_NAMES)],
  ["config", isObject],
  ["config.epochs", isNumber],
  ["config.batchSize", isNumber],
  ["config.learningRate", isNumber],
  ["config.seeds", isArray],
  ["config.models", isArray],
  ["config.attackCount", isNumber],
  ["config.epsilons", isArray],
  ["dataset", isObject],
  ["dataset.name", oneOf(DATASET_NAMES)],
  ["dataset.provenance", oneOf(["official", "synthetic stand-in"])],
  ["dataset.fetchCommand", isString],
  ["dataset.classNames", isArray],
  ["dataset.sizes.train", isNumber],
  ["dataset.sizes.val", isNumber],
  ["dataset.sizes.test", isNumber],
  ["dataset.trainClassCounts", isArray],
  ["dataset.samples.train.images", isArray],
  ["environment", isObject],
  ["environment.deno", isString],
  ["environment.tfjs", isString],
  ["environment.backend", isString],
  ["environment.cores", isNumber],
  ["models", isObject],
  ["totalSeconds", isNumber],
];

const MODEL_FIELDS: [string, Check][] = [
  ["kind", oneOf(MODEL_KINDS)],
  ["parameterCount", isNumber],
  ["trainableParameterCount", isNumber],
  ["layers", isArray],
  ["runs", isArray],
  ["summary", isObject],
  ["summary.*.mean", isNumber],
  ["summary.*.ci95", isNumber],
  ["summary.*.values", isArray],
  ["runs.*.seed", isNumber],
  ["runs.*.history", isArray],
  ["runs.*.history.*.valAccuracy", isNumber],
  ["runs.*.history.*.seconds", isNumber],
  ["runs.*.samples", isArray],
  ["runs.*.test.accuracy", isNumber],
  ["runs.*.test.f1", isNumber],
  ["runs.*.test.confusion", isArray],
  ["runs.*.robustness.fgsmAccuracy", isNumber],
  ["runs.*.robustness.curve", isArray],
  ["runs.*.features.values", isArray],
  ["runs.*.predictions.images", isArray],
  ["runs.*.trainSeconds", isNumber],
];

/** Walks `path` (dotted, `*` = every child) and returns [concrete path, value] pairs. */
function resolve(root: unknown, path: string, prefix: string): [string, unknown][] {
  let current: [string, unknown][] = [[prefix, root]];
  for (const key of path.split(".")) {
    const next: [string, unknown][] = [];
    for (const [at, value] of current) {
      if (key === "*") {
        if (typeof value === "object" && value !== null) {
          for (const [k, v] of Object.entries(value)) next.push([`${at}.${k}`, v]);
        }
      } else {
        const child = typeof value === "object" && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined;
        next.push([at === "" ? key : `${at}.${key}`, child]);
      }
    }
    current = next;
  }
  return current;
}

function checkFields(root: unknown, fields: [string, Check][], prefix: string, file: string) {
  for (const [path, check] of fields) {
    for (const [at, value] of resolve(root, path, prefix)) {
      const expected = check(value);
      if (expected !== null) {
        throw new ResultsFormatError(
          `Expected ${at} in ${file} to be ${expected} but found ${
            value === undefined ? "nothing" : describe(value)
          }: the file is damaged or incomplete, rerun the experiment`,
          file,
        );
      }
    }
  }
}

/**
 * Checks that a parsed value is a results record of this version and shape.
 *
 * @param value Parsed JSON.
 * @param file Name used in error messages.
 * @returns The value, typed.
 * @throws {ResultsFormatError} naming the file, the field, what was expected and what was found.
 */
export function validateResults(value: unknown, file = "<value>"): Results {
  if (isObject(value) !== null) {
    throw new ResultsFormatError(
      `Expected a results object in ${file} but found ${describe(value)}: rerun the experiment`,
      file,
    );
  }
  const version = (value as { version?: unknown }).version;
  if (version !== RESULTS_VERSION) {
    throw new ResultsFormatError(
      `Expected results version ${RESULTS_VERSION} in ${file} but found ${
        version === undefined ? "no version" : `version ${JSON.stringify(version)}`
      }: rerun the experiment with this release or read the file with the release that wrote it`,
      file,
    );
  }
  checkFields(value, TOP_LEVEL, "", file);
  const models = (value as Results).models;
  for (const [kind, model] of Object.entries(models)) {
    if (isObject(model) !== null) {
      throw new ResultsFormatError(
        `Expected models.${kind} in ${file} to be an object but found ${
          describe(model)
        }: the file is damaged, rerun the experiment`,
        file,
      );
    }
    checkFields(model, MODEL_FIELDS, `models.${kind}`, file);
    if (model?.kind !== kind) {
      throw new ResultsFormatError(
        `Expected models.${kind}.kind in ${file} to be "${kind}" but found ${
          describe(model?.kind)
        }: the file is damaged, rerun the experiment`,
        file,
      );
    }
  }
  return value as Results;
}

/**
 * Reads and validates a `results.json` file.
 *
 * @param path The file.
 * @returns The results.
 * @throws {ResultsFormatError} for a missing, damaged or other-version file.
 * @example
 * ```ts ignore
 * import { loadResults } from "./load.ts";
 * const results = await loadResults("data/runs/quick/mnist/results.json");
 * ```
 */
export async function loadResults(path: string): Promise<Results> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new ResultsFormatError(
        `Expected a results file at ${path} but found none: run \`deno task reproduce\` first`,
        path,
      );
    }
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ResultsFormatError(
      `Expected valid JSON in ${path} but found a damaged file (${
        (error as Error).message
      }): delete it and rerun the experiment`,
      path,
    );
  }
  return validateResults(parsed, path);
}
