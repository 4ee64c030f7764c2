/**
 * Every numeric claim of the paper (the "Numbers the paper reports" table of
 * `FIGURES.md`), as data: what is claimed, where, and how our measurement is
 * compared with it. Verdict rules live in `verdicts.ts`.
 *
 * @module
 */

import type { DatasetName, ModelKind } from "../experiment/results_schema.ts";

/** Summary metrics a claim can refer to (see `SUMMARY_METRICS` in lib/experiment). */
export type ClaimMetric =
  | "valAccuracy"
  | "testAccuracy"
  | "fgsmAccuracy"
  | "epochSeconds"
  | "cpuProcessPercent"
  | "tensorMB"
  | "rssMB";

/** A number the paper states for one model. */
export interface ValueClaim {
  kind: "value";
  metric: ClaimMetric;
  model: ModelKind;
  /** Claimed value in the metric's unit (fractions for accuracies). */
  value: number;
  /** True when the number depends on the paper's hardware or software, so no run here can test it. */
  hardwareDependent?: boolean;
}

/** A claimed direction between two models ("hybrid > classical"), optionally with a size. */
export interface DifferenceClaim {
  kind: "difference";
  metric: ClaimMetric;
  a: ModelKind;
  b: ModelKind;
  /** `>`: a above b; `<`: a below b; `~`: comparable (no significant difference). */
  direction: ">" | "<" | "~";
  /** Claimed size of a - b, for display (the verdict tests the direction). */
  value?: number;
}

/** A claimed ratio a / b of a metric (e.g. epoch time "2.3x longer"). */
export interface RatioClaim {
  kind: "ratio";
  metric: ClaimMetric;
  a: ModelKind;
  b: ModelKind;
  /** Claimed ratio, or a [low, high] range. */
  value: number | [number, number];
}

/** A claimed parameter reduction of the hybrid relative to the classical model. */
export interface ParameterClaim {
  kind: "parameters";
  /** Claimed reduction 1 - hybrid / classical, or a [low, high] range. */
  value: number | [number, number];
}

/** One row of the claims table. */
export type Claim = (ValueClaim | DifferenceClaim | RatioClaim | ParameterClaim) & {
  /** Stable id used in the report, e.g. `mnist-val-hybrid`. */
  id: string;
  dataset: DatasetName;
  /** The claim in words. */
  text: string;
  /** What the paper says, as it says it. */
  paper: string;
  /** Where in the paper. */
  source: string;
  /** Set when the paper contradicts itself on this claim: the id of the entry in {@link CONTRADICTIONS}. */
  inconsistency?: string;
};

const CIFAR_VAL_VS_TEST = "C1";
const STL_VAL_VS_VAL = "C2";
const TIME_FASTER_VS_SLOWER = "C3";
const TIME_ABSTRACT_VS_III = "C4";

/** The contradictions inside the paper, by id; claims refer to them in `inconsistency`. */
export const CONTRADICTIONS: Readonly<Record<string, string>> = {
  [CIFAR_VAL_VS_TEST]:
    "CIFAR-100: hybrid validation accuracy 41.69 % (abstract) vs 84.6 % test accuracy (III.2); " +
    "a 43 pp gap between validation and test is not plausible for one model",
  [STL_VAL_VS_VAL]:
    'STL-10: validation accuracy 74.05 % vs 63.76 % (abstract) vs "reaching" 92.1 % vs 88.3 % (III.3)',
  [TIME_FASTER_VS_SLOWER]:
    'Training time: "hybrid models train 5-12x faster" (abstract) vs hybrid epochs 2.3x (MNIST), ' +
    "1.8x (CIFAR-100) and 2.1x (STL-10) longer (III)",
  [TIME_ABSTRACT_VS_III]:
    "MNIST epoch time: 21.23 s hybrid vs 108.44 s classical (abstract) makes the hybrid 5.1x faster, " +
    "while III.1 reports 2.3x longer hybrid epochs on the same data set",
};

const ABSTRACT = "abstract";

