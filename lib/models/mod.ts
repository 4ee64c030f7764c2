/**
 * The experiment's models: a CNN trunk sized per data set, then a classical,
 * hybrid (simulated quantum circuit) or control head. Models take pixels in
 * [0, 1] and normalize in their first layer.
 *
 * @example
 * ```ts
 * import { buildModel, summarizeModel } from "./mod.ts";
 * const spec = { name: "mnist", height: 28, width: 28, channels: 1, classes: 10, mean: [0.1307], std: [0.3081] };
 * const model = buildModel("control", spec, { seed: 1 });
 * const { parameterCount } = summarizeModel(model);
 * if (!(parameterCount > 0)) throw new Error();
 * model.dispose();
 * ```
 *
 * @module
 */
export { buildModel, type BuildModelOptions, HIDDEN_UNITS, LAYER_NAMES } from "./build_model.ts";
export { L2_EPSILON, L2Normalization } from "./l2_normalization.ts";
export { crossEntropy, PROBABILITY_FLOOR } from "./loss.ts";
export { PixelNormalization, type PixelNormalizationArgs } from "./normalization.ts";
export { type ConvStage, type DatasetSpec, specFor, trunkFor, TRUNKS } from "./spec.ts";
export { featureLayerName, type ModelSummary, summarizeModel } from "./summarize.ts";
export type { ModelKind } from "../results/mod.ts";
