import * as tf from "@tensorflow/tfjs";

/** Time spent in one kernel during {@linkcode profileKernels}. */
export interface KernelTiming {
  /** Kernel name, e.g. `"Conv2DBackpropFilter"`. */
  name: string;
  /** Number of top-level calls. */
  calls: number;
  /** Total milliseconds, including kernels it called itself. */
  ms: number;
  /** Floating-point operations of its calls, as counted by the `flops` option (else 0). */
  flops: number;
}

/** Options of {@linkcode profileKernels}. */
export interface ProfileOptions {
  /** Counts the floating-point operations of one kernel call. @default {() => 0} */
  flops?: (name: string, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap) => number;
}

/**
 * Measures the time each kernel of the active backend takes while `fn` runs, by wrapping every
 * registered kernel function with a timer. Kernels called from inside another kernel count
 * toward the outer one only. Exact for synchronous backends (wasm, cpu).
 *
 * @param fn The work to profile; it may be async.
 * @param options See {@linkcode ProfileOptions}.
 * @returns Timings sorted by total time, largest first.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import assert from "node:assert/strict";
 * await tf.setBackend("cpu");
 * const timings = await profileKernels(() => tf.tidy(() => tf.add(tf.ones([2]), 1)));
 * assert(timings.some((t) => t.name === "Add"));
 * ```
 */
export async function profileKernels(
  fn: () => unknown,
  { flops = () => 0 }: ProfileOptions = {},
): Promise<KernelTiming[]> {
  const backendName = tf.getBackend();
  const backend = tf.backend();
  const configs = tf.getKernelsForBackend(backendName);
  const totals = new Map<string, KernelTiming>();
  let depth = 0;
  for (const config of configs) {
    const inner = config.kernelFunc;
    const name = config.kernelName;
    tf.unregisterKernel(name, backendName);
    tf.registerKernel({
      ...config,
      setupFunc: undefined,
      kernelFunc(args) {
        if (depth > 0) return inner(args);
        depth++;
        const start = performance.now();
        try {
          return inner({ ...args, backend });
        } finally {
          depth--;
          const entry = totals.get(name) ?? { name, calls: 0, ms: 0, flops: 0 };
          entry.calls++;
          entry.flops += flops(name, args.inputs, args.attrs ?? {});
          entry.ms += performance.now() - start;
          totals.set(name, entry);
        }
      },
    });
  }
  try {
    await fn();
  } finally {
    for (const config of configs) {
      tf.unregisterKernel(config.kernelName, backendName);
      tf.registerKernel(config);
    }
  }
  return [...totals.values()].sort((a, b) => b.ms - a.ms);
}
