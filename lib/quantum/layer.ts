/**
 * `QuantumLayer`: a tfjs layer that runs a `Circuit` on its inputs, batched and differentiable,
 * with the circuit's weight blocks as trainable layer weights (uniform in [0, 2*pi) by
 * default). It serialises with the model (`model.save` / `tf.loadLayersModel`).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import { Circuit } from "./circuit.ts";
import type { CircuitJSON } from "./compile.ts";

type LayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;
type Initializer = ReturnType<typeof tf.initializers.randomUniform>;

/** Arguments of {@linkcode QuantumLayer}. */
export interface QuantumLayerArgs extends LayerArgs {
  /** The circuit, or its `toJSON()` form. */
  circuit: Circuit | CircuitJSON;
  /** Initialiser of every weight block. @default {RandomUniform(0, 2*pi)} */
  weightInitializer?: Initializer;
  /** Seed of the default initialiser. @default {undefined} */
  seed?: number;
}

// tfjs converts string values in layer configs to snake_case (lower-casing them) when saving,
// which would corrupt gate names such as "RX". The circuit therefore travels as a JSON string
// with upper-case letters, "_" and "~" escaped, which that conversion leaves unchanged.
function escapeForConfig(json: CircuitJSON): string {
  return JSON.stringify(json).replace(
    /[A-Z_~]/g,
    (c) => (c === "_" ? "~-" : c === "~" ? "~~" : `~${c.toLowerCase()}`),
  );
}

function unescapeFromConfig(text: string): CircuitJSON {
  return JSON.parse(
    text.replace(/~(.)/g, (_, c: string) => (c === "-" ? "_" : c === "~" ? "~" : c.toUpperCase())),
  );
}

function deserializeInitializer(spec: unknown): Initializer {
  const s = spec as { className?: string; config?: tf.serialization.ConfigDict } | undefined;
  const entry = s?.className
    ? tf.serialization.SerializationMap.getMap().classNameMap[s.className]
    : undefined;
  if (entry === undefined) {
    throw new TypeError(
      `Expected a registered initializer in the layer config but found ${
        JSON.stringify(spec)
      }: save with a tfjs initializer`,
    );
  }
  const [cls, fromConfig] = entry;
  return fromConfig(cls, s!.config ?? {}) as Initializer;
}

/**
 * A tfjs layer wrapping a {@linkcode Circuit}: input `[batch, circuit.inputSize]`, output
 * `[batch, circuit.outputSize]`.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import { deepEqual as assertEquals } from "node:assert/strict";
 * import { paperCircuit } from "./paper.ts";
 * const layer = new QuantumLayer({ circuit: paperCircuit() });
 * const y = layer.apply(tf.ones([2, 16])) as tf.Tensor;
 * assertEquals(y.shape, [2, 4]);
 * ```
 */
export class QuantumLayer extends tf.layers.Layer {
  /** Name under which the class is registered for serialization. */
  static className = "QuantumLayer";
  /** The circuit this layer runs. */
  readonly circuit: Circuit;
  readonly #initializer: Initializer;
  #weights: tf.LayerVariable[] = [];

  constructor(args: QuantumLayerArgs) {
    super(args);
    this.circuit = args.circuit instanceof Circuit ? args.circuit : Circuit.fromJSON(args.circuit);
    this.#initializer = args.weightInitializer ??
      tf.initializers.randomUniform({ minval: 0, maxval: 2 * Math.PI, seed: args.seed });
    if (this.circuit.outputSize === 0) {
      throw new RangeError(
        "Expected a circuit with measurements but found none: call expval() or probs() before wrapping it",
      );
    }
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const width = shape[shape.length - 1];
    if (width !== this.circuit.inputSize) {
      throw new RangeError(
        `Expected inputs with ${this.circuit.inputSize} features but found ${width}: add a Dense layer of ${this.circuit.inputSize} units before the QuantumLayer`,
      );
    }
    this.#weights = this.circuit.weightShapes().map((s, i) =>
      this.addWeight(`weights_${i}`, s, "float32", this.#initializer)
    );
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0] ?? null, this.circuit.outputSize];
  }

  override call(inputs: tf.Tensor | tf.Tensor[], _kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      return this.circuit.run(x as tf.Tensor2D, this.#weights.map((v) => v.read()));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      circuit: escapeForConfig(this.circuit.toJSON()),
      weightInitializer: {
        className: this.#initializer.getClassName(),
        config: this.#initializer.getConfig(),
      },
    };
  }

  /** Rebuilds a layer from `getConfig()` output (used by `tf.loadLayersModel`). */
  static override fromConfig<T extends tf.serialization.Serializable>(
    _cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    const { circuit, weightInitializer, ...rest } = config;
    const json = typeof circuit === "string"
      ? unescapeFromConfig(circuit)
      : circuit as unknown as CircuitJSON;
    return new QuantumLayer({
      ...(rest as LayerArgs),
      circuit: json,
      weightInitializer: deserializeInitializer(weightInitializer),
    }) as unknown as T;
  }
}
tf.serialization.registerClass(QuantumLayer);
