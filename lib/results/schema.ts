/**
 * The schema of `results.json`: one versioned, self-describing record of one
 * dataset's run (every model, every seed). Figures and the report read only
 * this (plus `analysis.json`, see `./analysis_schema.ts`), never tensors.
 *
 * Changes to this file are additive: add optional fields, never rename or
 * remove one without bumping {@link RESULTS_VERSION}.
 *
 * @module
 */

import type { DatasetName, ModelKind, ProfileName, Provenance } from "./names.ts";

/**
 * Version of the results format; loading another version fails clearly. Version 2: `control`
 * is the L2-normalised width-matched control (version 1's control had no normalisation),
 * `frozen` is new, and runs carry in-step memory and extra attacks.
 */
export const RESULTS_VERSION = 2;

/** One epoch of training, as recorded by `lib/train`. */
export interface EpochRecord {
  /** 1-based epoch number. */
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  valLoss: number;
  valAccuracy: number;
  /** Macro-averaged over classes, on the validation split. */
  valPrecision: number;
  valRecall: number;
  valF1: number;
  /** Wall time of the epoch's training pass (validation excluded), seconds. */
  seconds: number;
  /** Mean over the epoch's samples: process CPU time / wall time / cores, in percent. */
  cpuProcessPercent: number;
  /** Mean over the epoch's samples: system-wide CPU busy, in percent. */
  cpuSystemPercent: number;
  /** Peak process resident set size during the epoch, MiB. */
  rssMB: number;
  /** Peak tfjs tensor memory during the epoch, sampled between steps (weights + optimizer state), MiB. */
  tensorMB: number;
  /** Peak tfjs tensor memory inside the epoch's first training step (forward, backward, update), MiB. */
  stepTensorMB?: number;
}

/** One resource sample taken during training (not only at epoch ends). */
export interface ResourceSample {
  /** 1-based epoch the sample was taken in. */
  epoch: number;
  /** Seconds since the start of training of this model and seed. */
  t: number;
  cpuProcessPercent: number;
  cpuSystemPercent: number;
  rssMB: number;
  tensorMB: number;
}

/** Classification metrics on a split. */
export interface ClassificationMetrics {
  accuracy: number;
  /** Macro averages. */
  precision: number;
  recall: number;
  f1: number;
  perClass: {
    precision: number[];
    recall: number[];
    f1: number[];
    support: number[];
  };
  /** confusion[trueClass][predictedClass] = count. */
  confusion: number[][];
}

/** Adversarial robustness of one trained model on (a sample of) the test split. */
export interface Robustness {
  /** The headline epsilon (0.1 as in the paper). */
  epsilon: number;
  /** FGSM robust accuracy at `epsilon`. */
  fgsmAccuracy: number;
  /**
   * FGSM robust accuracy at `epsilon` measured in normalised-input units: the step is
   * `epsilon * std` per channel in pixel space, as a pipeline that attacks the standardised
   * tensor would take (about 3x weaker than pixel-space FGSM for MNIST).
   */
  fgsmNormalizedAccuracy?: number;
  /** PGD robust accuracy at `epsilon` (worst case over restarts), when PGD was run. */
  pgdAccuracy?: number;
  /** PGD settings, when PGD was run. */
  pgd?: { steps: number; restarts: number; stepSize: number };
  /** Accuracy over a grid of epsilons (0 is clean accuracy). */
  curve: { epsilon: number; fgsm: number; pgd?: number }[];
  /** How many test images were attacked. */
  count: number;
}

/** Penultimate-layer features of a fixed, seeded test sample. */
export interface FeatureSample {
  /** Indices into the test split. */
  indices: number[];
  labels: number[];
  predictions: number[];
  /** Row-major [count][dim]. */
  values: number[][];
  /** Name of the layer the features were read from. */
  layer: string;
}

/** A small grid of images stored with the results so figures can draw real pixels. */
export interface ImageSample {
  height: number;
  width: number;
  channels: number;
  /** Each image as base64 of its uint8 HWC bytes. */
  images: string[];
  labels: number[];
  /** Predicted classes, for the sample-predictions figure. */
  predictions?: number[];
}

/** Summary statistics of one scalar over seeds. */
export interface SeedStatistic {
  values: number[];
  mean: number;
  /** Half width of the 95 % confidence interval (Student t); 0 for one seed. */
  ci95: number;
}

