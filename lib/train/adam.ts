/**
 * Adam with a state that can be saved and restored exactly.
 *
 * tfjs's own `AdamOptimizer` restores its bias-correction accumulators with
 * `pow` while training updates them by repeated multiplication, so a resumed
 * run drifts in the last bits. Here the bias correction is recomputed in
 * float64 from the step count, which makes a restored optimizer continue
 * bit for bit.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** Hyper-parameters of {@link Adam}. */
export interface AdamOptions {
  /** @default {1e-3} */
  learningRate?: number;
  /** @default {0.9} */
  beta1?: number;
  /** @default {0.999} */
  beta2?: number;
  /** Added to the denominator; Keras's default. @default {1e-7} */
  epsilon?: number;
}

/** Everything {@link Adam} needs to continue: the step count and both moments per variable. */
export interface AdamState {
  step: number;
  /** First moments, in the order of the variables; owned by the caller after `getState`. */
  m: tf.Tensor[];
  /** Second moments, in the order of the variables. */
  v: tf.Tensor[];
}

/** A non-trainable variable of zeros shaped like `like` (the temporary zeros are freed). */
function zeroVariable(like: tf.Tensor): tf.Variable {
  const zeros = tf.zerosLike(like);
  const variable = tf.variable(zeros, false);
  zeros.dispose();
  return variable;
}

/**
 * The Adam optimizer (Kingma & Ba) over a fixed list of variables.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { Adam } from "./adam.ts";
 * const w = tf.variable(tf.scalar(1));
 * const adam = new Adam([w], { learningRate: 0.1 });
 * adam.apply([tf.scalar(2)]);
 * // the first Adam step moves by learningRate times the gradient's sign
 * if (Math.abs(w.dataSync()[0]! - 0.9) > 1e-6) throw new Error();
 * ```
 */
export class Adam {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  #variables: tf.Variable[];
  #m: tf.Variable[];
  #v: tf.Variable[];
  #step = 0;

  /**
   * @param variables The variables this optimizer updates, in a fixed order.
   * @param options Hyper-parameters.
   */
  constructor(
    variables: tf.Variable[],
    { learningRate = 1e-3, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 }: AdamOptions = {},
  ) {
    if (!(Number.isFinite(learningRate) && learningRate > 0)) {
      throw new RangeError(
        `Expected a finite positive learning rate but found ${learningRate}: pass e.g. 1e-3`,
      );
    }
    for (const [name, value] of [["beta1", beta1], ["beta2", beta2]] as const) {
      if (!(value >= 0 && value < 1)) {
        throw new RangeError(`Expected ${name} in [0, 1) but found ${value}: pass e.g. 0.9`);
      }
    }
    if (!(Number.isFinite(epsilon) && epsilon > 0)) {
      throw new RangeError(
        `Expected a finite positive epsilon but found ${epsilon}: pass e.g. 1e-7`,
      );
    }
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.#variables = variables;
    this.#m = variables.map(zeroVariable);
    this.#v = variables.map(zeroVariable);
  }

  /** Updates taken so far. */
  get step(): number {
    return this.#step;
  }

  /**
   * Takes one step.
   *
   * @param gradients One gradient per variable, same order and shapes; not disposed here.
   */
  apply(gradients: tf.Tensor[]): void {
    if (gradients.length !== this.#variables.length) {
      throw new RangeError(
        `Expected ${this.#variables.length} gradients but found ${gradients.length}: pass one per variable`,
      );
    }
    this.#step += 1;
    const { beta1, beta2 } = this;
    const correction1 = 1 - beta1 ** this.#step;
    const correction2 = 1 - beta2 ** this.#step;
    tf.tidy(() => {
      gradients.forEach((g, i) => {
        const m = this.#m[i]!, v = this.#v[i]!, w = this.#variables[i]!;
        const newM = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
        const newV = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
        m.assign(newM);
        v.assign(newV);
        const mHat = tf.div(newM, correction1);
        const vHat = tf.div(newV, correction2);
        const update = tf.div(tf.mul(mHat, this.learningRate), tf.add(tf.sqrt(vHat), this.epsilon));
        w.assign(tf.sub(w, update));
      });
    });
  }

  /** @returns copies of the state; the caller disposes `m` and `v`. */
  getState(): AdamState {
    return {
      step: this.#step,
      m: this.#m.map((t) => t.clone()),
      v: this.#v.map((t) => t.clone()),
    };
  }

  /**
   * Restores a state saved by {@link Adam.getState}; the given tensors are copied, not kept.
   *
   * @throws {RangeError} when the moments do not match the variables.
   */
  setState(state: AdamState): void {
    const n = this.#variables.length;
    if (state.m.length !== n || state.v.length !== n) {
      throw new RangeError(
        `Expected ${n} first and second moments but found ${state.m.length} and ${state.v.length}: restore a state of the same model`,
      );
    }
    tf.tidy(() => {
      state.m.forEach((t, i) => this.#m[i]!.assign(t.reshape(this.#m[i]!.shape)));
      state.v.forEach((t, i) => this.#v[i]!.assign(t.reshape(this.#v[i]!.shape)));
    });
    this.#step = state.step;
  }

  /** Frees the moment variables (not the model's variables). */
  dispose(): void {
    tf.dispose([...this.#m, ...this.#v]);
  }
}
