/**
 * The tfjs-free part of a circuit: `CircuitBuilder` builds and validates embeddings, templates,
 * gates and measurements, compiles them, draws them as text or SVG and serialises them to JSON.
 * `Circuit` (circuit.ts) extends it with running on tfjs tensors and OpenQASM export; code that
 * only draws (figures) imports this file through `drawing.ts` and never loads tfjs.
 *
 * @module
 */
import { type GateName, GATES, isGateName } from "./gates.ts";
import type { CompiledCircuit, Measurement, Pauli, ShotsSpec } from "./ops.ts";
import { type CircuitJSON, compile, type Step } from "./compile.ts";
import { type Axis, defaultRanges, type Rotation, validateRanges } from "./templates.ts";
import { checkFinite, checkLayers, checkWireCount, checkWires } from "./_validate.ts";
import { type DrawOptions, drawText } from "./draw.ts";
import { drawSVG, type SVGOptions } from "./svg.ts";
import { addGateMethods, type GateMethods } from "./_gate_methods.ts";
import { replayJSON } from "./_json.ts";

/** Options of {@linkcode CircuitBuilder.amplitudeEmbedding}. */
export interface AmplitudeEmbeddingOptions {
  /** Divide each row by its norm; all-zero rows become |0...0> (see README). @default {false} */
  normalize?: boolean;
  /** Pad rows shorter than `2 ** wires` with this value (before normalising). @default {undefined} */
  padWith?: number;
  /** Number of input features this embedding reads. @default {2 ** wires} */
  features?: number;
}

const PAULIS = ["X", "Y", "Z"];

/**
 * A parameterised quantum circuit on `wires` qubits (wire 0 is the most significant bit, as in
 * PennyLane), without a simulator. Builder methods append and return `this`.
 *
 * @example
 * ```ts
 * import { deepEqual as assertEquals } from "node:assert/strict";
 * const c = new CircuitBuilder(4).amplitudeEmbedding({ normalize: true }).basicEntanglerLayers(2).expval("Z");
 * assertEquals(c.weightShapes(), [[2, 4]]);
 * assertEquals(CircuitBuilder.fromJSON(c.toJSON()).toSVG(), c.toSVG());
 * ```
 */
export class CircuitBuilder {
  readonly wires: number;
  #steps: Step[] = [];
  #measurements: Measurement[] = [];
  #shots: ShotsSpec | null = null;
  #compiled: CompiledCircuit | null = null;

  /** @param wires Number of qubits, 1..MAX_WIRES. */
  constructor(wires: number) {
    this.wires = checkWireCount(wires);
  }

