/**
 * Every numeric claim of the paper (the "Numbers the paper reports" table of
 * `FIGURES.md`), as data: what is claimed, where, and how our measurement is
 * compared with it. Verdict rules live in `verdicts.ts`.
 *
 * @module
 */

import type { Claim } from "./claim_types.ts";
import {
  ABSTRACT,
  CIFAR_VAL_VS_TEST,
  MNIST_VAL_EQUALS_TEST,
  STL_VAL_VS_VAL,
} from "./contradictions.ts";
import { parameterClaims, resourceClaims, timeClaims } from "./claims_resources.ts";

export type {
  Claim,
  ClaimMetric,
  DifferenceClaim,
  ParameterClaim,
  RatioClaim,
  ValueClaim,
} from "./claim_types.ts";
export { CONTRADICTIONS } from "./contradictions.ts";

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
      : MNIST_VAL_EQUALS_TEST;
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
        inconsistency: dataset === "stl10"
          ? STL_VAL_VS_VAL
          : dataset === "mnist"
          ? MNIST_VAL_EQUALS_TEST
          : undefined,
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
  ...mnistTestClaims(),
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

/** III.1's MNIST test accuracies: the abstract's validation numbers, reused (C5). */
function mnistTestClaims(): Claim[] {
  const base = {
    dataset: "mnist",
    source: "III.1",
    kind: "value",
    metric: "testAccuracy",
    inconsistency: MNIST_VAL_EQUALS_TEST,
  } as const;
  return [
    {
      ...base,
      id: "mnist-test-hybrid",
      text: "test accuracy, hybrid",
      paper: "99.38 % (= abstract's validation figure)",
      model: "hybrid",
      value: 0.9938,
    },
    {
      ...base,
      id: "mnist-test-classical",
      text: "test accuracy, classical",
      paper: "98.21 % (= abstract's validation figure)",
      model: "classical",
      value: 0.9821,
    },
    {
      id: "mnist-test-gap",
      dataset: "mnist",
      text: "hybrid advantage in test accuracy (hybrid > classical)",
      paper: "+1.17 pp",
      source: "III.1",
      kind: "difference",
      metric: "testAccuracy",
      a: "hybrid",
      b: "classical",
      direction: ">",
      value: 0.0117,
    },
  ];
}

function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(2)} %`;
}

/**
 * The robustness claims twice: FGSM in pixel space (our models' input) and in
 * normalised-input space (a PyTorch pipeline attacking the standardised tensor); the paper
 * does not say which it used.
 */
function robustnessClaims(): Claim[] {
  const pixel = fgsmClaims().map((c): Claim => ({ ...c, text: `${c.text}, pixel space` }));
  const normalized = fgsmClaims().map((c): Claim => ({
    ...c,
    id: `${c.id}-normalized`,
    text: `${c.text}, normalised-input space`,
    metric: "fgsmNormAccuracy",
  } as Claim));
  return [...pixel, ...normalized];
}

function fgsmClaims(): Claim[] {
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
