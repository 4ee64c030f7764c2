/**
 * `Circuit`: a {@linkcode CircuitBuilder} (embeddings, templates, gates, measurements, drawing,
 * JSON) that also runs batched and differentiably on tfjs tensors and exports OpenQASM.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { type Fusion, simulate } from "./simulator.ts";
import { CircuitBuilder } from "./builder.ts";
import { checkRunArgs } from "./_run_args.ts";
import {
  countBits,
  type Distribution,
  measure,
  measureDistribution,
  sampleBits,
  stateDistribution,
} from "./measure.ts";
import { isNoisy } from "./ops.ts";
import { densityDistribution, simulateDensity } from "./density.ts";
import { channelTailDistribution } from "./_channel_tail.ts";
import { fromQASM, type FromQASMOptions } from "./qasm_import.ts";
import { checkWires } from "./_validate.ts";
import { kernelSupports, runKernel } from "./_kernel_op.ts";
import { toQASM } from "./qasm.ts";
import { replayJSON } from "./_json.ts";

/** Options of {@linkcode Circuit.run}. */
export interface RunOptions {
  /** How input-independent gates are applied (see {@linkcode Fusion}). @default {"kernel"} */
  fusion?: Fusion;
  /** Simulate with a density matrix even without noise channels. @default {false} */
  density?: boolean;
}

/** Options of {@linkcode Circuit.sample} and {@linkcode Circuit.counts}. */
export interface SampleRunOptions {
  /** Samples per input row. */
  shots: number;
  /** Seed of the sampler (the same seed gives the same samples). @default {0} */
  seed?: number;
  /** Wires whose bits are returned, in this order. @default {all wires} */
  wires?: number[];
}

function float32(x: tf.Tensor2D): tf.Tensor2D {
  return x.dtype === "float32" ? x : tf.cast(x, "float32");
}

/**
 * A parameterised quantum circuit on `wires` qubits (wire 0 is the most significant bit, as in
 * PennyLane). Builder methods append and return `this`.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { deepEqual as assertEquals } from "node:assert/strict";
 * const c = new Circuit(4).amplitudeEmbedding({ normalize: true }).basicEntanglerLayers(2).expval("Z");
 * assertEquals(c.weightShapes(), [[2, 4]]);
 * const y = c.run(tf.ones([3, 16]), [tf.zeros([2, 4])]);
 * assertEquals(y.shape, [3, 4]);
 * ```
 */
export class Circuit extends CircuitBuilder {
  /**
   * Runs the circuit on a batch; differentiable with respect to inputs and weights.
   *
   * @param inputs `[batch, inputSize]` features.
   * @param weights One tensor per `weightShapes()` entry.
   * @returns `[batch, outputSize]`; the caller disposes it.
   */
  run(
    inputs: tf.Tensor2D,
    weights: tf.Tensor[],
    { fusion = "kernel", density = false }: RunOptions = {},
  ): tf.Tensor2D {
    const c = this.compiled;
    checkRunArgs(c, inputs, weights);
    if (!density && fusion === "kernel" && kernelSupports(c, inputs.shape[0])) {
      return runKernel(c, inputs, weights);
    }
    if (!density && !isNoisy(c)) {
      return tf.tidy(() =>
        measure(simulate(c, float32(inputs), weights, { fusion }), c.measurements, c.shots)
      );
    }
    return tf.tidy(() =>
      measureDistribution(
        this.#distribution(inputs, weights, density, fusion),
        c.measurements,
        c.shots,
      )
    );
  }

  #distribution(
    inputs: tf.Tensor2D,
    weights: tf.Tensor[],
    density: boolean,
    fusion: Fusion,
  ): Distribution {
    const c = this.compiled;
    if (!density && isNoisy(c)) {
      const tail = channelTailDistribution(c, float32(inputs), weights, fusion);
      if (tail !== null) return tail;
    }
    if (density || isNoisy(c)) {
      return densityDistribution(simulateDensity(c, float32(inputs), weights, { fusion }));
    }
    return stateDistribution(simulate(c, float32(inputs), weights, { fusion }));
  }

  /**
   * Samples computational-basis outcomes (PennyLane's `qml.sample()`), seeded.
   *
   * @returns `[batch][shots][wires.length]` bits.
   */
  sample(
    inputs: tf.Tensor2D,
    weights: tf.Tensor[],
    { shots, seed = 0, wires }: SampleRunOptions,
  ): number[][][] {
    const c = this.compiled;
    checkRunArgs(c, inputs, weights, { measurements: false });
    if (!Number.isInteger(shots) || shots < 1) {
      throw new RangeError(
        `Expected shots to be a positive integer but found ${shots}: pass e.g. 1000`,
      );
    }
    const ws = wires === undefined
      ? undefined
      : checkWires(wires, { n: this.wires, what: "sample" });
    return tf.tidy(() =>
      sampleBits(this.#distribution(inputs, weights, false, "adjoint"), { shots, seed, wires: ws })
    );
  }

  /**
   * Counts of each outcome (PennyLane's `qml.counts()`): one `{ "0101": 12, ... }` per row,
   * bit strings in the order of `wires`, only observed outcomes.
   */
  counts(
    inputs: tf.Tensor2D,
    weights: tf.Tensor[],
    options: SampleRunOptions,
  ): Record<string, number>[] {
    return countBits(this.sample(inputs, weights, options));
  }

  /** OpenQASM 2.0 of the circuit bound to one input row and the weights. */
  toQASM(
    input: ArrayLike<number> | tf.Tensor,
    weights: (tf.Tensor | ArrayLike<number>)[] = [],
  ): string {
    return toQASM(this.compiled, input, weights);
  }

  /**
   * Rebuilds a circuit from `toJSON()` output, re-validating every step.
   *
   * @throws {TypeError} When the object is not a circuit description of a supported version.
   */
  static override fromJSON(json: unknown): Circuit {
    return replayJSON(json, (wires) => new Circuit(wires));
  }

  /**
   * Imports an OpenQASM 2.0 program (see `fromQASM` in qasm_import.ts): gate arguments that are
   * bare names become named trainable parameters (names x0, x1, ... read input columns 0,
   * 1, ...), `measure` statements become `probs` of the measured qubits.
   *
   * @throws {SyntaxError} Naming the line of an unsupported or malformed statement.
   */
  static fromQASM(text: string, options: FromQASMOptions = {}): Circuit {
    return fromQASM(text, (wires) => new Circuit(wires), options);
  }
}
