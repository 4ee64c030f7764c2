// OpenQASM 2.0 import: round trips with toQASM, named parameters, inputs, quantum-circuit,
// and errors that name the line.
import * as tf from "@tensorflow/tfjs";
import { deepEqual, equal, ok, throws } from "node:assert/strict";
import QuantumCircuit from "quantum-circuit";
import { Circuit, float64Run, paperCircuit } from "../../lib/quantum/mod.ts";
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

/** toQASM prints full float64 precision, so a round trip agrees to float64 rounding. */
const ROUND_TRIP_TOLERANCE = 1e-9;

const HEADER = 'OPENQASM 2.0;\ninclude "qelib1.inc";\n';

Deno.test("Circuit.fromQASM() of toQASM() gives the same outputs for the bound row", async () => {
  await useBackend();
  const random = rng(31);
  const circuits = [
    paperCircuit(),
    new Circuit(3).angleEmbedding({ rotation: "Y" }).stronglyEntanglingLayers(2).expval("Z"),
    new Circuit(3).iqpEmbedding().randomLayers(1, 5).crz(0, 2).phaseShift(1, 0.4).swap(0, 1)
      .expval("Z"),
  ];
  for (const c of circuits) {
    const input = randomMatrix(random, 1, c.inputSize)[0]!;
    const weights = c.weightShapes().map((s) =>
      randomMatrix(random, 1, s.reduce((a, b) => a * b, 1), -3, 3)[0]!
    );
    const back = Circuit.fromQASM(c.toQASM(input, weights)).expval("Z");
    equal(back.inputSize, 0);
    const want = float64Run(c.compiled, input, weights);
    ok(maxDiff(float64Run(back.compiled, [], []), want) < ROUND_TRIP_TOLERANCE);
    const got = values(() => back.run(tf.zeros([1, 0]), []))[0]!;
    ok(maxDiff(got, want) < FLOAT32_TOLERANCE);
  }
});

Deno.test("Circuit.fromQASM() makes names trainable parameters and x0, x1, ... inputs", async () => {
  await useBackend();
  const c = Circuit.fromQASM(
    HEADER +
      "qreg q[2];\nry(x1) q[0];\nry(x0) q[1];\nrx(theta) q[0];\ncrz(phi) q[0],q[1];\nrz(theta) q[1];\n",
  ).expval("Z");
  deepEqual(c.parameterNames, ["theta", "phi"]);
  deepEqual(c.weightShapes(), [[2]]);
  equal(c.inputSize, 2);
  ok(c.draw().includes("RX(theta)") && c.draw().includes("RY(x1)"), c.draw());
  // Same as the builder with explicit names and input columns.
  const same = new Circuit(2).gate("RY", [0], [{ input: 1 }]).gate("RY", [1], [{ input: 0 }])
    .gate("RX", [0], ["theta"]).gate("CRZ", [0, 1], ["phi"]).gate("RZ", [1], ["theta"])
    .expval("Z");
  deepEqual(c.toJSON(), same.toJSON());
  // A shared name is one weight: its gradient sums over both uses.
  const random = rng(3);
  const inputs = randomMatrix(random, 2, 2, -2, 2);
  const weights = [[0.4, -1.1]];
  const coef = [0.6, -0.8];
  assertCentralDifferences(
    c,
    { inputs, weights, coef },
    circuitGradients(c, inputs, weights, coef),
  );
  const custom = Circuit.fromQASM(HEADER + "qreg q[1];\nrx(a) q[0];\nry(b) q[0];\n", {
    inputs: ["b"],
  });
  deepEqual([custom.parameterNames, custom.inputSize], [["a"], 1]);
});

Deno.test("Circuit.fromQASM() agrees with quantum-circuit's own import", () => {
  const qasm = HEADER + [
    "qreg a[2];",
    "qreg b[1];",
    "creg c[3];",
    "h a;",
    "u3(0.3, -1.2, pi/4) b[0];",
    "u2(0.5, 2*pi/3) a[1];",
    "u1(-0.7) a[0];",
    "sdg a[1];",
    "tdg b[0];",
    "cx a[0],b[0];",
    "cz b[0],a[1];",
    "crx(1.1) a[1],a[0];",
    "swap a[0],b[0];",
    "barrier a,b;",
    "ry(-(1.5 - 0.25) * 2) a[1];",
    "measure a -> c[0:1];",
  ].join("\n").replace("measure a -> c[0:1];", "measure a[0] -> c[0];\nmeasure b[0] -> c[1];\n");
  const c = Circuit.fromQASM(qasm);
  equal(c.wires, 3);
  equal(c.outputSize, 4);
  const peer = new QuantumCircuit();
  peer.importQASM(qasm.replace(/measure.*\n/g, ""), () => {});
  peer.run();
  const amps = peer.state as Record<string, { re: number; im: number }>;
  // quantum-circuit's wire i is its least significant bit; our probs are of [wire 0, wire 2].
  const probs = [0, 0, 0, 0];
  for (const [key, amp] of Object.entries(amps)) {
    const k = Number(key);
    probs[2 * (k & 1) + ((k >> 2) & 1)]! += amp.re ** 2 + amp.im ** 2;
  }
  ok(maxDiff(float64Run(c.compiled, [], []), probs) < ROUND_TRIP_TOLERANCE);
});

Deno.test("Circuit.fromQASM() rejects unsupported statements naming the line", () => {
  const cases: [string, string][] = [
    [
      "qreg q[3];\nh q[0];\nccx q[0],q[1],q[2];\n",
      'Line 5: unsupported statement ccx in "ccx q[0],q[1],q[2]": use gates from',
    ],
    [
      "qreg q[1];\nrx(2*theta) q[0];\n",
      'Line 4: parameter expression "2*theta" combines the name theta with arithmetic in "rx(2*theta) q[0]": use a bare name or a constant expression',
    ],
    ["qreg q[1];\nrx(0.1) r[0];\n", "Line 4: unknown register r"],
    ["qreg q[1];\nrx(0.1) q[1];\n", "Line 4: index 1 outside q[1]"],
    [
      "qreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\nh q[0];\n",
      "Line 6: gate after a measurement",
    ],
    ["qreg q[1];\nreset q[0];\n", "Line 4: unsupported statement reset"],
    ["qreg q[1];\ngate foo a { h a; }\n", "Line 4: unsupported statement gate"],
    ["qreg q[1];\nrx(0.1, 0.2) q[0];\n", "Line 4: rx takes 1 parameters but found 2"],
    ["qreg q[1];\nh q[0]\n", "Line 4: missing ;"],
  ];
  for (const [body, message] of cases) {
    throws(() => Circuit.fromQASM(HEADER + body), (e: Error) => {
      ok(e instanceof SyntaxError, `${e}`);
      ok(e.message.startsWith(message), `expected "${message}" but found "${e.message}"`);
      return true;
    });
  }
  throws(() => Circuit.fromQASM("OPENQASM 3.0;\nqubit q;\n"), /Line 1: only OpenQASM 2.0/);
});
