/**
 * The one builder of test `Results` records, in two sizes that share one envelope
 * ({@link fixtureEnvelope}: version, config, dataset, environment):
 *
 * - {@link fixtureResults}`(name)`: a seeded, realistic, complete record per data set (real class
 *   names and image sizes, three models, two seeds) for the figure and analysis tests. Everything
 *   is derived from a mulberry32 stream, so the same call always returns the same object.
 * - {@link makeResults}`(options)`: a tiny hand-made record (three classes, 2x2 images) whose
 *   numbers are set by its options, for stats, merge and the report.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { analyze } from "../../lib/analysis/analyze.ts";
import type { Analysis } from "../../lib/results/mod.ts";
import { CIFAR100_FINE_CLASSES, MNIST_CLASSES, STL10_CLASSES } from "../../lib/data/class_names.ts";
import type {
  ClassificationMetrics,
  DatasetName,
  EpochRecord,
  ImageSample,
  LayerSummary,
  ModelKind,
  ModelResult,
  ProfileName,
  Provenance,
  Results,
  SeedRun,
} from "../../lib/results/mod.ts";
import { RESULTS_VERSION, summarizeRuns } from "../../lib/results/mod.ts";
import { mulberry32 } from "../../lib/random/mod.ts";

const SHAPES: Record<DatasetName, { h: number; w: number; c: number; names: readonly string[] }> = {
  mnist: { h: 28, w: 28, c: 1, names: MNIST_CLASSES },
  cifar100: { h: 32, w: 32, c: 3, names: CIFAR100_FINE_CLASSES },
  stl10: { h: 96, w: 96, c: 3, names: STL10_CLASSES },
};

/** Feature rows per model in the fixture. */
export const FIXTURE_FEATURE_ROWS = 48;
/** Images per split sample and per prediction sample. */
export const FIXTURE_IMAGES = 8;
/** Epochs of the fixture's histories. */
export const FIXTURE_EPOCHS = 4;

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Smooth, class-dependent pixels (compress well, look like something). */
function image(h: number, w: number, c: number, label: number, variant: number): string {
  const bytes = new Uint8Array(h * w * c);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let k = 0; k < c; k++) {
        const v = Math.sin((x * (label % 5 + 1)) / w * 3 + k + variant) *
          Math.cos((y * (Math.floor(label / 5) % 4 + 1)) / h * 3 - k);
        bytes[(y * w + x) * c + k] = Math.max(0, Math.min(255, Math.round(128 + 120 * v)));
      }
    }
  }
  return Buffer.from(bytes).toString("base64");
}

function imageSample(
  name: DatasetName,
  random: () => number,
  classes: number,
  predict: boolean,
): ImageSample {
  const { h, w, c } = SHAPES[name];
  const labels = Array.from({ length: FIXTURE_IMAGES }, (_, i) => (i * 7 + 3) % classes);
  const sample: ImageSample = {
    height: h,
    width: w,
    channels: c,
    images: labels.map((l, i) => image(h, w, c, l, i)),
    labels,
  };
  if (predict) {
    sample.predictions = labels.map((l) => (random() < 0.25 ? (l + 1) % classes : l));
  }
  return sample;
}

function metrics(classes: number, accuracy: number, random: () => number): ClassificationMetrics {
  const shown = Math.min(classes, 10);
  const confusion = Array.from(
    { length: classes },
    (_, t) =>
      Array.from({ length: classes }, (_, p) => {
        if (t >= shown || p >= shown) return t === p ? 1 : 0;
        return t === p
          ? Math.round(20 * accuracy)
          : (random() < 0.3 ? Math.floor(random() * 4) : 0);
      }),
  );
  const support = confusion.map((row) => row.reduce((a, b) => a + b, 0));
  const perClass = {
    precision: confusion.map(() => round(accuracy - 0.05 + 0.1 * random())),
    recall: confusion.map((_, i) => round(confusion[i]![i]! / Math.max(1, support[i]!))),
    f1: confusion.map(() => round(accuracy - 0.04 + 0.08 * random())),
    support,
  };
  return {
    accuracy: round(accuracy),
    precision: round(accuracy - 0.01),
    recall: round(accuracy - 0.02),
    f1: round(accuracy - 0.015),
    perClass,
    confusion,
  };
}