/** Every numeric claim, in the order of the FIGURES.md table. */
export const CLAIMS: readonly Claim[] = [
  ...([
    ["mnist", 0.9938, 0.9821, 0.0117],
    ["cifar100", 0.4169, 0.3225, 0.0944],
    ["stl10", 0.7405, 0.6376, 0.1029],
  ] as const).flatMap(([dataset, hybrid, classical, gap]): Claim[] => {
    const inconsistency = dataset === "cifar100"
      ? CIFAR_VAL_VS_TEST
      : dataset === "stl10"
      ? STL_VAL_VS_VAL
      : undefined;
    return [
      {
        id: `${dataset}-val-hybrid`,
        dataset,
        text: "validation accuracy, hybrid",
        paper: pct(hybrid),
        source: ABSTRACT,
        kind: "value",
        metric: "valAccuracy",
        model: "hybrid",
        value: hybrid,
        inconsistency,
      },
      {
        id: `${dataset}-val-classical`,
        dataset,
        text: "validation accuracy, classical",
        paper: pct(classical),
        source: ABSTRACT,
        kind: "value",
        metric: "valAccuracy",
        model: "classical",
        value: classical,
        inconsistency: dataset === "stl10" ? STL_VAL_VS_VAL : undefined,
      },
      {
        id: `${dataset}-val-gap`,
        dataset,
        text: "hybrid advantage in validation accuracy (hybrid > classical)",
        paper: `+${(gap * 100).toFixed(2)} pp`,
        source: ABSTRACT,
        kind: "difference",
        metric: "valAccuracy",
        a: "hybrid",
        b: "classical",
        direction: ">",
        value: gap,
      },
    ];
  }),
  {
    id: "cifar100-test-hybrid",
    dataset: "cifar100",
    text: "test accuracy, hybrid",
    paper: "84.6 %",
    source: "III.2",
    kind: "value",
    metric: "testAccuracy",
    model: "hybrid",
    value: 0.846,
    inconsistency: CIFAR_VAL_VS_TEST,
  },
  {
    id: "cifar100-test-gap",
    dataset: "cifar100",
    text: "hybrid advantage in test accuracy (hybrid > classical)",
    paper: "+3.2 pp",
    source: "III.2",
    kind: "difference",
    metric: "testAccuracy",
    a: "hybrid",
    b: "classical",
    direction: ">",
    value: 0.032,
  },
  {
    id: "stl10-val-reaching-hybrid",
    dataset: "stl10",
    text: 'validation accuracy "reaching", hybrid',
    paper: "92.1 %",
    source: "III.3",
    kind: "value",
    metric: "valAccuracy",
    model: "hybrid",
    value: 0.921,
    inconsistency: STL_VAL_VS_VAL,
  },
  {
    id: "stl10-val-reaching-classical",
    dataset: "stl10",
    text: 'validation accuracy "reaching", classical',
    paper: "88.3 %",
    source: "III.3",
    kind: "value",
    metric: "valAccuracy",
    model: "classical",
    value: 0.883,
    inconsistency: STL_VAL_VS_VAL,
  },
  ...robustnessClaims(),
  ...timeClaims(),
  ...parameterClaims(),
  ...resourceClaims(),
];

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(2)} %`;
}

function robustnessClaims(): Claim[] {
  const base = { kind: "value", metric: "fgsmAccuracy", source: ABSTRACT } as const;
  return [
    {
      ...base,
      id: "mnist-fgsm-hybrid",
      dataset: "mnist",
      text: "FGSM eps=0.1 robust accuracy, hybrid",
      paper: "45.27 %",
      model: "hybrid",
      value: 0.4527,
    },
    {
      ...base,
      id: "mnist-fgsm-classical",
      dataset: "mnist",
      text: "FGSM eps=0.1 robust accuracy, classical",
      paper: "10.80 %",
      model: "classical",
      value: 0.108,
    },
    {
      id: "mnist-fgsm-gap",
      dataset: "mnist",
      text: "hybrid more robust to FGSM eps=0.1 (hybrid > classical)",
      paper: "45.27 % vs 10.80 %",
      source: ABSTRACT,
      kind: "difference",
      metric: "fgsmAccuracy",
      a: "hybrid",
      b: "classical",
      direction: ">",
      value: 0.4527 - 0.108,
    },
    {
      ...base,
      id: "cifar100-fgsm-hybrid",
      dataset: "cifar100",
      text: "FGSM eps=0.1 robust accuracy, hybrid",
      paper: "about 1 %",
      model: "hybrid",
      value: 0.01,
    },
    {
      ...base,
      id: "cifar100-fgsm-classical",
      dataset: "cifar100",
      text: "FGSM eps=0.1 robust accuracy, classical",
      paper: "about 1 %",
      model: "classical",
      value: 0.01,
    },
    {
      id: "cifar100-fgsm-comparable",
      dataset: "cifar100",
      text: "FGSM eps=0.1 robustness comparable",
      paper: "about 1 % both",
      source: ABSTRACT,
      kind: "difference",
      metric: "fgsmAccuracy",
      a: "hybrid",
      b: "classical",
      direction: "~",
    },
    {
      id: "stl10-fgsm-comparable",
      dataset: "stl10",
      text: "FGSM eps=0.1 robustness comparable",
      paper: "comparable, low",
      source: ABSTRACT,
      kind: "difference",
      metric: "fgsmAccuracy",
      a: "hybrid",
      b: "classical",
      direction: "~",
    },
  ];
}

function timeClaims(): Claim[] {
  const base = {
    kind: "ratio",
    metric: "epochSeconds",
    a: "hybrid",
    b: "classical",
    inconsistency: TIME_FASTER_VS_SLOWER,
  } as const;
  return [
    {
      ...base,
      id: "mnist-time-abstract",
      dataset: "mnist",
      text: "epoch time hybrid / classical",
      paper: "21.23 s vs 108.44 s (ratio 0.196)",
      source: ABSTRACT,
      value: 21.23 / 108.44,
      inconsistency: TIME_ABSTRACT_VS_III,
    },
    {
      id: "mnist-time-hybrid-seconds",
      dataset: "mnist",
      text: "epoch time, hybrid",
      paper: "21.23 s",
      source: ABSTRACT,
      kind: "value",
      metric: "epochSeconds",
      model: "hybrid",
      value: 21.23,
      hardwareDependent: true,
      inconsistency: TIME_ABSTRACT_VS_III,
    },
    {
      id: "mnist-time-classical-seconds",
      dataset: "mnist",
      text: "epoch time, classical",
      paper: "108.44 s",
      source: ABSTRACT,
      kind: "value",
      metric: "epochSeconds",
      model: "classical",
      value: 108.44,
      hardwareDependent: true,
      inconsistency: TIME_ABSTRACT_VS_III,
    },
    ...(["mnist", "cifar100", "stl10"] as const).map((dataset): Claim => ({
      ...base,
      id: `${dataset}-time-faster`,
      dataset,
      text: "hybrid trains 5-12x faster (ratio hybrid / classical)",
      paper: "5-12x faster (ratio 0.083-0.2)",
      source: ABSTRACT,
      value: [1 / 12, 1 / 5],
    })),
    {
      ...base,
      id: "mnist-time-ratio",
      dataset: "mnist",
      text: "epoch time ratio hybrid / classical",
      paper: '"2.3x longer"',
      source: "III.1",
      value: 2.3,
      inconsistency: TIME_ABSTRACT_VS_III,
    },
    {
      ...base,
      id: "cifar100-time-ratio",
      dataset: "cifar100",
      text: "epoch time ratio hybrid / classical",
      paper: '"1.8x more"',
      source: "III.2",
      value: 1.8,
    },
    {
      ...base,
      id: "stl10-time-ratio",
      dataset: "stl10",
      text: "epoch time ratio hybrid / classical",
      paper: '"2.1x more"',
      source: "III.3",
      value: 2.1,
    },
  ];
}

function parameterClaims(): Claim[] {
  const base = { kind: "parameters", text: "parameter reduction of hybrid vs classical" } as const;
  return [
    { ...base, id: "mnist-params", dataset: "mnist", paper: "7.2 %", source: "IV", value: 0.072 },
    {
      ...base,
      id: "cifar100-params",
      dataset: "cifar100",
      paper: "31.9 %",
      source: "IV",
      value: 0.319,
    },
    ...(["mnist", "cifar100", "stl10"] as const).map((dataset): Claim => ({
      ...base,
      id: `${dataset}-params-range`,
      dataset,
      paper: "6-32 % overall",
      source: ABSTRACT,
      value: [0.06, 0.32],
    })),
  ];
}

function resourceClaims(): Claim[] {
  const claims: Claim[] = [
    {
      id: "mnist-memory-hybrid",
      dataset: "mnist",
      text: "memory, hybrid",
      paper: "4-5 GB",
      source: ABSTRACT,
      kind: "value",
      metric: "rssMB",
      model: "hybrid",
      value: 4.5 * 1024,
      hardwareDependent: true,
    },
    {
      id: "mnist-memory-classical",
      dataset: "mnist",
      text: "memory, classical",
      paper: "5-6 GB",
      source: ABSTRACT,
      kind: "value",
      metric: "rssMB",
      model: "classical",
      value: 5.5 * 1024,
      hardwareDependent: true,
    },
    {
      id: "mnist-cpu-hybrid",
      dataset: "mnist",
      text: "average CPU utilization, hybrid",
      paper: "9.5 %",
      source: ABSTRACT,
      kind: "value",
      metric: "cpuProcessPercent",
      model: "hybrid",
      value: 9.5,
      hardwareDependent: true,
    },
    {
      id: "mnist-cpu-classical",
      dataset: "mnist",
      text: "average CPU utilization, classical",
      paper: "23.2 %",
      source: ABSTRACT,
      kind: "value",
      metric: "cpuProcessPercent",
      model: "classical",
      value: 23.2,
      hardwareDependent: true,
    },
  ];
  for (const dataset of ["mnist", "cifar100", "stl10"] as const) {
    claims.push(
      {
        id: `${dataset}-memory-less`,
        dataset,
        text: "hybrid uses less memory (peak tensor memory, hybrid < classical)",
        paper: "4-5 GB vs 5-6 GB",
        source: ABSTRACT,
        kind: "difference",
        metric: "tensorMB",
        a: "hybrid",
        b: "classical",
        direction: "<",
      },
      {
        id: `${dataset}-cpu-lower`,
        dataset,
        text: "hybrid uses less CPU (hybrid < classical)",
        paper: "9.5 % vs 23.2 % (average)",
        source: ABSTRACT,
        kind: "difference",
        metric: "cpuProcessPercent",
        a: "hybrid",
        b: "classical",
        direction: "<",
      },
    );
  }
  return claims;
}
