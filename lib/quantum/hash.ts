/**
 * A short, stable identity for a circuit: a hash of its canonical JSON (keys sorted, undefined
 * fields dropped), so equal circuits hash equally however their JSON was written, and results
 * of different circuits never share a name.
 *
 * @example
 * ```ts
 * import { equal, notEqual } from "node:assert/strict";
 * import { Circuit } from "./circuit.ts";
 * const a = new Circuit(2).angleEmbedding().basicEntanglerLayers(1).expval("Z");
 * equal(circuitHash(a), circuitHash(Circuit.fromJSON(JSON.parse(JSON.stringify(a)))));
 * notEqual(circuitHash(a), circuitHash(new Circuit(2).angleEmbedding().expval("Z")));
 * equal(circuitHash(a).length, CIRCUIT_HASH_LENGTH);
 * ```
 *
 * @module
 */

/** Hex digits of a circuit hash (48 bits: collisions need about 16 million circuits). */
export const CIRCUIT_HASH_LENGTH = 12;

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** JSON with object keys sorted at every level and undefined fields dropped. */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJSON(v ?? null)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJSON(v)}`).join(",")}}`;
}

/**
 * The circuit's hash: FNV-1a (64-bit) of its canonical JSON, first `CIRCUIT_HASH_LENGTH` hex
 * digits.
 *
 * @param circuit A `Circuit` (anything with `toJSON()`) or a circuit JSON object.
 */
export function circuitHash(circuit: { toJSON(): unknown } | unknown): string {
  const json = typeof (circuit as { toJSON?: unknown })?.toJSON === "function"
    ? (circuit as { toJSON(): unknown }).toJSON()
    : circuit;
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(canonicalJSON(json))) {
    h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK;
  }
  return h.toString(16).padStart(16, "0").slice(0, CIRCUIT_HASH_LENGTH);
}
