// Noise channels: PennyLane's Kraus operators, closed forms, the float64 density reference,
// the independent simulator (noise-free), gradients against central differences, batching.
import * as tf from "@tensorflow/tfjs";
import { deepEqual, equal, ok, throws } from "node:assert/strict";
import {
  type ChannelName,
  CHANNELS,
  Circuit,
  DENSITY_MAX_WIRES,
  float64DensityRun,
  krausMatrices,
} from "../../lib/quantum/mod.ts";
import {
  assertCentralDifferences,
  circuitGradients,
  FLOAT32_TOLERANCE,
  maxDiff,
  randomMatrix,
  rng,
  useBackend,
  values,
} from "./_helpers.ts";
import { peerFromCompiled, peerProbabilities } from "./_peer.ts";

const EXACT = 1e-12;
const PROBABILITIES = [0, 0.1, 0.25, 0.5, 0.9, 1];

function run1(c: Circuit): number[] {
  return values(() => c.run(tf.zeros([1, 0]), []))[0]!;
}

Deno.test("krausMatrices() are complete (sum of K^dagger K is the identity) for every channel", () => {
  for (const name of Object.keys(CHANNELS) as ChannelName[]) {
    for (const p of PROBABILITIES) {
      const sum = [[0, 0], [0, 0]].map((r) => r.map(() => [0, 0]));
      for (const k of krausMatrices(name, p)) {
        for (let i = 0; i < 2; i++) {
          for (let j = 0; j < 2; j++) {
            for (let m = 0; m < 2; m++) {
              const [ar, ai] = k[m]![i]! as [number, number]; // conj(K[m][i])
              const [br, bi] = k[m]![j]! as [number, number];
              sum[i]![j]![0]! += ar * br + ai * bi;
              sum[i]![j]![1]! += ar * bi - ai * br;
            }
          }
        }
      }
      ok(maxDiff(sum.flat(2), [1, 0, 0, 0, 0, 0, 1, 0]) < EXACT, `${name}(${p})`);
    }
  }
});

Deno.test("depolarizing() gives <Z> = 1 - 4p/3 on |0> and <X> = 1 - 4p/3 on |+>", async () => {
  await useBackend();
  for (const p of PROBABILITIES) {
    const [z] = run1(new Circuit(1).depolarizing(0, p).expval("Z"));
    const [x] = run1(new Circuit(1).hadamard(0).depolarizing(0, p).expval("X"));
    ok(Math.abs(z! - (1 - (4 * p) / 3)) < FLOAT32_TOLERANCE, `p=${p}: <Z> ${z}`);
    ok(Math.abs(x! - (1 - (4 * p) / 3)) < FLOAT32_TOLERANCE, `p=${p}: <X> ${x}`);
  }
});

Deno.test("amplitudeDamping() of |1> gives <Z> = -1 + 2 gamma and leaves |0> alone", async () => {
  await useBackend();
  for (const g of PROBABILITIES) {
    const [z1] = run1(new Circuit(1).pauliX(0).amplitudeDamping(0, g).expval("Z"));
    const [z0] = run1(new Circuit(1).amplitudeDamping(0, g).expval("Z"));
    ok(Math.abs(z1! - (-1 + 2 * g)) < FLOAT32_TOLERANCE, `gamma=${g}: ${z1}`);
    ok(Math.abs(z0! - 1) < FLOAT32_TOLERANCE);
  }
});

Deno.test("amplitudeDamping() and phaseDamping() shrink coherence of |+> by sqrt(1 - gamma)", async () => {
  await useBackend();
  for (const g of PROBABILITIES) {
    for (const name of ["amplitudeDamping", "phaseDamping"] as const) {
      const [x, z] = run1(new Circuit(1).hadamard(0)[name](0, g).expval("X").expval("Z"));
      ok(Math.abs(x! - Math.sqrt(1 - g)) < FLOAT32_TOLERANCE, `${name}(${g}): <X> ${x}`);
      const zWant = name === "amplitudeDamping" ? g : 0; // populations: (1 + g)/2 and (1 - g)/2
      ok(Math.abs(z! - zWant) < FLOAT32_TOLERANCE, `${name}(${g}): <Z> ${z}`);
    }
  }
});

