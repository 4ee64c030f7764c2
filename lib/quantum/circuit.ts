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
import { measure } from "./measure.ts";
import { kernelSupports, runKernel } from "./_kernel_op.ts";
import { toQASM } from "./qasm.ts";
import { replayJSON } from "./_json.ts";

/** Options of {@linkcode Circuit.run}. */
export interface RunOptions {
  /** How input-independent gates are applied (see {@linkcode Fusion}). @default {"kernel"} */
  fusion?: Fusion;
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
    { fusion = "kernel" }: RunOptions = {},
  ): tf.Tensor2D {
    const c = this.compiled;
    checkRunArgs(c, inputs, weights);
    if (fusion === "kernel" && kernelSupports(c, inputs.shape[0])) {
      return runKernel(c, inputs, weights);
    }
    return tf.tidy(() =>
      measure(
        simulate(c, inputs.dtype === "float32" ? inputs : tf.cast(inputs, "float32"), weights, {
          fusion,
        }),
        c.measurements,
        c.shots,
      )
    );
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
}
