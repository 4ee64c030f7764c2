/**
 * One cell of the experiment grid: build, train, evaluate, attack and read
 * the features of one model with one seed.
 *
 * @module
 */

import type { Dataset } from "../data/mod.ts";
import { buildModel, type DatasetSpec, featureLayerName, summarizeModel } from "../models/mod.ts";
import type { ModelSummary } from "../models/mod.ts";
import { evaluate, extractFeatures, fit, optimizerFloorBytes } from "../train/mod.ts";
import type { Progress } from "../train/mod.ts";
import { robustness } from "../attacks/mod.ts";
import type { Circuit } from "../quantum/mod.ts";
import {
  HEADLINE_EPSILON,
  type MemoryRecord,
  type ModelKind,
  type SeedRun,
} from "../results/mod.ts";
import type { Profile } from "./profiles.ts";
import { imageSample } from "./dataset_info.ts";
import { sampleIndices, stream } from "../random/mod.ts";
import { TRAIN_SHARE } from "./progress.ts";
import { cellFitOptions } from "./fit_options.ts";

/** Seed of the test images whose features every model reports (the same for all models). */
export const FEATURE_SEED = 11;
const MIB = 1024 * 1024;

/** What one cell produces. */
export interface CellResult {
  run: SeedRun;
  summary: ModelSummary;
}

/** Options of {@link runCell}. */
export interface RunCellOptions {
  kind: ModelKind;
  seed: number;
  profile: Profile;
  circuit: Circuit;
  checkpointDir: string;
  resume: boolean;
  /**
   * Measures peak RSS for this model in a fresh process (see `memory_probe.ts`); when
   * omitted the run records why it was not measured.
   */
  freshProcessMemory?: () => Promise<MemoryRecord["freshProcess"]>;
  /** Called during training and at each later stage with the cell's fraction done. */
  onStage?: (
    stage: "train" | "evaluate" | "attack" | "features",
    fraction: number,
    train?: Progress,
  ) => void;
}

/**
 * Runs one model with one seed end to end. The model is disposed before returning.
 *
 * @param dataset The loaded data set.
 * @param spec Its model spec (`specFor(dataset)`).
 * @param options Which model and seed, the profile, the circuit, checkpoints, progress.
 * @returns The seed's run record and the model's parameter summary.
 */
export async function runCell(
  dataset: Dataset,
  spec: DatasetSpec,
  { kind, seed, profile, circuit, checkpointDir, resume, onStage, freshProcessMemory }:
    RunCellOptions,
): Promise<CellResult> {
  const classes = dataset.classNames.length;
  const model = buildModel(kind, spec, { circuit, seed });
  try {
    const summary = summarizeModel(model);
    const trained = await fit(model, { train: dataset.train, val: dataset.val }, {
      ...cellFitOptions(profile, seed, dataset.name, classes),
      checkpointDir,
      resume,
      onProgress: (p) =>
        onStage?.("train", TRAIN_SHARE * ((p.epoch - 1) + p.batch / p.batches) / p.epochs, p),
    });
    onStage?.("evaluate", 0.87);
    const evaluation = evaluate(model, dataset.test, { classes, batchSize: 256 });
    onStage?.("attack", 0.9);
    const robust = robustness(model, dataset.test, {
      epsilons: profile.epsilons,
      headline: HEADLINE_EPSILON,
      count: profile.attackCount,
      batchSize: profile.batchSize,
      seed,
      pgd: profile.pgdSteps > 0
        ? { steps: profile.pgdSteps, restarts: profile.pgdRestarts, randomStart: true }
        : null,
      normalizationStd: spec.std,
    });
    onStage?.("features", 0.97);
    const indices = sampleIndices(dataset.test.count, profile.featureCount, stream(FEATURE_SEED));
    const values = extractFeatures(model, dataset.test, indices);
    const shown = indices.slice(0, profile.sampleCount);
    const run: SeedRun = {
      seed,
      history: trained.history,
      samples: trained.samples,
      test: evaluation.metrics,
      robustness: robust,
      features: {
        indices,
        labels: indices.map((i) => dataset.test.labels[i]!),
        predictions: indices.map((i) => evaluation.predictions[i]!),
        values,
        layer: featureLayerName(model),
      },
      predictions: imageSample(dataset.test, shown, shown.map((i) => evaluation.predictions[i]!)),
      trainSeconds: trained.trainSeconds,
      memory: {
        stepPeakTensorMB: Math.max(0, ...trained.history.map((e) => e.stepTensorMB ?? 0)),
        floorMB: optimizerFloorBytes(model) / MIB,
        freshProcess: freshProcessMemory
          ? await freshProcessMemory()
          : { notMeasured: "no fresh-process probe in this run" },
      },
    };
    return { run, summary };
  } finally {
    model.dispose();
  }
}
