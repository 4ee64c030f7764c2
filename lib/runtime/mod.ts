/**
 * tfjs runtime set-up: the wasm backend with the training kernels it lacks or runs slowly,
 * seeding, and Jupyter detection.
 *
 * @example
 * ```ts
 * import * as tf from "@tensorflow/tfjs";
 * import assert from "node:assert/strict";
 * import { setupRuntime } from "./mod.ts";
 * const info = await setupRuntime({ backend: "wasm", seed: 1 });
 * assert.equal(tf.getBackend(), info.backend);
 * ```
 *
 * @module
 */
export { type RuntimeInfo, type RuntimeOptions, setupRuntime } from "./setup_runtime.ts";
export { inJupyter } from "./in_jupyter.ts";
export { seedGlobalRandom } from "./seed.ts";
export { type KernelSet, registerTrainingKernels } from "./register_kernels.ts";
export { type KernelTiming, profileKernels } from "./profile_kernels.ts";