  #push(step: Step): this {
    this.#steps.push(step);
    this.#compiled = null;
    return this;
  }

  #all(wires?: number[]): number[] {
    return checkWires(wires ?? [...Array(this.wires).keys()], { n: this.wires, what: "template" });
  }

  /**
   * AmplitudeEmbedding on all wires: input features become the real amplitudes. Must come first.
   *
   * @throws {RangeError} When more than `2 ** wires` features, or fewer without `padWith`.
   */
  amplitudeEmbedding(
    { normalize = false, padWith, features }: AmplitudeEmbeddingOptions = {},
  ): this {
    const dim = 2 ** this.wires;
    const size = features ?? dim;
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(
        `Expected features to be a positive integer but found ${size}: pass the feature count`,
      );
    }
    if (size > dim) {
      throw new RangeError(
        `Features must be of length ${dim} or fewer but found ${size}: use more wires`,
      );
    }
    if (size < dim && padWith === undefined) {
      throw new RangeError(
        `Features must be of length ${dim} but found ${size}: pass padWith to pad`,
      );
    }
    if (padWith !== undefined) checkFinite(padWith, "padWith");
    if (this.#steps.length > 0) {
      throw new RangeError(
        `Expected amplitudeEmbedding as the first operation but found ${this.#steps.length} before it: move it to the start`,
      );
    }
    return this.#push({
      type: "amplitudeEmbedding",
      normalize: Boolean(normalize),
      padWith: padWith ?? null,
      features: size,
    });
  }

  /** AngleEmbedding: input feature i is the angle of an X, Y or Z rotation on `wires[i]`. */
  angleEmbedding({ rotation = "X", wires }: { rotation?: Axis; wires?: number[] } = {}): this {
    if (!PAULIS.includes(rotation)) {
      throw new TypeError(`Expected rotation X, Y or Z but found ${rotation}: pick one of them`);
    }
    return this.#push({ type: "angleEmbedding", rotation, wires: this.#all(wires) });
  }

  /** BasisEmbedding: input bits (0 or 1) prepare the computational basis state on `wires`. */
  basisEmbedding({ wires }: { wires?: number[] } = {}): this {
    return this.#push({ type: "basisEmbedding", wires: this.#all(wires) });
  }

  /** BasicEntanglerLayers with weights `[layers, wires]` (one trainable block). */
  basicEntanglerLayers(
    layers: number,
    { rotation = "RX", wires }: { rotation?: Rotation; wires?: number[] } = {},
  ): this {
    if (!["RX", "RY", "RZ"].includes(rotation)) {
      throw new TypeError(`Expected rotation RX, RY or RZ but found ${rotation}: pick one of them`);
    }
    return this.#push({
      type: "basicEntanglerLayers",
      layers: checkLayers(layers, "BasicEntanglerLayers"),
      rotation,
      wires: this.#all(wires),
    });
  }

  /** StronglyEntanglingLayers with weights `[layers, wires, 3]` (one trainable block). */
  stronglyEntanglingLayers(
    layers: number,
    { ranges, wires }: { ranges?: number[]; wires?: number[] } = {},
  ): this {
    const w = this.#all(wires);
    const l = checkLayers(layers, "StronglyEntanglingLayers");
    const r = ranges ?? defaultRanges(l, w.length);
    validateRanges(r, l, w.length);
    return this.#push({ type: "stronglyEntanglingLayers", layers: l, ranges: [...r], wires: w });
  }

  /**
   * Appends a primitive gate. Omit `params` to make a parameterised gate trainable (its own
   * weight block of shape `[parameter count]`); pass numbers to fix them.
   */
  gate(name: GateName, wires: number | number[], params?: number[]): this {
    if (!isGateName(name)) {
      throw new TypeError(`Expected a gate name from GATES but found ${String(name)}: see GATES`);
    }
    const info = GATES[name];
    const w = checkWires(wires, { n: this.wires, what: name, expected: info.wires });
    let p: number[] | null = null;
    if (params !== undefined || info.params === 0) {
      p = (params ?? []).map((x) => checkFinite(x, `${name} parameter`));
      if (p.length !== info.params) {
        throw new RangeError(
          `Expected ${info.params} parameters for ${name} but found ${p.length}: pass ${info.params}`,
        );
      }
    }
    return this.#push({ type: "gate", name, wires: w, params: p });
  }

  /** Expectation of Pauli `pauli` on each of `wires` (default all): one output per wire. */
  expval(pauli: Pauli = "Z", { wires }: { wires?: number[] } = {}): this {
    if (!PAULIS.includes(pauli)) {
      throw new TypeError(`Expected Pauli X, Y or Z but found ${pauli}: use expvalPauli for words`);
    }
    this.#measurements.push({
      type: "expval",
      pauli,
      wires: checkWires(wires ?? [...Array(this.wires).keys()], { n: this.wires, what: "expval" }),
    });
    this.#compiled = null;
    return this;
  }

  /** Expectation of a Pauli word such as "XZI" on `wires` (default 0..length-1): one output. */
  expvalPauli(word: string, { wires }: { wires?: number[] } = {}): this {
    if (typeof word !== "string" || !/^[IXYZ]+$/.test(word)) {
      throw new TypeError(
        `Expected a Pauli word of I, X, Y, Z but found ${String(word)}: pass e.g. "XZ"`,
      );
    }
    const w = checkWires(wires ?? [...Array(word.length).keys()], {
      n: this.wires,
      what: "expvalPauli",
      expected: word.length,
    });
    this.#measurements.push({ type: "expvalPauli", word, wires: w });
    this.#compiled = null;
    return this;
  }

  /** Probabilities of the basis states of `wires` (default all): `2 ** wires.length` outputs. */
  probs({ wires }: { wires?: number[] } = {}): this {
    this.#measurements.push({
      type: "probs",
      wires: checkWires(wires ?? [...Array(this.wires).keys()], { n: this.wires, what: "probs" }),
    });
    this.#compiled = null;
    return this;
  }

  /** Estimates measurements from `shots` seeded samples (null for exact); gradients stay exact. */
  withShots(shots: number | null, { seed = 0 }: { seed?: number } = {}): this {
    if (shots !== null && (!Number.isInteger(shots) || shots < 1)) {
      throw new RangeError(
        `Expected shots to be a positive integer or null but found ${shots}: pass e.g. 1000`,
      );
    }
    this.#shots = shots === null ? null : { shots, seed: checkFinite(seed, "seed") };
    this.#compiled = null;
    return this;
  }

  /** The compiled operations (for simulators, drawing and tests). */
  get compiled(): CompiledCircuit {
    return this.#compiled ??= compile(this.wires, {
      steps: this.#steps,
      measurements: this.#measurements,
      shots: this.#shots,
    });
  }

  /** Number of input features per row. */
  get inputSize(): number {
    return this.compiled.inputSize;
  }

  /** Number of output columns. */
  get outputSize(): number {
    return this.compiled.outputSize;
  }

  /** One shape per trainable block, in the order blocks were added. */
  weightShapes(): number[][] {
    return this.compiled.weightShapes.map((s) => [...s]);
  }

  /** A PennyLane-style text diagram. */
  draw(options: DrawOptions = {}): string {
    return drawText(this.compiled, this.#steps, options);
  }

  /** Rich display in Jupyter (Deno kernel): the SVG diagram, with the text one as fallback. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "image/svg+xml": this.toSVG(), "text/plain": this.draw() };
  }

  /** A standalone SVG diagram (gates as boxes, labels as SVG text). */
  toSVG(options: SVGOptions = {}): string {
    return drawSVG(this.compiled, this.#steps, options);
  }

  /** A plain JSON description; `fromJSON` rebuilds an equal circuit. */
  toJSON(): CircuitJSON {
    return structuredClone({
      format: "hqc-circuit",
      version: 1,
      wires: this.wires,
      steps: this.#steps,
      measurements: this.#measurements,
      shots: this.#shots,
    });
  }

  /**
   * Rebuilds a circuit description from `toJSON()` output, re-validating every step.
   *
   * @throws {TypeError} When the object is not a circuit description of a supported version.
   */
  static fromJSON(json: unknown): CircuitBuilder {
    return replayJSON(json, (wires) => new CircuitBuilder(wires));
  }
}

/** The single-gate builder methods (`rx`, `cnot`, ...), installed below. */
export interface CircuitBuilder extends GateMethods {}
addGateMethods(CircuitBuilder.prototype);
