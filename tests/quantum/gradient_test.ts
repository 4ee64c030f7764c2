// Gradients of Circuit.run() against the parameter-shift rule and central finite differences
// (both evaluated with the float64 reference simulator), and across fusion modes.
import { ok } from "node:assert/strict";
import { Circuit } from "../../lib/quantum/mod.ts";
import {
  assertCentralDifferences,
  circuitGradients,
  GRAD_TOLERANCE,
  maxDiff,
  randomMatrix,
  referenceLoss,
  rng,
  useBackend,
} from "./_helpers.ts";

/** Agreement of the fusion modes (the same float32 arithmetic in a different order). */
const FUSION_TOLERANCE = 2e-5;

type Weights = number[][];

function weightsFor(c: Circuit, random: () => number): Weights {
  return c.weightShapes().map((s) =>
    randomMatrix(random, 1, s.reduce((a, b) => a * b, 1), -Math.PI, Math.PI)[0]!
  );
}

const rotationCircuit = () =>
  new Circuit(3)
    .angleEmbedding({ rotation: "Y" })
    .rx(0).ry(1).rz(2).phaseShift(1).rot(0)
    .stronglyEntanglingLayers(1)
    .basicEntanglerLayers(2, { rotation: "RY" })
    .expval("Z").expvalPauli("XYZ").expval("X", { wires: [1] });

Deno.test("Circuit.run() weight gradients match the parameter-shift rule", async () => {
  await useBackend();
  const random = rng(5);
  const c = rotationCircuit();
  const inputs = randomMatrix(random, 2, c.inputSize);
  const w = weightsFor(c, random);
  const coef = randomMatrix(random, 1, c.outputSize)[0]!;
  const { dw } = circuitGradients(c, inputs, w, coef);
  w.forEach((block, b) => {
    block.forEach((_, i) => {
      const shifted = (s: number) =>
        referenceLoss(
          c,
          inputs,
          w.map((bl, bb) => bl.map((v, ii) => (bb === b && ii === i ? v + s : v))),
          coef,
        );
      const shift = (shifted(Math.PI / 2) - shifted(-Math.PI / 2)) / 2;
      ok(
        Math.abs(dw[b]![i]! - shift) < GRAD_TOLERANCE,
        `block ${b} index ${i}: autodiff ${dw[b]![i]} vs shift rule ${shift}`,
      );
    });
  });
});

Deno.test("Circuit.run() gradients match central differences for inputs and controlled rotations", async () => {
  await useBackend();
  const random = rng(8);
  const c = new Circuit(3).amplitudeEmbedding({ normalize: true }).crx(0, 1).cry(1, 2).crz(2, 0)
    .hadamard(1).basicEntanglerLayers(1).expval("Z").probs({ wires: [0, 2] });
  const inputs = randomMatrix(random, 2, c.inputSize);
  const w = weightsFor(c, random);
  const coef = randomMatrix(random, 1, c.outputSize)[0]!;
  const { value, dx, dw } = circuitGradients(c, inputs, w, coef);
  ok(Math.abs(value - referenceLoss(c, inputs, w, coef)) < GRAD_TOLERANCE);
  assertCentralDifferences(c, { inputs, weights: w, coef }, { dx, dw });
});

Deno.test("Circuit.run() gives the same values and gradients with every fusion mode", async () => {
  await useBackend();
  const random = rng(13);
  const c = new Circuit(5)
    .amplitudeEmbedding({ normalize: true, padWith: 0.1, features: 30 })
    .stronglyEntanglingLayers(2).crx(3, 0).cz(1, 4).swap(0, 2).t(3).s(1).phaseShift(4)
    .angleEmbedding({ rotation: "X", wires: [0, 2] })
    .basicEntanglerLayers(1).rz(2, 0.3).pauliY(0)
    .expval("Z").expvalPauli("XZIYZ").probs({ wires: [4, 1] });
  const inputs = randomMatrix(random, 3, c.inputSize);
  const w = weightsFor(c, random);
  const coef = randomMatrix(random, 1, c.outputSize)[0]!;
  compareFusionModes(c, inputs, w, coef);
  // A circuit the whole-circuit kernel runs (the one above falls back to "adjoint" there).
  const k = new Circuit(4)
    .amplitudeEmbedding({ normalize: true }).stronglyEntanglingLayers(1).crz(0, 3)
    .basicEntanglerLayers(2).expval("Z").expvalPauli("ZIZZ").probs({ wires: [2, 0] });
  const kInputs = randomMatrix(random, 3, k.inputSize);
  kInputs[2] = new Array(k.inputSize).fill(0);
  compareFusionModes(k, kInputs, weightsFor(k, random), randomMatrix(random, 1, k.outputSize)[0]!);
});

function compareFusionModes(c: Circuit, inputs: number[][], w: Weights, coef: number[]): void {
  const reference = circuitGradients(c, inputs, w, coef, "none");
  for (const fusion of ["kernel", "adjoint", "autodiff"] as const) {
    const g = circuitGradients(c, inputs, w, coef, fusion);
    ok(Math.abs(g.value - reference.value) < FUSION_TOLERANCE, `${fusion}: value`);
    ok(
      maxDiff(g.dx, reference.dx) < FUSION_TOLERANCE,
      `${fusion}: input gradients differ by ${maxDiff(g.dx, reference.dx)}`,
    );
    g.dw.forEach((d, b) =>
      ok(
        maxDiff(d, reference.dw[b]!) < FUSION_TOLERANCE,
        `${fusion}: block ${b} differs by ${maxDiff(d, reference.dw[b]!)}`,
      )
    );
  }
}
