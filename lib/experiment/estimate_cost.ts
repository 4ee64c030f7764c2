/**
 * What a run will cost on this machine, printed before it starts: a few timed training
 * steps and forward passes per model kind on random images of the data set's shape,
 * scaled by the profile's epochs, split sizes, attacks and seeds.
 *
 * @module
 */

import * as tf from "@tensorflow/tfjs";
import process from "node:process";
import { NORMALIZATION } from "../data/mod.ts";
import { buildModel, crossEntropy, type DatasetSpec } from "../models/mod.ts";
import { Adam } from "../train/mod.ts";
import type { DatasetName, ModelKind } from "../results/mod.ts";
import type { Profile } from "./profiles.ts";

/** Image shape and classes of each data set: `[height, width, channels, classes]`. */
const SHAPES: Record<DatasetName, [number, number, number, number]> = {
  mnist: [28, 28, 1, 10],
  cifar100: [32, 32, 3, 100],
  stl10: [96, 96, 3, 10],
};

/** Split sizes of a profile's "whole split": 90 % of the official training set trains. */
export const FULL_SIZES: Readonly<
  Record<DatasetName, { train: number; val: number; test: number }>
> = {
  mnist: { train: 54000, val: 6000, test: 10000 },
  cifar100: { train: 45000, val: 5000, test: 10000 },
  stl10: { train: 4500, val: 500, test: 8000 },
};

/** Images per forward pass when evaluating. */
export const EVAL_BATCH = 256;

/** Median milliseconds per batch, per model kind. */
export interface StepTimes {
  /** One training step (forward, backward, Adam) of a `batchSize` batch. */
  trainMs: Record<string, number>;
  /** Process CPU milliseconds of that step. */
  trainCpuMs: Record<string, number>;
  /** One forward pass of an {@link EVAL_BATCH} batch. */
  evalMs: Record<string, number>;
  /** Process CPU milliseconds of that forward pass. */
  evalCpuMs: Record<string, number>;
}

/** Milliseconds per training step and per evaluation batch, per model kind. */
export interface StepCosts {
  trainMs: Record<string, number>;
  evalMs: Record<string, number>;
}

/**
 * What the steps would take on an idle machine: process CPU time spread over the
 * threads (a loaded machine stretches wall time, not CPU time).
 *
 * @param times Measured times.
 * @param threads Threads the kernels compute with.
 * @returns Per-kind milliseconds.
 */
export function idleCosts(times: StepTimes, threads: number): StepCosts {
  const per = (record: Record<string, number>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v / threads]));
  return { trainMs: per(times.trainCpuMs), evalMs: per(times.evalCpuMs) };
}

/** Process CPU milliseconds (user + system) used so far. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The model spec of a data set, without loading it. */
export function probeSpec(name: DatasetName): DatasetSpec {
  const [height, width, channels, classes] = SHAPES[name];
  return { name, height, width, channels, classes, ...NORMALIZATION[name] };
}

/**
 * Times training steps with the models interleaved, one batch at a time in rotating order,
 * so that a burst of load from other processes hits all of them; the median per model
 * ignores the bursts. Random pixels serve: the cost does not depend on them.
 *
 * @param spec The data set's model spec.
 * @param kinds Models to time.
 * @param options Timed steps (after one warm-up step) and batch size.
 * @returns Median step and forward-pass times per kind.
 */
export function measureStepTimes(
  spec: DatasetSpec,
  kinds: readonly ModelKind[],
  { steps = 8, batchSize = 64 }: { steps?: number; batchSize?: number } = {},
): StepTimes {
  const times: StepTimes = { trainMs: {}, trainCpuMs: {}, evalMs: {}, evalCpuMs: {} };
  const runs = kinds.map((kind) => {
    const model = buildModel(kind, spec, { seed: 1 });
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const adam = new Adam(variables);
    return { kind, model, variables, adam, train: [] as number[], cpu: [] as number[] };
  });
  const shape = [batchSize, spec.height, spec.width, spec.channels];
  for (let step = 0; step <= steps; step++) {
    const x = tf.randomUniform(shape, 0, 1, "float32", step + 1);
    const y = tf.tensor1d(Array.from({ length: batchSize }, (_, i) => i % spec.classes), "int32");
    for (let k = 0; k < runs.length; k++) {
      const run = runs[(step + k) % runs.length]!;
      const t0 = performance.now(), c0 = cpuMs();
      const { value, grads } = tf.variableGrads(
        () => crossEntropy(run.model.apply(x, { training: true }) as tf.Tensor2D, y),
        run.variables,
      );
      value.dataSync();
      const gradients = run.variables.map((v) => grads[v.name]!);
      run.adam.apply(gradients);
      run.variables[0]!.dataSync();
      if (step > 0) {
        run.train.push(performance.now() - t0);
        run.cpu.push(cpuMs() - c0);
      }
      tf.dispose([value, ...gradients]);
    }
    tf.dispose([x, y]);
  }
  const x = tf.randomUniform([EVAL_BATCH, spec.height, spec.width, spec.channels], 0, 1);
  for (const run of runs) {
    const evals: number[] = [], evalsCpu: number[] = [];
    for (let repeat = 0; repeat < 3; repeat++) {
      const t0 = performance.now(), c0 = cpuMs();
      const p = run.model.predict(x) as tf.Tensor;
      p.dataSync();
      p.dispose();
      if (repeat > 0) {
        evals.push(performance.now() - t0);
        evalsCpu.push(cpuMs() - c0);
      }
    }
    times.trainMs[run.kind] = median(run.train);
    times.trainCpuMs[run.kind] = median(run.cpu);
    times.evalMs[run.kind] = median(evals);
    times.evalCpuMs[run.kind] = median(evalsCpu);
    run.adam.dispose();
    run.model.dispose();
  }
  x.dispose();
  return times;
}

