import assert from "node:assert/strict";
import { circuitComparisonFigure, circuitDrawingsFigure } from "../../lib/figures/mod.ts";
import { Circuit, circuitHash, paperCircuit } from "../../lib/quantum/mod.ts";
import { makeResults } from "../results/fixture.ts";

function entry(name: string, circuit: Circuit, accuracy: number, variance: number) {
  const results = makeResults({
    seeds: [1, 2, 3],
    accuracy: { hybrid: accuracy },
    models: ["hybrid"],
  });
  return {
    name,
    hash: circuitHash(circuit),
    results: { ...results, circuit: circuit.toJSON(), circuitHash: circuitHash(circuit) },
    gradientVariance: variance,
  };
}

Deno.test("circuitComparisonFigure() draws every circuit's accuracy, FGSM, time and variance", () => {
  const strong = new Circuit(4).amplitudeEmbedding({ normalize: true }).stronglyEntanglingLayers(1)
    .expval("Z");
  const entries = [entry("paper", paperCircuit(), 0.9, 0.04), entry("strong", strong, 0.8, 0.002)];
  const f = circuitComparisonFigure(entries);
  assert.equal(f.fileStem, "fig05c_circuit_comparison");
  for (const e of entries) {
    assert.ok(f.svg.includes(e.hash.slice(0, 6)), "hash in the subtitle");
    assert.ok(f.caption.includes(`${e.name}: ${e.hash}`));
  }
  // Accuracy labels in percent, the variance on a log scale.
  assert.ok(f.svg.includes(">90.0<") || f.svg.includes(">89."), f.svg.slice(0, 200));
  assert.ok(f.svg.includes("4.0e-2") && f.svg.includes("2.0e-3"));
  assert.match(f.caption, /95 % confidence intervals/);
});

Deno.test("circuitComparisonFigure() refuses an empty list and runs without a hybrid", () => {
  assert.throws(() => circuitComparisonFigure([]), TypeError);
  const results = makeResults({ models: ["classical"] });
  assert.throws(
    () => circuitComparisonFigure([{ name: "x", hash: "h", results }]),
    /^TypeError: Expected hybrid results for circuit x \(h\) but found none/,
  );
});

Deno.test("circuitDrawingsFigure() draws each circuit with its name, hash and shots", () => {
  const shots = paperCircuit().withShots(100);
  const f = circuitDrawingsFigure([
    { name: "paper", hash: circuitHash(paperCircuit()), circuit: paperCircuit().toJSON() },
    { name: "shots", hash: circuitHash(shots), circuit: shots.toJSON() },
  ]);
  assert.ok(f.svg.includes(`paper (${circuitHash(paperCircuit())})`));
  assert.ok(f.svg.includes(`shots (${circuitHash(shots)}), 100 shots`));
  assert.equal((f.svg.match(/AmplitudeEmbedding/g) ?? []).length, 2);
});
