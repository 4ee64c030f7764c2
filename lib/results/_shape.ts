/**
 * A small declarative checker of parsed JSON (internal): each rule names what
 * it expects, and the first mismatch is reported with its dotted path.
 */

/** What a mismatch reports: the dotted path, what was expected, the value found. */
export interface Mismatch {
  path: string;
  expected: string;
  value: unknown;
}

/** A rule: returns the first mismatch under `path`, or null. */
export type Rule = (value: unknown, path: string) => Mismatch | null;

const miss = (path: string, expected: string, value: unknown): Mismatch => ({
  path,
  expected,
  value,
});

/** Largest array a rule walks element by element (features, images); longer ones are refused. */
export const MAX_ARRAY_LENGTH = 1_000_000;

/** A finite number, optionally an integer and within bounds. */
export function num(
  { int = false, min = -Infinity, max = Infinity }: { int?: boolean; min?: number; max?: number } =
    {},
): Rule {
  const kind = `a finite ${int ? "integer" : "number"}`;
  const what = min > -Infinity && max < Infinity
    ? `${kind} in [${min}, ${max}]`
    : min > -Infinity
    ? `${kind} >= ${min}`
    : max < Infinity
    ? `${kind} <= ${max}`
    : kind;
  return (v, path) =>
    typeof v === "number" && Number.isFinite(v) && (!int || Number.isInteger(v)) && v >= min &&
      v <= max
      ? null
      : miss(path, what, v);
}

/** A string (optionally one of a list). */
export function str(options?: readonly string[]): Rule {
  return (v, path) =>
    typeof v === "string" && (!options || options.includes(v))
      ? null
      : miss(path, options ? `one of ${options.join(", ")}` : "a string", v);
}

/** A boolean. */
export const bool: Rule = (v, path) =>
  typeof v === "boolean" ? null : miss(path, "true or false", v);

/** Anything (left to its own reader). */
export const any: Rule = () => null;

/** `null` or what `rule` accepts. */
export function nullable(rule: Rule): Rule {
  return (v, path) => v === null ? null : rule(v, path);
}

/** An array whose elements all pass `element`, optionally of an exact length. */
export function arr(element: Rule, length?: number | ((root: unknown) => number)): Rule {
  return (v, path) => {
    if (!Array.isArray(v)) return miss(path, "an array", v);
    if (v.length > MAX_ARRAY_LENGTH) {
      return miss(path, `an array of at most ${MAX_ARRAY_LENGTH} elements`, v);
    }
    if (typeof length === "number" && v.length !== length) {
      return miss(path, `an array of ${length} elements`, v);
    }
    for (let i = 0; i < v.length; i++) {
      const m = element(v[i], `${path}.${i}`);
      if (m) return m;
    }
    return null;
  };
}

/** An object with these fields (those in `optional` may be absent); other keys are allowed. */
export function obj(fields: Record<string, Rule>, optional: readonly string[] = []): Rule {
  return (v, path) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return miss(path, "an object", v);
    for (const [key, rule] of Object.entries(fields)) {
      const child = (v as Record<string, unknown>)[key];
      if (child === undefined && optional.includes(key)) continue;
      const m = rule(child, path === "" ? key : `${path}.${key}`);
      if (m) return m;
    }
    return null;
  };
}

/** An object whose keys are all allowed by `keys` and whose values pass `value`. */
export function record(value: Rule, keys?: readonly string[]): Rule {
  return (v, path) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return miss(path, "an object", v);
    for (const [key, child] of Object.entries(v)) {
      if (keys && !keys.includes(key)) {
        return miss(`${path}.${key}`, `a key among ${keys.join(", ")}`, key);
      }
      const m = value(child, `${path}.${key}`);
      if (m) return m;
    }
    return null;
  };
}

/** Describes a found value in a few words. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length} elements`;
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === "number") return `the number ${value}`;
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