function dense(name: string, inputs: number, units: number): LayerSummary {
  return { name, className: "Dense", outputShape: [null, units], parameters: (inputs + 1) * units };
}

/** Layers named and classed as lib/models builds them (smaller). */
const LAYERS: Record<ModelKind, (classes: number, d: DatasetName) => LayerSummary[]> = {
  hybrid: (classes, d) => [
    ...trunk(d),
    dense("to_circuit", 64, 16),
    { name: "quantum", className: "QuantumLayer", outputShape: [null, 4], parameters: 8 },
    dense("classifier", 4, classes),
  ],
  classical: (classes, d) => [...trunk(d), dense("classifier", 64, classes)],
  control: (classes, d) => [
    ...trunk(d),
    dense("to_circuit", 64, 16),
    { name: "l2_normalize", className: "L2Normalization", outputShape: [null, 16], parameters: 0 },
    dense("control", 16, 4),
    dense("classifier", 4, classes),
  ],
  frozen: (classes, d) => LAYERS.hybrid(classes, d),
};

function trunk(d: DatasetName): LayerSummary[] {
  const { h, w, c } = SHAPES[d];
  return [
    {
      name: "normalize",
      className: "PixelNormalization",
      outputShape: [null, h, w, c],
      parameters: 0,
    },
    { name: "conv1", className: "Conv2D", outputShape: [null, h, w, 8], parameters: 9 * c * 8 + 8 },
    {
      name: "pool1",
      className: "MaxPooling2D",
      outputShape: [null, h / 2, w / 2, 8],
      parameters: 0,
    },
    { name: "conv2", className: "Conv2D", outputShape: [null, h / 2, w / 2, 16], parameters: 1168 },
    {
      name: "pool2",
      className: "MaxPooling2D",
      outputShape: [null, h / 4, w / 4, 16],
      parameters: 0,
    },
    {
      name: "flatten",
      className: "Flatten",
      outputShape: [null, (h / 4) * (w / 4) * 16],
      parameters: 0,
    },
    dense("hidden", (h / 4) * (w / 4) * 16, 64),
  ];
}

function history(random: () => number, top: number, speed: number): EpochRecord[] {
  return Array.from({ length: FIXTURE_EPOCHS }, (_, e) => {
    const progress = 1 - Math.exp(-(e + 1) * 0.8);
    const acc = round(0.1 + (top - 0.1) * progress + 0.01 * random());
    return {
      epoch: e + 1,
      trainLoss: round(2.3 * (1 - progress) + 0.1 + 0.05 * random()),
      trainAccuracy: round(Math.min(1, acc + 0.02)),
      valLoss: round(2.3 * (1 - progress) + 0.2 + 0.05 * random()),
      valAccuracy: acc,
      valPrecision: round(acc - 0.01),
      valRecall: round(acc - 0.02),
      valF1: round(acc - 0.015),
      seconds: round(speed * (1 + 0.1 * random())),
      cpuProcessPercent: round(40 + 20 * random()),
      cpuSystemPercent: round(60 + 20 * random()),
      rssMB: round(300 + 50 * e + 10 * random()),
      tensorMB: round(20 + 5 * random()),
      // derived without drawing from `random`, so the other fields keep their values
      stepTensorMB: round(60 + 2 * speed + 3 * e),
    };
  });
}

function features(random: () => number, classes: number, dim: number, accuracy: number) {
  const used = Math.min(classes, 6);
  const labels = Array.from({ length: FIXTURE_FEATURE_ROWS }, (_, i) => i % used);
  const predictions = labels.map((l) => (random() < accuracy ? l : (l + 1) % used));
  const values = labels.map((l) =>
    Array.from({ length: dim }, (_, j) => round((j % used === l ? 3 : 0) + random()))
  );
  return { indices: labels.map((_, i) => i), labels, predictions, values, layer: "features" };
}