Deno.test("bitFlip() gives <Z> = 1 - 2p on |0>, phaseFlip() gives <X> = 1 - 2p on |+>", async () => {
  await useBackend();
  for (const p of PROBABILITIES) {
    const [z, x0] = run1(new Circuit(1).bitFlip(0, p).expval("Z").expval("X"));
    const [x, z2] = run1(new Circuit(1).hadamard(0).phaseFlip(0, p).expval("X").expval("Z"));
    ok(Math.abs(z! - (1 - 2 * p)) < FLOAT32_TOLERANCE && Math.abs(x0!) < FLOAT32_TOLERANCE);
    ok(Math.abs(x! - (1 - 2 * p)) < FLOAT32_TOLERANCE && Math.abs(z2!) < FLOAT32_TOLERANCE);
  }
});

Deno.test("a channel acts only on its wire of an entangled state", async () => {
  await useBackend();
  // Bell state, bit flip on wire 1: <Z0 Z1> = 1 - 2p, <Z0> = <Z1> = 0.
  const p = 0.2;
  const out = run1(
    new Circuit(2).hadamard(0).cnot(0, 1).bitFlip(1, p).expvalPauli("ZZ").expval("Z"),
  );
  ok(maxDiff(out, [1 - 2 * p, 0, 0]) < FLOAT32_TOLERANCE, `${out}`);
});

/** A random noisy circuit on n wires: amplitude embedding, layers, channels, gates. */
function noisyCircuit(n: number, random: () => number): Circuit {
  const c = new Circuit(n).amplitudeEmbedding({ normalize: true }).stronglyEntanglingLayers(1);
  const channels = Object.keys(CHANNELS) as ChannelName[];
  for (let w = 0; w < n; w++) {
    c.channel(channels[(w + n) % channels.length]!, w, 0.05 + 0.3 * random());
  }
  c.angleEmbedding({ rotation: "Y", wires: [n - 1], offset: 0 }).basicEntanglerLayers(1);
  c.depolarizing([0], 0.1).ry(n - 1);
  return c.expval("Z").expval("X", { wires: [0] }).var("Y", { wires: [n - 1] }).probs({
    wires: [n - 1, 0].slice(0, Math.min(n, 2)),
  });
}

Deno.test("Circuit.run() with noise equals the float64 density-matrix reference on 1-5 wires", async () => {
  await useBackend();
  const random = rng(5);
  for (let n = 1; n <= 5; n++) {
    const c = noisyCircuit(n, random);
    const xs = randomMatrix(random, 3, 2 ** n);
    const ws = c.weightShapes().map((s) =>
      randomMatrix(random, 1, s.reduce((a, b) => a * b, 1), -3, 3)[0]!
    );
    const out = values(() =>
      c.run(tf.tensor2d(xs), ws.map((w, i) => tf.tensor(w, c.weightShapes()[i])))
    );
    xs.forEach((x, r) => {
      const d = maxDiff(out[r]!, float64DensityRun(c.compiled, x, ws));
      ok(d < FLOAT32_TOLERANCE, `${n} wires row ${r}: ${d}`);
    });
  }
});

Deno.test("noise-free density simulation equals quantum-circuit's statevector probabilities", async () => {
  await useBackend();
  const random = rng(9);
  for (let n = 1; n <= 4; n++) {
    // A zero-probability channel first makes every gate run on the density matrix.
    const gates = new Circuit(n);
    for (let i = 0; i < 4 * n; i++) {
      const w = Math.floor(random() * n);
      gates.rx(w, random() * 6).ry((w + 1) % n, random() * 6).rz(w, random() * 6).hadamard(w);
      if (n > 1) gates.cnot(w, (w + 1) % n).crx((w + 1) % n, w, random() * 6);
    }
    const probs = peerProbabilities(peerFromCompiled(gates.compiled, [], []), n);
    const noisy = Circuit.fromJSON({
      ...gates.toJSON(),
      steps: [{ type: "noise", channel: "BitFlip", wires: [0], param: 0 }, ...gates.toJSON().steps],
    }).probs();
    ok(noisy.noisy);
    const out = run1(noisy);
    ok(maxDiff(out, probs) < FLOAT32_TOLERANCE, `${n} wires: ${maxDiff(out, probs)}`);
    const forced = values(() => gates.probs().run(tf.zeros([1, 0]), [], { density: true }))[0]!;
    ok(maxDiff(forced, probs) < FLOAT32_TOLERANCE);
  }
});