/** A run's estimated wall time. */
export interface CostEstimate {
  /** Seconds of one training epoch plus its validation pass, per model kind. */
  epochSeconds: Record<string, number>;
  /** Seconds of one seed of each model kind: every epoch, the test pass and the attacks. */
  seedSeconds: Record<string, number>;
  /** Seconds of the whole grid: every model kind and seed. */
  totalSeconds: number;
  /** Split sizes the estimate assumed. */
  sizes: { train: number; val: number; test: number };
}

/**
 * Scales measured step times to a profile's run of one data set.
 *
 * Per model and seed: `epochs x (train / batch x step + val x forward)`, plus the test
 * pass, plus the attacks (`attackCount` images, one gradient for FGSM and one per PGD
 * step, each costed as a training step, and one forward pass per epsilon).
 *
 * @param profile The profile (epochs, batch, sizes, attacks, seeds).
 * @param dataset The data set.
 * @param times Per-kind step costs: {@link measureStepTimes}' wall times, or {@link idleCosts}.
 * @param seeds Seeds to run. @default profile.seeds
 * @returns Per-epoch, per-seed and total seconds.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PROFILES } from "./profiles.ts";
 * const times = { trainMs: { hybrid: 64 }, evalMs: { hybrid: 256 } };
 * const cost = estimateRunCost({ ...PROFILES.paper, epochs: 1, attackCount: 0, epsilons: [] },
 *   "mnist", times, 1);
 * // 54,000 images at 1 ms, 6,000 + 10,000 images at 1 ms each.
 * assert.equal(cost.totalSeconds, 70);
 * ```
 */
export function estimateRunCost(
  profile: Profile,
  dataset: DatasetName,
  times: StepCosts,
  seeds: number = profile.seeds,
): CostEstimate {
  const wanted = profile.sizes[dataset];
  const full = FULL_SIZES[dataset];
  const sizes = {
    train: wanted.train ?? full.train,
    val: wanted.val ?? full.val,
    test: wanted.test ?? full.test,
  };
  const epochSeconds: Record<string, number> = {};
  const seedSeconds: Record<string, number> = {};
  let totalSeconds = 0;
  for (const kind of Object.keys(times.trainMs)) {
    const trainPerImage = times.trainMs[kind]! / 1000 / profile.batchSize;
    const evalPerImage = times.evalMs[kind]! / 1000 / EVAL_BATCH;
    const epoch = sizes.train * trainPerImage + sizes.val * evalPerImage;
    const attacked = Math.min(profile.attackCount, sizes.test);
    const attacks = attacked * (1 + profile.pgdSteps) * trainPerImage +
      attacked * profile.epsilons.length * evalPerImage;
    epochSeconds[kind] = epoch;
    seedSeconds[kind] = profile.epochs * epoch + sizes.test * evalPerImage + attacks;
    totalSeconds += seedSeconds[kind]! * seeds;
  }
  return { epochSeconds, seedSeconds, totalSeconds, sizes };
}

/** Steps timed per model kind for a printed estimate. */
export const ESTIMATE_STEPS = 6;

function hours(seconds: number): string {
  return seconds >= 3600 ? `${(seconds / 3600).toFixed(1)} h` : `${Math.round(seconds / 60)} min`;
}

/**
 * Times a few training steps of every model kind on each data set and describes what the
 * run will cost here: wall time at the machine's current load, and on an idle machine.
 *
 * @param profile The profile to run.
 * @param datasets Data sets of the run.
 * @param kinds Model kinds of the run.
 * @param seeds Seeds per model.
 * @param threads Threads the kernels compute with.
 * @returns Lines to print, and the idle estimate in seconds.
 */
export function describeRunCost(
  profile: Profile,
  datasets: readonly DatasetName[],
  kinds: readonly ModelKind[],
  seeds: number,
  threads: number,
): { lines: string[]; idleSeconds: number; loadedSeconds: number } {
  const lines: string[] = [];
  let idleSeconds = 0, loadedSeconds = 0;
  for (const dataset of datasets) {
    const times = measureStepTimes(probeSpec(dataset), kinds, {
      steps: ESTIMATE_STEPS,
      batchSize: profile.batchSize,
    });
    const loaded = estimateRunCost(profile, dataset, times, seeds);
    const idle = estimateRunCost(profile, dataset, idleCosts(times, threads), seeds);
    loadedSeconds += loaded.totalSeconds;
    idleSeconds += idle.totalSeconds;
    const perEpoch = kinds.map((k) => `${k} ${Math.round(idle.epochSeconds[k]!)} s`).join(", ");
    lines.push(
      `  ${dataset}: ${idle.sizes.train} / ${idle.sizes.val} / ${idle.sizes.test} images, ` +
        `${profile.epochs} epochs x ${kinds.length} models x ${seeds} seeds; one epoch (idle): ` +
        `${perEpoch}; all: ${hours(idle.totalSeconds)} idle, ${
          hours(loaded.totalSeconds)
        } at the current load`,
    );
  }
  lines.unshift(
    `Estimated cost (${ESTIMATE_STEPS} timed steps per model, ${threads} thread(s)): ` +
      `${hours(idleSeconds)} on an idle machine, ${hours(loadedSeconds)} at the current load`,
  );
  return { lines, idleSeconds, loadedSeconds };
}