function run(name: DatasetName, kind: ModelKind, seed: number, classes: number): SeedRun {
  const random = mulberry32(seed * 31 + kind.length * 1009 + name.length);
  const top = { hybrid: 0.9, classical: 0.85, control: 0.8, frozen: 0.82 }[kind] -
    (classes > 10 ? 0.4 : 0);
  const speed = { hybrid: 3, classical: 2, control: 2.2, frozen: 2.9 }[kind];
  const fgsm = round(top * 0.3 * random());
  return {
    seed,
    history: history(random, top, speed),
    samples: Array.from({ length: FIXTURE_EPOCHS * 2 }, (_, i) => ({
      epoch: Math.floor(i / 2) + 1,
      t: round(i * speed / 2),
      cpuProcessPercent: round(40 + 20 * random()),
      cpuSystemPercent: round(60 + 20 * random()),
      rssMB: round(300 + 25 * i),
      tensorMB: round(20 + 5 * random()),
    })),
    test: metrics(classes, top - 0.02 * random(), random),
    robustness: {
      epsilon: 0.1,
      fgsmAccuracy: fgsm,
      fgsmNormalizedAccuracy: round(Math.min(1, fgsm + 0.2)),
      pgdAccuracy: round(fgsm * 0.5),
      pgd: { steps: 10, restarts: 2, stepSize: 0.025 },
      curve: [0, 0.05, 0.1, 0.2].map((eps) => ({
        epsilon: eps,
        fgsm: round(eps === 0.1 ? fgsm : top * Math.exp(-eps * 12)),
        pgd: round((eps === 0.1 ? fgsm : top * Math.exp(-eps * 12)) * (eps === 0 ? 1 : 0.5)),
      })),
      count: 64,
    },
    features: features(random, classes, kind === "classical" ? 24 : 16, top),
    predictions: imageSample(name, random, classes, true),
    trainSeconds: round(speed * FIXTURE_EPOCHS),
    memory: {
      stepPeakTensorMB: round(60 + 2 * speed + 3 * (FIXTURE_EPOCHS - 1)),
      floorMB: 2.5,
      freshProcess: { peakRssMB: round(300 + 10 * speed), wasmHeapMB: 64, steps: 3 },
    },
  };
}

/**
 * Builds the fixture `Results` of `name`: all three models, two seeds,
 * {@link FIXTURE_EPOCHS} epochs, features, images and a 4-qubit circuit record.
 * CIFAR-100 is marked as a synthetic stand-in so stand-in labelling is tested.
 */
export function fixtureResults(name: DatasetName): Results {
  const { h, w, c, names } = SHAPES[name];
  const classes = names.length;
  const random = mulberry32(name.length * 97);
  const models: Partial<Record<ModelKind, ModelResult>> = {};
  for (const kind of ["hybrid", "classical", "control", "frozen"] as const) {
    const layers = LAYERS[kind](classes, name);
    const count = layers.reduce((a, l) => a + l.parameters, 0);
    models[kind] = {
      kind,
      parameterCount: count,
      trainableParameterCount: count - (kind === "frozen" ? 8 : 0),
      layers,
      runs: [run(name, kind, 1, classes), run(name, kind, 2, classes)],
      summary: {},
    };
  }
  return fixtureEnvelope({
    profile: "smoke",
    config: {
      epochs: FIXTURE_EPOCHS,
      seeds: [1, 2],
      models: ["hybrid", "classical", "control", "frozen"],
      epsilons: [0, 0.05, 0.1, 0.2],
    },
    dataset: {
      name,
      provenance: name === "cifar100" ? "synthetic stand-in" : "official",
      classNames: [...names],
      height: h,
      width: w,
      channels: c,
      sizes: { train: 120, val: 40, test: 48 },
      trainClassCounts: names.map((_, i) => 8 + Math.floor(random() * 6) + (i % 3)),
      samples: {
        train: imageSample(name, random, classes, false),
        val: imageSample(name, random, classes, false),
        test: imageSample(name, random, classes, false),
      },
    },
    environment: { v8: "13", typescript: "5", cpuModel: "fixture CPU", memoryGB: 8 },
    circuit: FIXTURE_CIRCUIT,
    models,
    totalSeconds: 60,
  });
}

