// The whole-circuit kernel (fusion "kernel"): values and gradients against gate-by-gate tfjs
// autodiff ("none") and float64 central differences, on random qualifying circuits.
import { ok } from "node:assert/strict";
import { Circuit, type GateName, GATES } from "../../lib/quantum/mod.ts";
import { kernelSupports } from "../../lib/quantum/_kernel_op.ts";
import {
  assertCentralDifferences,
  circuitGradients,
  maxDiff,
  randomMatrix,
  rng,
  useBackend,
} from "./_helpers.ts";

/** Kernel (float64 inside, float32 out) vs float32 tensor ops on circuits of a few dozen gates. */
const PATH_TOLERANCE = 5e-5;

const NAMES = Object.keys(GATES) as GateName[];

/** A random qualifying circuit: amplitude embedding, random gates (some trainable), Z-diagonal readouts. */
function randomKernelCircuit(n: number, random: () => number): Circuit {
  const dim = 2 ** n;
  const padded = n > 1 && random() < 0.5;
  const c = new Circuit(n).amplitudeEmbedding(
    padded ? { normalize: true, padWith: 0.2, features: dim - 1 } : { normalize: true },
  );
  c.basicEntanglerLayers(1, { rotation: "RY" });
  const names = NAMES.filter((g) => GATES[g].wires <= n);
  for (let g = 0; g < 3 * n; g++) {
    const name = names[Math.floor(random() * names.length)]!;
    const wires = [...Array(n).keys()].sort(() => random() - 0.5).slice(0, GATES[name].wires);
    const fixed = GATES[name].params === 0 || random() < 0.3;
    c.gate(
      name,
      wires,
      fixed
        ? Array.from({ length: GATES[name].params }, () => (random() - 0.5) * 2 * Math.PI)
        : undefined,
    );
  }
  c.expval("Z").probs({ wires: [n - 1] });
  if (n > 1) c.expvalPauli("Z".repeat(n - 1) + "I");
  return c;
}

Deno.test("Circuit.run() kernel matches gate-by-gate autodiff and central differences on 1-6 wires", async () => {
  await useBackend();
  const random = rng(21);
  for (let n = 1; n <= 6; n++) {
    const c = randomKernelCircuit(n, random);
    // 6 wires qualify from batch 64 on; smaller registers at any batch.
    const rows = n === 6 ? 64 : 3;
    ok(kernelSupports(c.compiled, rows), `${n} wires: circuit qualifies for the kernel`);
    const inputs = randomMatrix(random, rows, c.inputSize);
    inputs[1] = new Array(c.inputSize).fill(0); // an all-zero row (|0...0> under normalize)
    const w = c.weightShapes().map((s) =>
      randomMatrix(random, 1, s.reduce((a, b) => a * b, 1), -Math.PI, Math.PI)[0]!
    );
    const coef = randomMatrix(random, 1, c.outputSize)[0]!;
    const k = circuitGradients(c, inputs, w, coef, "kernel");
    const none = circuitGradients(c, inputs, w, coef, "none");
    ok(Math.abs(k.value - none.value) < PATH_TOLERANCE * rows, `${n} wires: values`);
    ok(
      maxDiff(k.dx, none.dx) < PATH_TOLERANCE,
      `${n} wires: dx differ by ${maxDiff(k.dx, none.dx)}`,
    );
    k.dw.forEach((d, b) =>
      ok(
        maxDiff(d, none.dw[b]!) < PATH_TOLERANCE,
        `${n} wires: block ${b} differs by ${maxDiff(d, none.dw[b]!)}`,
      )
    );
    ok(k.dx.flat().every(Number.isFinite), `${n} wires: finite input gradients`);
    // Central differences in float64 on the first two rows and every weight. The zero row's
    // documented gradient is the circuit's at |0...0> (the function itself jumps there), so its
    // differences are taken at e0; with padWith the row is not zero and is taken as is.
    const few = inputs.slice(0, 2);
    const fk = circuitGradients(c, few, w, coef, "kernel");
    const at0 = c.inputSize === 2 ** n
      ? few.map((r, q) => q === 1 ? r.map((_, j) => j === 0 ? 1 : 0) : r)
      : few;
    const e0 = circuitGradients(c, at0, w, coef, "kernel");
    ok(maxDiff(fk.dx, e0.dx) < PATH_TOLERANCE, `${n} wires: zero row has the gradient at |0...0>`);
    assertCentralDifferences(c, { inputs: at0, weights: w, coef }, fk, `${n} wires: `);
  }
});
