/**
 * The deep shape of `results.json` (internal): every field's type, finiteness
 * and range, and the sizes that must agree (a confusion matrix is classes x
 * classes, feature rows all have one width, each sampled image holds
 * height x width x channels bytes).
 */
import { DATASET_NAMES, MODEL_KINDS, PROFILE_NAMES } from "./names.ts";
import { any, arr, type Mismatch, nullable, num, obj, record, type Rule, str } from "./_shape.ts";

const finite = num();
const nonNegative = num({ min: 0 });
const fraction = num({ min: 0, max: 1 });
const count = num({ int: true, min: 0 });
const positiveInt = num({ int: true, min: 1 });

/** Rules that need the number of classes. */
function rules(classes: number): Rule {
  const classId = num({ int: true, min: 0, max: classes - 1 });
  const image = obj({
    height: positiveInt,
    width: positiveInt,
    channels: positiveInt,
    images: arr(str()),
    labels: arr(classId),
  }, ["predictions"]);
  const imageSample: Rule = (v, path) => {
    const m = image(v, path) ?? obj({ predictions: arr(classId) }, ["predictions"])(v, path);
    if (m) return m;
    const s = v as {
      height: number;
      width: number;
      channels: number;
      images: string[];
      labels: number[];
      predictions?: number[];
    };
    if (s.labels.length !== s.images.length) {
      return {
        path: `${path}.labels`,
        expected: `${s.images.length} labels, one per image`,
        value: s.labels,
      };
    }
    if (s.predictions && s.predictions.length !== s.images.length) {
      return {
        path: `${path}.predictions`,
        expected: `${s.images.length} predictions, one per image`,
        value: s.predictions,
      };
    }
    const bytes = s.height * s.width * s.channels;
    const chars = 4 * Math.ceil(bytes / 3);
    const bad = s.images.findIndex((b) => b.length !== chars || !/^[A-Za-z0-9+/]*={0,2}$/.test(b));
    return bad < 0 ? null : {
      path: `${path}.images.${bad}`,
      expected: `base64 of ${bytes} bytes (${chars} characters)`,
      value: s.images[bad],
    };
  };
  const square: Rule = arr(arr(count, classes), classes);
  const metrics = obj({
    accuracy: fraction,
    precision: fraction,
    recall: fraction,
    f1: fraction,
    perClass: obj({
      precision: arr(fraction, classes),
      recall: arr(fraction, classes),
      f1: arr(fraction, classes),
      support: arr(count, classes),
    }),
    confusion: square,
  });
  const epoch = obj({
    epoch: positiveInt,
    trainLoss: nonNegative,
    trainAccuracy: fraction,
    valLoss: nonNegative,
    valAccuracy: fraction,
    valPrecision: fraction,
    valRecall: fraction,
    valF1: fraction,
    seconds: nonNegative,
    cpuProcessPercent: nonNegative,
    cpuSystemPercent: nonNegative,
    rssMB: nonNegative,
    tensorMB: nonNegative,
  });
  const sample = obj({
    epoch: count,
    t: nonNegative,
    cpuProcessPercent: nonNegative,
    cpuSystemPercent: nonNegative,
    rssMB: nonNegative,
    tensorMB: nonNegative,
  });
  const features: Rule = (v, path) => {
    const m = obj({
      indices: arr(count),
      labels: arr(classId),
      predictions: arr(classId),
      values: arr(arr(finite)),
      layer: str(),
    })(v, path);
    if (m) return m;
    const f = v as {
      indices: number[];
      labels: number[];
      predictions: number[];
      values: number[][];
    };
    for (const key of ["labels", "predictions", "values"] as const) {
      if (f[key].length !== f.indices.length) {
        return {
          path: `${path}.${key}`,
          expected: `${f.indices.length} rows, one per index`,
          value: f[key],
        };
      }
    }
    const width = f.values[0]?.length ?? 0;
    const ragged = f.values.findIndex((row) => row.length !== width);
    return ragged < 0 ? null : {
      path: `${path}.values.${ragged}`,
      expected: `a row of ${width} features like the first`,
      value: f.values[ragged],
    };
  };
  const measuredProcess = obj({
    peakRssMB: nonNegative,
    rssBeforeMB: nonNegative,
    rssAfterMB: nonNegative,
    wasmHeapMB: nonNegative,
    steps: count,
  }, ["rssBeforeMB", "rssAfterMB"]);
  // Either the fresh-process measurement or the reason it was not made.
  const freshProcess: Rule = (v, path) =>
    typeof v === "object" && v !== null && "notMeasured" in v
      ? obj({ notMeasured: str() })(v, path)
      : measuredProcess(v, path);
  const run = obj({
    seed: num({ int: true }),
    history: arr(epoch),
    samples: arr(sample),
    test: metrics,
    robustness: obj({
      epsilon: nonNegative,
      fgsmAccuracy: fraction,
      fgsmNormalizedAccuracy: fraction,
      pgdAccuracy: fraction,
      pgd: obj({ steps: count, restarts: count, stepSize: nonNegative }),
      curve: arr(obj({ epsilon: nonNegative, fgsm: fraction, pgd: fraction }, ["pgd"])),
      count,
    }, ["fgsmNormalizedAccuracy", "pgdAccuracy", "pgd"]),
    memory: obj({ stepPeakTensorMB: nonNegative, floorMB: nonNegative, freshProcess }),
    features,
    predictions: imageSample,
    trainSeconds: nonNegative,
  }, ["memory"]);
  const statistic = obj({ values: arr(finite), mean: finite, ci95: nonNegative });
  const model = obj({
    kind: str(MODEL_KINDS),
    parameterCount: count,
    trainableParameterCount: count,
    layers: arr(obj({
      name: str(),
      className: str(),
      outputShape: arr(nullable(count)),
      parameters: count,
    })),
    runs: arr(run),
    summary: record(statistic),
  });
  return obj({
    createdAt: str(),
    profile: str(PROFILE_NAMES),
    config: obj({
      epochs: positiveInt,
      batchSize: positiveInt,
      learningRate: num({ min: Number.MIN_VALUE }),
      seeds: arr(num({ int: true })),
      models: arr(str(MODEL_KINDS)),
      attackCount: count,
      epsilons: arr(nonNegative),
    }),
    dataset: obj({
      name: str(DATASET_NAMES),
      provenance: str(["official", "user-supplied", "synthetic stand-in"]),
      fetchCommand: str(),
      classNames: arr(str(), classes),
      height: positiveInt,
      width: positiveInt,
      channels: positiveInt,
      sizes: obj({ train: count, val: count, test: count }),
      trainClassCounts: arr(count, classes),
      samples: obj({ train: imageSample, val: imageSample, test: imageSample }),
    }),
    environment: obj({
      deno: str(),
      v8: str(),
      typescript: str(),
      tfjs: str(),
      backend: str(),
      threads: count,
      cpuModel: str(),
      cores: count,
      memoryGB: nonNegative,
      os: str(),
    }),
    circuit: any,
    models: record(model, MODEL_KINDS),
    totalSeconds: nonNegative,
    shard: obj({
      index: positiveInt,
      count: positiveInt,
      cells: arr(obj({ model: str(MODEL_KINDS), seed: num({ int: true }) })),
    }),
  }, ["shard"]);
}

/**
 * The first place where `value` departs from the results format, or null.
 *
 * @param value a parsed `results.json` (its version already checked).
 */
export function resultsMismatch(value: unknown): Mismatch | null {
  const classes = (value as { dataset?: { classNames?: unknown } })?.dataset?.classNames;
  if (!Array.isArray(classes) || classes.length < 1) {
    return {
      path: "dataset.classNames",
      expected: "a non-empty array of class names",
      value: classes,
    };
  }
  return rules(classes.length)(value, "");
}
