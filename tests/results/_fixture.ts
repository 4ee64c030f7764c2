// Hand-made, deterministic Results records for tests of stats, merge and the report.
import type {
  DatasetName,
  ModelKind,
  ModelResult,
  ProfileName,
  Provenance,
  Results,
  SeedRun,
} from "../../lib/results/mod.ts";
import { RESULTS_VERSION } from "../../lib/results/mod.ts";
import { summarizeRuns } from "../../lib/results/mod.ts";

/** What a fixture varies. */
export interface FixtureOptions {
  dataset?: DatasetName;
  profile?: ProfileName;
  provenance?: Provenance;
  seeds?: number[];
  epochs?: number;
  /** Base test/val accuracy per model; seeds add a fixed offset pattern. */
  accuracy?: Partial<Record<ModelKind, number>>;
  fgsm?: Partial<Record<ModelKind, number>>;
  epochSeconds?: Partial<Record<ModelKind, number>>;
  parameters?: Partial<Record<ModelKind, number>>;
  models?: ModelKind[];
}

/** Seed-dependent offsets, so per-seed values differ in a known way. */
const OFFSETS = [0, 0.01, -0.01, 0.005, -0.005];

function image(h: number, w: number, c: number): string {
  return btoa(String.fromCharCode(...new Uint8Array(h * w * c).map((_, i) => i % 256)));
}

export function makeRun(
  seed: number,
  acc: number,
  fgsm: number,
  seconds: number,
  epochs: number,
  classes: number,
): SeedRun {
  const history = Array.from({ length: epochs }, (_, e) => ({
    epoch: e + 1,
    trainLoss: 1 / (e + 1),
    trainAccuracy: acc,
    valLoss: 1.1 / (e + 1),
    valAccuracy: acc - 0.01 * (epochs - 1 - e),
    valPrecision: acc,
    valRecall: acc,
    valF1: acc - 0.02,
    seconds: seconds + 0.1 * e,
    cpuProcessPercent: 50 + seconds + e,
    cpuSystemPercent: 60,
    rssMB: 400 + 10 * e + seconds,
    tensorMB: 20 + seconds + 0.5 * e,
  }));
  const confusion = Array.from(
    { length: classes },
    (_, i) => Array.from({ length: classes }, (_, j) => (i === j ? 9 : 0)),
  );
  return {
    seed,
    history,
    samples: history.map((h) => ({
      epoch: h.epoch,
      t: h.epoch * seconds,
      cpuProcessPercent: h.cpuProcessPercent,
      cpuSystemPercent: 60,
      rssMB: h.rssMB,
      tensorMB: h.tensorMB,
    })),
    test: {
      accuracy: acc,
      precision: acc - 0.001,
      recall: acc - 0.002,
      f1: acc - 0.003,
      perClass: {
        precision: confusion.map(() => acc),
        recall: confusion.map(() => acc),
        f1: confusion.map(() => acc),
        support: confusion.map(() => 9),
      },
      confusion,
    },
    robustness: {
      epsilon: 0.1,
      fgsmAccuracy: fgsm,
      fgsmNormalizedAccuracy: Math.min(1, fgsm + 0.2),
      pgdAccuracy: fgsm / 2,
      pgd: { steps: 10, restarts: 2, stepSize: 0.025 },
      curve: [{ epsilon: 0, fgsm: acc }, { epsilon: 0.1, fgsm, pgd: fgsm / 2 }],
      count: 64,
    },
    features: {
      indices: [0, 1],
      labels: [0, 1],
      predictions: [0, 1],
      values: [[0.1, 0.2], [0.3, 0.4]],
      layer: "features",
    },
    predictions: {
      height: 2,
      width: 2,
      channels: 1,
      images: [image(2, 2, 1)],
      labels: [0],
      predictions: [0],
    },
    trainSeconds: seconds * epochs,
    memory: {
      stepPeakTensorMB: 30 + seconds,
      floorMB: 2.5,
      freshProcess: { peakRssMB: 300 + 10 * seconds, wasmHeapMB: 64, steps: 3 },
    },
  };
}

/** A complete, valid Results record. */
export function makeResults(options: FixtureOptions = {}): Results {
  const {
    dataset = "mnist",
    profile = "paper",
    provenance = "official",
    seeds = [1, 2, 3],
    epochs = 3,
    models = ["hybrid", "classical", "control", "frozen"],
  } = options;
  const accuracy = {
    hybrid: 0.95,
    classical: 0.9,
    control: 0.94,
    frozen: 0.93,
    ...options.accuracy,
  };
  const fgsm = { hybrid: 0.4, classical: 0.1, control: 0.3, frozen: 0.35, ...options.fgsm };
  const seconds = {
    hybrid: 2,
    classical: 1,
    control: 1.5,
    frozen: 1.9,
    ...options.epochSeconds,
  };
  const parameters = {
    hybrid: 928,
    classical: 1000,
    control: 950,
    frozen: 928,
    ...options.parameters,
  };
  const classes = 3;
  const modelResults: Results["models"] = {};
  for (const kind of models) {
    const runs = seeds.map((seed, i) =>
      makeRun(
        seed,
        accuracy[kind] + OFFSETS[i % OFFSETS.length]!,
        fgsm[kind] + OFFSETS[i % OFFSETS.length]!,
        seconds[kind] + i * 0.05,
        epochs,
        classes,
      )
    );
    const model: ModelResult = {
      kind,
      parameterCount: parameters[kind],
      trainableParameterCount: parameters[kind] - 10,
      layers: [{ name: "dense", className: "Dense", outputShape: [null, 3], parameters: 10 }],
      runs,
      summary: summarizeRuns(runs),
    };
    modelResults[kind] = model;
  }
  const sample = { height: 2, width: 2, channels: 1, images: [image(2, 2, 1)], labels: [0] };
  return {
    version: RESULTS_VERSION,
    createdAt: "2025-01-01T00:00:00.000Z",
    profile,
    config: {
      epochs,
      batchSize: 64,
      learningRate: 1e-3,
      seeds,
      models,
      attackCount: 64,
      epsilons: [0, 0.1],
    },
    dataset: {
      name: dataset,
      provenance,
      fetchCommand: "deno task data " + dataset,
      classNames: ["a", "b", "c"],
      height: 2,
      width: 2,
      channels: 1,
      sizes: { train: 300, val: 100, test: 200 },
      trainClassCounts: [100, 100, 100],
      samples: { train: sample, val: sample, test: sample },
    },
    environment: {
      deno: "2.9.6",
      v8: "15",
      typescript: "6",
      tfjs: "4.22.0",
      backend: "wasm",
      threads: 2,
      cpuModel: "Test CPU",
      cores: 2,
      memoryGB: 23.4,
      os: "linux",
    },
    circuit: { wires: 4 },
    models: modelResults,
    totalSeconds: 42,
  };
}