/** The paper's circuit as `Circuit.toJSON()` writes it (format hqc-circuit 1). */
export const FIXTURE_CIRCUIT: unknown = {
  format: "hqc-circuit",
  version: 1,
  wires: 4,
  steps: [
    { type: "amplitudeEmbedding", normalize: true, padWith: null, features: 16 },
    { type: "basicEntanglerLayers", layers: 2, rotation: "RX", wires: [0, 1, 2, 3] },
  ],
  measurements: [{ type: "expval", pauli: "Z", wires: [0, 1, 2, 3] }],
  shots: null,
};

const analyses = new Map<DatasetName, Analysis>();

/** Fast analysis settings for the fixture (short t-SNE, coarse grid). */
export const FIXTURE_ANALYSIS = { seed: 1, tsneIterations: 150, gridResolution: 24 } as const;

/** The analysis of {@link fixtureResults}`(name)`, computed once per test process. */
export function fixtureAnalysis(name: DatasetName): Analysis {
  let a = analyses.get(name);
  if (!a) {
    a = analyze(fixtureResults(name), FIXTURE_ANALYSIS);
    analyses.set(name, a);
  }
  return structuredClone(a);
}

/** What {@link fixtureEnvelope} is given; the rest of the record is the same for every fixture. */
export interface EnvelopeParts {
  profile: ProfileName;
  config: Pick<Results["config"], "epochs" | "seeds" | "models" | "epsilons">;
  dataset: Omit<Results["dataset"], "fetchCommand">;
  environment: Pick<Results["environment"], "v8" | "typescript" | "cpuModel" | "memoryGB">;
  circuit: unknown;
  models: Results["models"];
  totalSeconds: number;
}

/** The record around the models that both fixtures share (key order as `results.json`). */
export function fixtureEnvelope(parts: EnvelopeParts): Results {
  const { config, dataset, environment } = parts;
  return {
    version: RESULTS_VERSION,
    createdAt: "2025-01-01T00:00:00.000Z",
    profile: parts.profile,
    config: {
      epochs: config.epochs,
      batchSize: 64,
      learningRate: 1e-3,
      seeds: config.seeds,
      models: config.models,
      attackCount: 64,
      epsilons: config.epsilons,
    },
    dataset: {
      name: dataset.name,
      provenance: dataset.provenance,
      fetchCommand: `deno task data ${dataset.name}`,
      classNames: dataset.classNames,
      height: dataset.height,
      width: dataset.width,
      channels: dataset.channels,
      sizes: dataset.sizes,
      trainClassCounts: dataset.trainClassCounts,
      samples: dataset.samples,
    },
    environment: {
      deno: "2.9.6",
      v8: environment.v8,
      typescript: environment.typescript,
      tfjs: "4.22.0",
      backend: "wasm",
      threads: 2,
      cpuModel: environment.cpuModel,
      cores: 2,
      memoryGB: environment.memoryGB,
      os: "linux",
    },
    circuit: parts.circuit,
    models: parts.models,
    totalSeconds: parts.totalSeconds,
  };
}

/** What {@link makeResults} varies. */
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

function tinyImage(h: number, w: number, c: number): string {
  return btoa(String.fromCharCode(...new Uint8Array(h * w * c).map((_, i) => i % 256)));
}

/** One seed's run of {@link makeResults}: every number follows from the arguments. */
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
      images: [tinyImage(2, 2, 1)],
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
  const sample = { height: 2, width: 2, channels: 1, images: [tinyImage(2, 2, 1)], labels: [0] };
  return fixtureEnvelope({
    profile,
    config: { epochs, seeds, models, epsilons: [0, 0.1] },
    dataset: {
      name: dataset,
      provenance,
      classNames: ["a", "b", "c"],
      height: 2,
      width: 2,
      channels: 1,
      sizes: { train: 300, val: 100, test: 200 },
      trainClassCounts: [100, 100, 100],
      samples: { train: sample, val: sample, test: sample },
    },
    environment: { v8: "15", typescript: "6", cpuModel: "Test CPU", memoryGB: 23.4 },
    circuit: { wires: 4 },
    models: modelResults,
    totalSeconds: 42,
  });
}
