import * as tf from "@tensorflow/tfjs";
import { naiveConv2DBackpropFilter } from "./naive_kernels.ts";
import {
  fastConv2DBackpropFilter,
  fastConv2DBackpropInput,
  type KernelArgs,
} from "./fast_conv_kernels.ts";
import { fastBatchMatMul, fastFusedMatMul, fastSum, sharedIdentity } from "./fast_kernels.ts";
import { fastMaxPoolGrad } from "./max_pool_grad.ts";
import { nativeKernels } from "./native_kernels.ts";
import { type Blas, openBlas } from "./_blas.ts";
import { getThreadsCount } from "@tensorflow/tfjs-backend-wasm";

/**
 * Which set of training kernels to install on the wasm backend: `"native"` (convolutions and
 * products on a CBLAS library, the rest as `"fast"`), `"fast"` (wasm only) or the `"naive"`
 * baseline.
 */
export type KernelSet = "native" | "fast" | "naive";

type Kernel = (args: KernelArgs) => tf.TensorInfo;

const originals = new Map<string, tf.KernelConfig | null>();

function original(name: string): Kernel {
  const config = originals.has(name) ? originals.get(name) : tf.getKernel(name, "wasm");
  if (config === undefined || config === null) {
    throw new Error(
      `Expected the wasm backend to have kernel ${name} but found none: upgrade tfjs`,
    );
  }
  return config.kernelFunc as Kernel;
}

function install(name: string, kernelFunc: Kernel): void {
  if (!originals.has(name)) originals.set(name, tf.getKernel(name, "wasm") ?? null);
  if (tf.getKernel(name, "wasm") !== undefined) tf.unregisterKernel(name, "wasm");
  tf.registerKernel({
    kernelName: name,
    backendName: "wasm",
    kernelFunc: kernelFunc as tf.KernelConfig["kernelFunc"],
  });
}

function restore(name: string): void {
  const saved = originals.get(name);
  if (saved === undefined) return;
  if (tf.getKernel(name, "wasm") !== undefined) tf.unregisterKernel(name, "wasm");
  if (saved !== null) tf.registerKernel(saved);
  originals.delete(name);
}

function fastKernels(): Map<string, Kernel> {
  const batchMatMul = fastBatchMatMul(original("BatchMatMul"), original("Transpose"));
  return new Map<string, Kernel>([
    ["BatchMatMul", batchMatMul],
    ["Conv2DBackpropFilter", fastConv2DBackpropFilter],
    ["Conv2DBackpropInput", fastConv2DBackpropInput],
    ["Identity", sharedIdentity],
    ["MaxPoolGrad", fastMaxPoolGrad],
    ["Sum", fastSum(original("Sum"))],
    ["_FusedMatMul", fastFusedMatMul(original("_FusedMatMul"), batchMatMul)],
  ]);
}

/** Opens the CBLAS library for the native set, with one thread per wasm thread. */
export function nativeBlas(): Blas {
  const blas = openBlas(getThreadsCount());
  if ("reason" in blas) {
    throw new Error(
      `Expected a CBLAS library for the native kernel set but found ${blas.reason}: pass kernels "fast"`,
    );
  }
  return blas;
}

function kernelsOf(set: KernelSet): Map<string, Kernel> {
  if (set === "naive") {
    return new Map([["Conv2DBackpropFilter", naiveConv2DBackpropFilter]]);
  }
  const fast = fastKernels();
  if (set === "fast") return fast;
  const native = nativeKernels(nativeBlas(), (name) => fast.get(name) ?? original(name));
  return new Map([...fast, ...native]);
}

/**
 * Registers a set of training kernels on the wasm backend, restoring the backend's own kernels
 * that the set does not replace. Idempotent.
 *
 * @param set `"native"`, `"fast"` or `"naive"`.
 * @returns Names of the kernels now registered by us, sorted.
 */
export function registerTrainingKernels(set: KernelSet): string[] {
  const wanted = kernelsOf(set);
  for (const name of [...originals.keys()]) if (!wanted.has(name)) restore(name);
  for (const [name, func] of wanted) install(name, func);
  return [...wanted.keys()].sort();
}
