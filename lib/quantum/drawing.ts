/**
 * The tfjs-free entry point of `lib/quantum/`: a {@linkcode CircuitBuilder} rebuilt from a
 * circuit's JSON (`Circuit.toJSON()`, stored in `results.json`) draws it as text or SVG without
 * loading tfjs. Folders that only draw circuits (`lib/figures/`) import this file instead of
 * `mod.ts`; `tests/architecture_test.ts` checks that nothing it reaches imports tfjs.
 *
 * @example
 * ```ts
 * import { match } from "node:assert/strict";
 * import { CircuitBuilder } from "./drawing.ts";
 * const json = new CircuitBuilder(2).angleEmbedding().cnot(0, 1).expval("Z").toJSON();
 * match(CircuitBuilder.fromJSON(json).toSVG(), /^<\?xml|<svg/);
 * ```
 *
 * @module
 */
export { type AmplitudeEmbeddingOptions, CircuitBuilder } from "./builder.ts";
export type { CircuitJSON, Step } from "./compile.ts";
export type { DrawOptions } from "./draw.ts";
export type { SVGOptions } from "./svg.ts";
export { type GateInfo, type GateName, GATES } from "./gates.ts";
export type { Measurement, Pauli, ShotsSpec } from "./ops.ts";