Deno.test("channels that end a Z-measured circuit equal the density simulation, gradients too", async () => {
  await useBackend();
  const random = rng(33);
  const c = new Circuit(3).amplitudeEmbedding({ normalize: true }).stronglyEntanglingLayers(1)
    .depolarizing([0, 1, 2], 0.1).amplitudeDamping(1, 0.3).phaseDamping(2, 0.2).bitFlip(0, 0.05)
    .phaseFlip(1, 0.4).expval("Z").var("Z", { wires: [2] }).expvalPauli("ZIZ").probs({
      wires: [2, 0],
    });
  const inputs = randomMatrix(random, 2, 8);
  const weights = [randomMatrix(random, 1, 9, -3, 3)[0]!];
  const w = [tf.tensor(weights[0]!, [1, 3, 3])];
  const fast = values(() => c.run(tf.tensor2d(inputs), w));
  const dense = values(() => c.run(tf.tensor2d(inputs), w, { density: true }));
  ok(maxDiff(fast, dense) < FLOAT32_TOLERANCE, `${maxDiff(fast, dense)}`);
  inputs.forEach((x, r) =>
    ok(maxDiff(fast[r]!, float64DensityRun(c.compiled, x, weights)) < FLOAT32_TOLERANCE)
  );
  const coef = Array.from({ length: c.outputSize }, () => random() - 0.5);
  const grads = circuitGradients(c, inputs, weights, coef);
  assertCentralDifferences(c, { inputs, weights, coef }, grads, "tail ", float64DensityRun);
  const big = new Circuit(DENSITY_MAX_WIRES + 2).hadamard(0).bitFlip(0, 0.25).expval("Z");
  ok(Math.abs(values(() => big.run(tf.zeros([1, 0]), []))[0]![0]!) < FLOAT32_TOLERANCE);
});

Deno.test("Circuit.run() with noise has gradients equal to central differences", async () => {
  await useBackend();
  const random = rng(21);
  const c = noisyCircuit(3, random);
  const inputs = randomMatrix(random, 2, 8);
  const weights = c.weightShapes().map((s) =>
    randomMatrix(random, 1, s.reduce((a, b) => a * b, 1), -3, 3)[0]!
  );
  const coef = Array.from({ length: c.outputSize }, () => random() - 0.5);
  const grads = circuitGradients(c, inputs, weights, coef);
  assertCentralDifferences(c, { inputs, weights, coef }, grads, "noisy ", float64DensityRun);
});

Deno.test("Circuit.run() with noise on a batch equals each row alone", async () => {
  await useBackend();
  const random = rng(4);
  const c = noisyCircuit(3, random);
  const xs = randomMatrix(random, 5, 8);
  const ws = c.weightShapes().map((s) => tf.randomUniform(s, 0, 6, "float32", 1));
  const all = values(() => c.run(tf.tensor2d(xs), ws));
  xs.forEach((x, r) => {
    const one = values(() => c.run(tf.tensor2d([x]), ws))[0]!;
    ok(maxDiff(one, all[r]!) < 1e-6);
  });
});

Deno.test("noise channels validate their parameter and the register size", () => {
  throws(() => new Circuit(1).depolarizing(0, 1.5), {
    name: "RangeError",
    message: "Expected DepolarizingChannel p in [0, 1] but found 1.5: pass a probability",
  });
  throws(() => new Circuit(1).amplitudeDamping(0, -0.1), {
    message: "Expected AmplitudeDamping gamma in [0, 1] but found -0.1: pass a probability",
  });
  throws(() => new Circuit(2).bitFlip(2, 0.1), RangeError);
  throws(() => new Circuit(1).channel("Foo" as ChannelName, 0, 0.1), TypeError);
  const big = new Circuit(DENSITY_MAX_WIRES + 1).bitFlip(0, 0.1).hadamard(0).expval("Z");
  throws(() => big.run(tf.zeros([1, 0]), []), {
    name: "RangeError",
    message:
      `Expected at most ${DENSITY_MAX_WIRES} wires for a density-matrix simulation but found ${
        DENSITY_MAX_WIRES + 1
      }: remove the noise channels or use fewer wires`,
  });
  throws(() => new Circuit(1).bitFlip(0, 0.1).expval("Z").toQASM([], []), TypeError);
});

Deno.test("noisy circuits round-trip through JSON and draw their channels", () => {
  const c = new Circuit(2).hadamard(0).depolarizing([0, 1], 0.05).amplitudeDamping(1, 0.2).expval(
    "Z",
  );
  deepEqual(Circuit.fromJSON(JSON.parse(JSON.stringify(c.toJSON()))).toJSON(), c.toJSON());
  const text = c.draw();
  ok(text.includes("Depol(0.05)") && text.includes("AmpD(0.2)"), text);
  equal(c.noisy, true);
  equal(new Circuit(1).hadamard(0).noisy, false);
});
