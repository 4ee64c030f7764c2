// End to end: `deno task reproduce --circuit FILE` with an OpenQASM 2.0 file and with a circuit
// JSON file (smoke profile, MNIST): each run lands in its circuit's own folders, records the
// circuit and its hash, and shows the hash in figure subtitles and in the report.
import assert from "node:assert/strict";
import { loadResults } from "../../lib/results/mod.ts";
import { Circuit, circuitHash } from "../../lib/quantum/mod.ts";

const QASM = `OPENQASM 2.0;
include "qelib1.inc";
// a 3-qubit ansatz designed elsewhere: x0..x2 are features, a and b trainable
qreg q[3];
ry(x0) q[0];
ry(x1) q[1];
ry(x2) q[2];
cx q[0],q[1];
cx q[1],q[2];
rx(a) q[0];
rx(b) q[1];
rz(a) q[2];
`;

async function reproduce(out: string, circuitFile: string): Promise<string> {
  const { code, stderr } = await new Deno.Command("deno", {
    args: [
      "task",
      "reproduce",
      "--profile",
      "smoke",
      "--datasets",
      "mnist",
      "--out",
      out,
      "--circuit",
      circuitFile,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const log = new TextDecoder().decode(stderr);
  assert.equal(code, 0, log.slice(-4000));
  return log;
}

Deno.test({
  name:
    "deno task reproduce --circuit trains with a QASM file and a JSON file, each in its own folders",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    await Deno.mkdir("data", { recursive: true });
    const out = await Deno.makeTempDir({ dir: "data", prefix: "e2e-circuit-" });
    try {
      const qasmFile = `${out}/ansatz.qasm`;
      const jsonFile = `${out}/strong.json`;
      await Deno.writeTextFile(qasmFile, QASM);
      const strong = new Circuit(2).angleEmbedding({ rotation: "Y" }).stronglyEntanglingLayers(1)
        .expval("Z");
      await Deno.writeTextFile(jsonFile, JSON.stringify(strong.toJSON()));
      const fromQasm = Circuit.fromQASM(QASM).expval("Z");
      for (const [file, circuit] of [[qasmFile, fromQasm], [jsonFile, strong]] as const) {
        const hash = circuitHash(circuit);
        const log = await reproduce(out, file);
        assert.match(log, new RegExp(`Circuit .* \\(${hash}\\)`));
        const r = await loadResults(`${out}/runs/smoke/mnist-circuit-${hash}/results.json`);
        assert.equal(r.circuitHash, hash);
        assert.deepEqual(r.circuit, circuit.toJSON());
        assert.equal(
          r.models.hybrid?.layers.some((l: { parameters: number }) =>
            l.parameters === circuit.inputSize * 129
          ),
          true,
        );
        const figures = `${out}/figures/circuit-${hash}`;
        const loss = await Deno.readTextFile(`${figures}/mnist/fig02a_loss.svg`);
        assert.match(loss, new RegExp(`circuit ${hash}`));
        const report = await Deno.readTextFile(`${figures}/REPORT.md`);
        assert.match(report, new RegExp("`" + hash + "`"));
      }
      // The default folders were never written.
      await assert.rejects(Deno.stat(`${out}/runs/smoke/mnist`), Deno.errors.NotFound);
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  },
});
