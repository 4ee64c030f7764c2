// Circuit identity (hash), circuit files (JSON or OpenQASM) and the gradient-variance probe.
import { deepEqual, equal, notEqual, ok, rejects, throws } from "node:assert/strict";
import {
  canonicalJSON,
  Circuit,
  CIRCUIT_HASH_LENGTH,
  circuitHash,
  gradientVariance,
  loadCircuitFile,
  paperCircuit,
  parseCircuit,
} from "../../lib/quantum/mod.ts";
import { useBackend } from "./_helpers.ts";

Deno.test("circuitHash() is stable across key order and JSON round trips, distinct otherwise", () => {
  const c = paperCircuit();
  const json = c.toJSON() as unknown as Record<string, unknown>;
  const reordered = Object.fromEntries(Object.entries(json).reverse());
  equal(circuitHash(reordered), circuitHash(c));
  equal(circuitHash(Circuit.fromJSON(JSON.parse(JSON.stringify(json)))), circuitHash(c));
  ok(new RegExp(`^[0-9a-f]{${CIRCUIT_HASH_LENGTH}}$`).test(circuitHash(c)));
  const variants = [
    paperCircuit(),
    paperCircuit(),
    new Circuit(4).amplitudeEmbedding({ normalize: true }).basicEntanglerLayers(3).expval("Z"),
    new Circuit(4).amplitudeEmbedding({ normalize: true }).basicEntanglerLayers(2).depolarizing(
      0,
      0.01,
    ).expval("Z"),
    paperCircuit().withShots(100),
    paperCircuit().withShots(100, { seed: 1 }),
  ];
  equal(new Set(variants.map(circuitHash)).size, variants.length - 1); // the first two are equal
  equal(canonicalJSON({ b: 1, a: [1, { d: undefined, c: 2 }] }), '{"a":[1,{"c":2}],"b":1}');
});

Deno.test("parseCircuit() reads circuit JSON and OpenQASM 2.0", () => {
  const c = paperCircuit();
  equal(circuitHash(parseCircuit(JSON.stringify(c.toJSON()), "paper.json")), circuitHash(c));
  const q = parseCircuit(
    '// from elsewhere\nOPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nry(x0) q[0];\nry(x1) q[1];\ncx q[0],q[1];\nrx(w) q[0];\n',
    "c.qasm",
  );
  deepEqual([q.inputSize, q.outputSize, q.weightShapes()], [2, 2, [[1]]]);
  const measured = parseCircuit(
    "OPENQASM 2.0;\nqreg q[1];\ncreg c[1];\nh q[0];\nmeasure q[0] -> c[0];\n",
    "m.qasm",
  );
  equal(measured.outputSize, 2);
  throws(() => parseCircuit("hello", "x.txt"), {
    name: "SyntaxError",
    message:
      'Expected circuit JSON (Circuit.toJSON()) or OpenQASM 2.0 in x.txt but found neither: start a QASM file with "OPENQASM 2.0;"',
  });
  throws(() => parseCircuit("OPENQASM 2.0;\nqreg q[1];\nreset q[0];\n", "r.qasm"), {
    name: "SyntaxError",
    message: /^In r\.qasm: Line 3: unsupported statement reset/,
  });
  throws(() => parseCircuit('{"format": "other"}', "o.json"), TypeError);
});

Deno.test("loadCircuitFile() reads a file", async () => {
  const path = await Deno.makeTempFile({ suffix: ".json" });
  try {
    await Deno.writeTextFile(path, JSON.stringify(paperCircuit().toJSON()));
    equal(circuitHash(await loadCircuitFile(path)), circuitHash(paperCircuit()));
  } finally {
    await Deno.remove(path);
  }
  await rejects(loadCircuitFile(`${path}.missing`), Deno.errors.NotFound);
});

Deno.test("gradientVariance() gives 1/2 for RY on one wire and 0 without weights", async () => {
  await useBackend();
  // <Z> = cos(theta): Var[-sin(theta)] over theta uniform in [0, 2 pi) is 1/2.
  const v = gradientVariance(new Circuit(1).ry(0).expval("Z"), { samples: 400, seed: 1 });
  ok(Math.abs(v.mean - 0.5) < 0.06, `${v.mean}`);
  equal(v.perWeight.length, 1);
  deepEqual(gradientVariance(new Circuit(1).hadamard(0).expval("Z")), {
    mean: 0,
    perWeight: [],
    samples: 64,
  });
  const a = gradientVariance(paperCircuit(), { samples: 8, seed: 3 });
  deepEqual(gradientVariance(paperCircuit(), { samples: 8, seed: 3 }), a);
  equal(a.perWeight.length, 8);
  notEqual(a.mean, 0);
});
