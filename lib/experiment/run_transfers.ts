/**
 * Transfer attacks between the trained models of one data set: for each seed, every model's
 * final checkpoint is loaded and adversarial examples crafted on each model (FGSM and PGD at
 * the headline epsilon, on the same seeded test images the white-box attacks use) are scored
 * on every other model.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import { transferAttack } from "../attacks/mod.ts";
import type { Dataset } from "../data/mod.ts";
import { buildModel, type DatasetSpec } from "../models/mod.ts";
import type { Circuit } from "../quantum/mod.ts";
import { loadCheckpoint } from "../train/mod.ts";
import type { Profile } from "./profiles.ts";
import { HEADLINE_EPSILON, type ModelKind, type TransferRecord } from "../results/mod.ts";

/** Options of {@link runTransfers}. */
export interface RunTransfersOptions {
  kinds: readonly ModelKind[];
  seeds: readonly number[];
  profile: Profile;
  circuit: Circuit;
  /** Folder of checkpoint folders named `<kind>-<seed>`. */
  checkpointRoot: string;
}

async function restore(
  kind: ModelKind,
  seed: number,
  spec: DatasetSpec,
  { profile, circuit, checkpointRoot }: RunTransfersOptions,
): Promise<tf.LayersModel | null> {
  const state = await loadCheckpoint(`${checkpointRoot}/${kind}-${seed}`);
  if (state === null) return null;
  const tensors = [...state.weights, ...state.firstMoments, ...state.secondMoments];
  try {
    if (state.epoch !== profile.epochs) return null;
    const model = buildModel(kind, spec, { circuit, seed });
    model.setWeights(state.weights);
    return model;
  } finally {
    tf.dispose(tensors);
  }
}

/**
 * Runs the transfer attacks of every seed whose models all have a final checkpoint.
 *
 * @param dataset the loaded data set (its test split is attacked).
 * @param spec its model spec.
 * @param options kinds, seeds, profile, circuit and where the checkpoints are.
 * @returns one record per (seed, source, target, attack); seeds with a missing checkpoint
 *   are left out.
 */
export async function runTransfers(
  dataset: Dataset,
  spec: DatasetSpec,
  options: RunTransfersOptions,
): Promise<TransferRecord[]> {
  const records: TransferRecord[] = [];
  if (options.kinds.length < 2) return records;
  for (const seed of options.seeds) {
    const models = new Map<ModelKind, tf.LayersModel>();
    try {
      for (const kind of options.kinds) {
        const model = await restore(kind, seed, spec, options);
        if (model !== null) models.set(kind, model);
      }
      if (models.size < 2) continue;
      for (const [source, model] of models) {
        const targets = [...models].filter(([kind]) => kind !== source);
        const attacks = [
          "fgsm" as const,
          ...(options.profile.pgdSteps > 0 ? [{ pgdSteps: options.profile.pgdSteps }] : []),
        ];
        for (const attack of attacks) {
          const results = transferAttack(model, targets.map(([, m]) => m), dataset.test, {
            epsilon: HEADLINE_EPSILON,
            count: options.profile.attackCount,
            seed,
            attack,
            batchSize: options.profile.batchSize,
          });
          results.forEach((r, i) =>
            records.push({
              seed,
              source,
              target: targets[i]![0],
              attack: attack === "fgsm" ? "fgsm" : "pgd",
              epsilon: HEADLINE_EPSILON,
              accuracy: r.accuracy,
              cleanAccuracy: r.cleanAccuracy,
              count: r.count,
            })
          );
        }
      }
    } finally {
      for (const model of models.values()) model.dispose();
    }
  }
  return records;
}
