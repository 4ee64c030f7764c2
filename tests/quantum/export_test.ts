// Drawing (text and SVG) and OpenQASM export.
import * as tf from "@tensorflow/tfjs";
import { deepEqual, equal, ok, throws } from "node:assert/strict";
import { DOMParser } from "linkedom";
import QuantumCircuit from "quantum-circuit";
import { Circuit, float64Run, paperCircuit } from "../../lib/quantum/mod.ts";
import { maxDiff, randomMatrix, rng, useBackend } from "./_helpers.ts";

/** OpenQASM numbers are printed in full float64 precision. */
const QASM_TOLERANCE = 1e-9;

Deno.test("Circuit.draw() renders the paper circuit like PennyLane's text drawer", () => {
  equal(
    paperCircuit().draw(),
    [
      "0: ─╭AmplitudeEmbedding─RX(w0)─╭●───────╭X─RX(w4)─╭●───────╭X─┤  <Z>",
      "1: ─├AmplitudeEmbedding─RX(w1)─╰X─╭●────│──RX(w5)─╰X─╭●────│──┤  <Z>",
      "2: ─├AmplitudeEmbedding─RX(w2)────╰X─╭●─│──RX(w6)────╰X─╭●─│──┤  <Z>",
      "3: ─╰AmplitudeEmbedding─RX(w3)───────╰X─╰●─RX(w7)───────╰X─╰●─┤  <Z>",
    ].join("\n"),
  );
  equal(
    paperCircuit().draw({ expand: false }),
    [
      "0: ─╭AmplitudeEmbedding─╭BasicEntanglerLayers(RX)─┤  <Z>",
      "1: ─├AmplitudeEmbedding─├BasicEntanglerLayers(RX)─┤  <Z>",
      "2: ─├AmplitudeEmbedding─├BasicEntanglerLayers(RX)─┤  <Z>",
      "3: ─╰AmplitudeEmbedding─╰BasicEntanglerLayers(RX)─┤  <Z>",
    ].join("\n"),
  );
});

Deno.test("Circuit.toSVG() draws gates as boxes with SVG text", () => {
  const svg = paperCircuit().toSVG({ title: "Quantum circuit" });
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  const root = doc.documentElement;
  equal(root.tagName.toLowerCase(), "svg");
  equal(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  const texts = [...doc.querySelectorAll("text")].map((t) => t.textContent);
  deepEqual(texts.filter((t) => t?.startsWith("RX(")).length, 8);
  deepEqual(texts.filter((t) => t === "⟨Z⟩").length, 4);
  ok(
    texts.includes("AmplitudeEmbedding") && texts.includes("Quantum circuit") &&
      texts.includes("3"),
  );
  // background + embedding block + 8 RX boxes + 4 measurement boxes
  equal(doc.querySelectorAll("rect").length, 14);
  // 8 CNOTs: one control dot and one target circle each
  equal(doc.querySelectorAll("circle").length, 16);
});

Deno.test("Circuit displays in Jupyter as SVG with a text fallback", () => {
  const c = paperCircuit();
  const bundle = (c as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for("Jupyter.display")
  ]!();
  deepEqual(bundle, { "image/svg+xml": c.toSVG(), "text/plain": c.draw() });
});

Deno.test("Circuit.toQASM() imports into quantum-circuit with the same expectation values", () => {
  const random = rng(21);
  const circuits = [
    paperCircuit(),
    new Circuit(3).amplitudeEmbedding({ normalize: true, padWith: 0.3, features: 5 })
      .angleEmbedding({ rotation: "X", wires: [2] })
      .rot(0).crx(0, 1).cry(2, 0).crz(1, 2).phaseShift(1).hadamard(2).s(0).t(1).pauliY(2).cz(0, 1)
      .swap(1, 2).expval("Z"),
    new Circuit(3).basisEmbedding().stronglyEntanglingLayers(2).expval("Z"),
  ];
  for (const c of circuits) {
    const input = c.toJSON().steps[0]?.type === "basisEmbedding"
      ? [1, 0, 1]
      : randomMatrix(random, 1, c.inputSize)[0]!;
    const weights = c.weightShapes().map((s) =>
      randomMatrix(random, 1, s.reduce((a, b) => a * b, 1), -3, 3)[0]!
    );
    const qasm = c.toQASM(input, weights);
    ok(qasm.startsWith('OPENQASM 2.0;\ninclude "qelib1.inc";\n'));
    const peer = new QuantumCircuit();
    const errors: unknown[] = [];
    peer.importQASM(qasm, (e: unknown[]) => errors.push(...(e ?? [])));
    deepEqual(errors, []);
    peer.run();
    // QASM's q[i] is our wire i and quantum-circuit's wire i, its least significant bit.
    const n = c.wires;
    const z = Array.from({ length: n }, (_, w) => {
      let e = 0;
      for (
        const [key, amp] of Object.entries(peer.state as Record<string, { re: number; im: number }>)
      ) {
        e += ((Number(key) >> w) & 1 ? -1 : 1) * (amp.re ** 2 + amp.im ** 2);
      }
      return e;
    });
    const ours = float64Run(c.compiled, input, weights);
    ok(maxDiff(z, ours) < QASM_TOLERANCE, `expected ${ours} but QASM gives ${z}`);
  }
});

Deno.test("Circuit.toQASM() accepts tensors and checks sizes", async () => {
  await useBackend();
  const c = paperCircuit();
  const x = tf.tensor1d(Array.from({ length: 16 }, (_, i) => i));
  const qasm = c.toQASM(x, [tf.zeros([2, 4])]);
  equal(qasm.split("\n").filter((l) => l.startsWith("rx(0.0)")).length, 8);
  throws(() => c.toQASM([1, 2, 3], [tf.zeros([2, 4])]), {
    name: "RangeError",
    message: "Expected an input row of 16 features but found 3: pass one row",
  });
});