/** Memory of training one model (see `lib/train/step_memory.ts`). */
export interface MemoryRecord {
  /** Peak tfjs tensor memory inside a training step (activations, gradients, update), MiB. */
  stepPeakTensorMB: number;
  /** Weights plus Adam's two moments, MiB: the floor under every step. */
  floorMB: number;
  /**
   * Largest RSS sampled after each step and the wasm heap of a fresh process that loads the runtime and the data and
   * trains only this model for `steps` steps, or why that was not measured.
   */
  freshProcess: {
    peakRssMB: number;
    /** RSS once the runtime and data are loaded, before the model is built. */
    rssBeforeMB?: number;
    /** RSS after the training steps (wasm memory is never returned, so it keeps their peak). */
    rssAfterMB?: number;
    wasmHeapMB: number;
    steps: number;
  } | { notMeasured: string };
}

/** Accuracy of one model on adversarial examples crafted on another (black-box transfer). */
export interface TransferRecord {
  seed: number;
  /** The model the examples were crafted on. */
  source: ModelKind;
  /** The model evaluated on them. */
  target: ModelKind;
  attack: "fgsm" | "pgd";
  epsilon: number;
  /** Target's accuracy on the adversarial examples. */
  accuracy: number;
  /** Target's accuracy on the same images, clean. */
  cleanAccuracy: number;
  count: number;
}

/** One training run of one model with one seed. */
export interface SeedRun {
  seed: number;
  history: EpochRecord[];
  samples: ResourceSample[];
  test: ClassificationMetrics;
  robustness: Robustness;
  features: FeatureSample;
  /** Test images with this model's predictions. */
  predictions: ImageSample;
  /** Total training wall time, seconds. */
  trainSeconds: number;
  /** In-step and fresh-process memory. */
  memory?: MemoryRecord;
}

/** A layer in a model's architecture summary. */
export interface LayerSummary {
  name: string;
  className: string;
  outputShape: (number | null)[];
  parameters: number;
}

/** All seeds of one model kind. */
export interface ModelResult {
  kind: ModelKind;
  parameterCount: number;
  trainableParameterCount: number;
  layers: LayerSummary[];
  runs: SeedRun[];
  /** Statistics over seeds, keyed by metric name (testAccuracy, testF1, valAccuracy, fgsmAccuracy, epochSeconds, ...). */
  summary: Record<string, SeedStatistic>;
}

/** What the data set was and how it was split. */
export interface DatasetInfo {
  name: DatasetName;
  provenance: Provenance;
  /** Command that fetches the official data, shown whenever a stand-in was used. */
  fetchCommand: string;
  classNames: string[];
  height: number;
  width: number;
  channels: number;
  sizes: { train: number; val: number; test: number };
  /** Label counts in the training split used. */
  trainClassCounts: number[];
  samples: { train: ImageSample; val: ImageSample; test: ImageSample };
}

/** The machine and software a run used. */
export interface Environment {
  deno: string;
  v8: string;
  typescript: string;
  tfjs: string;
  backend: string;
  /** Worker threads used by training kernels. */
  threads: number;
  cpuModel: string;
  cores: number;
  memoryGB: number;
  os: string;
  /** Git commit of the code that ran, when it ran from a git working tree. */
  commit?: string;
  /**
   * Which training kernels ran (lib/runtime's `kernelPath()`); absent in results written
   * before it was recorded. Results repeat bit for bit only on the same path, library and
   * thread count.
   */
  kernelPath?: KernelPathRecord;
}

/** The kernel path of a run: native (CBLAS through Deno FFI), wasm or cpu. */
export interface KernelPathRecord {
  path: "native" | "wasm" | "cpu";
  /** The CBLAS library on the native path, else `null`. */
  library: string | null;
  /** Threads the kernels computed with. */
  threads: number;
}

/** One dataset's complete run. */
export interface Results {
  version: typeof RESULTS_VERSION;
  createdAt: string;
  profile: ProfileName;
  /** The full configuration, enough to rerun. */
  config: {
    epochs: number;
    batchSize: number;
    learningRate: number;
    seeds: number[];
    models: ModelKind[];
    attackCount: number;
    epsilons: number[];
    [key: string]: unknown;
  };
  dataset: DatasetInfo;
  environment: Environment;
  /** `Circuit.toJSON()` of the hybrid model's circuit. */
  circuit: unknown;
  /** `circuitHash(circuit)`: the circuit's short stable identity (absent in older results). */
  circuitHash?: string;
  models: Partial<Record<ModelKind, ModelResult>>;
  /** Wall time of the whole run, seconds. */
  totalSeconds: number;
  /** Transfer attacks between every pair of models of each seed (absent when not run). */
  transfer?: TransferRecord[];
  /**
   * Present only in a shard's partial file (`shards/<k>-of-<N>.json`): which
   * slice of the (dataset, model, seed) grid it holds. `deno task merge`
   * combines the shards into a complete results.json without this field.
   */
  shard?: {
    /** 1-based slice number. */
    index: number;
    /** Number of slices. */
    count: number;
    /** The (model, seed) cells of this data set that the shard ran. */
    cells: { model: ModelKind; seed: number }[];
  };
}
