/**
 * Quantum layer benchmark: `deno task bench quantum [--backend=wasm|cpu] [--quick]`.
 *
 * 1. The paper circuit (4 wires, amplitude embedding, 2 BasicEntanglerLayers, Z on each wire)
 *    at batch 64: forward+backward samples/s of our batched simulator.
 * 2. The same circuit with the per-sample `quantum-circuit` npm package, forward only.
 * 3. Their ratio (target >= 100x).
 * 4. Forward+backward time of one sample from 4 to 16 wires (target: 16 wires < 100 ms).
 *
 * Timings are the minimum over repeated trials (robust to other processes on a shared
 * machine). Results are printed and written to `data/bench/quantum.json`.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import QuantumCircuit from "quantum-circuit";
import { Circuit, paperCircuit } from "../../lib/quantum/mod.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";

/** Throughput target of the batched simulator over the per-sample peer. */
export const RATIO_TARGET = 100;
/** Time target for 16 wires, one sample, forward+backward (ms). */
export const WIDE_TARGET_MS = 100;
const BATCH = 64;

/** Wall times (ms) of `trials` runs of `f` after one warm-up run: minimum and median. */
function timeIt(f: () => void, trials: number): { min: number; median: number } {
  f();
  const times: number[] = [];
  for (let i = 0; i < trials; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { min: times[0]!, median: times[Math.floor(times.length / 2)]! };
}

function forwardBackward(c: Circuit, x: tf.Tensor2D, w: tf.Tensor): () => void {
  const g = tf.grads((xi: tf.Tensor, wi: tf.Tensor) => tf.sum(c.run(xi as tf.Tensor2D, [wi])));
  return () => {
    const grads = tf.tidy(() => g([x, w]));
    grads[1]!.dataSync();
    tf.dispose(grads);
  };
}

/** The paper circuit in quantum-circuit (its wire 0 is the least significant bit). */
function peerForward(weights: number[][], wires: number): (features: number[]) => number[] {
  const qc = new QuantumCircuit(wires);
  const q = (w: number) => wires - 1 - w;
  for (const layer of weights) {
    layer.forEach((theta, i) => qc.addGate("rx", -1, q(i), { params: { theta } }));
    for (let i = 0; i < wires; i++) qc.addGate("cx", -1, [q(i), q((i + 1) % wires)]);
  }
  return (features) => {
    const norm = Math.hypot(...features);
    qc.run(null, { initialState: features.map((v) => v / norm) });
    const out = new Array<number>(wires).fill(0);
    for (
      const [key, amp] of Object.entries(qc.state as Record<string, { re: number; im: number }>)
    ) {
      const p = amp.re * amp.re + amp.im * amp.im;
      for (let w = 0; w < wires; w++) out[w]! += (Number(key) >> q(w)) & 1 ? -p : p;
    }
    return out;
  };
}

async function writeJSON(path: string, value: unknown): Promise<void> {
  await Deno.mkdir(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  const tmp = `${path}.tmp`;
  await Deno.writeTextFile(tmp, JSON.stringify(value, null, 2) + "\n");
  await Deno.rename(tmp, path);
}

function rate(ms: number, samples: number): number {
  return (samples / ms) * 1000;
}

/** Runs the benchmark; `args` are the command-line arguments after the name. */
export async function main(args: string[]): Promise<void> {
  const backend = (args.find((a) => a.startsWith("--backend="))?.split("=")[1] ?? "wasm") as
    | "wasm"
    | "cpu";
  const quick = args.includes("--quick");
  const info = await setupRuntime({ backend, seed: 1 });
  const trials = quick ? 10 : 40;
  console.log(`backend ${info.backend}; ${trials} timed trials per case; min and median wall time`);

  const c = paperCircuit();
  const x = tf.randomNormal([BATCH, 16], 0, 1, "float32", 1) as tf.Tensor2D;
  const w = tf.randomUniform([2, 4], 0, 2 * Math.PI, "float32", 2);
  const ours = timeIt(forwardBackward(c, x, w), trials);

  // The peer runs one sample per call: each timed call is one sample, same statistics.
  const rows = x.arraySync();
  const peer = peerForward(w.arraySync() as number[][], 4);
  let next = 0;
  const theirs = timeIt(() => peer(rows[next++ % BATCH]!), quick ? BATCH / 2 : 2 * BATCH);
  // The two simulators must agree, or the comparison is meaningless.
  const check = tf.tidy(() => c.run(x, [w]).arraySync());
  const gap = Math.max(
    ...rows.slice(0, 8).flatMap((r, i) => peer(r).map((v, j) => Math.abs(v - check[i]![j]!))),
  );
  const ratio = { min: theirs.min * BATCH / ours.min, median: theirs.median * BATCH / ours.median };
  console.log(
    `paper circuit, batch ${BATCH}, forward+backward: ${
      rate(ours.min, BATCH).toFixed(0)
    } samples/s ` +
      `(best ${ours.min.toFixed(2)} ms/batch, median ${ours.median.toFixed(2)} ms: ${
        rate(ours.median, BATCH).toFixed(0)
      } samples/s)`,
  );
  console.log(
    `quantum-circuit, per sample, forward only: ${rate(theirs.min, 1).toFixed(0)} samples/s ` +
      `(best ${theirs.min.toFixed(3)} ms/sample, median ${theirs.median.toFixed(3)} ms: ${
        rate(theirs.median, 1).toFixed(0)
      } samples/s)`,
  );
  const verdict = (r: number) => (r >= RATIO_TARGET ? "met" : "missed");
  console.log(
    `ratio: ${ratio.min.toFixed(0)}x best-to-best (${verdict(ratio.min)}), ${
      ratio.median.toFixed(0)
    }x median-to-median (${verdict(ratio.median)}); target >= ${RATIO_TARGET}x; ` +
      `outputs agree to ${gap.toExponential(1)}`,
  );

  const scaling: { wires: number; minMs: number; medianMs: number }[] = [];
  const maxWires = quick ? 12 : 16;
  for (let n = 4; n <= maxWires; n += 2) {
    const wide = new Circuit(n).amplitudeEmbedding({ normalize: true }).basicEntanglerLayers(2)
      .expval("Z");
    const xi = tf.randomNormal([1, 2 ** n], 0, 1, "float32", n) as tf.Tensor2D;
    const wi = tf.randomUniform([2, n], 0, 2 * Math.PI, "float32", n);
    const t = timeIt(forwardBackward(wide, xi, wi), n >= 14 ? Math.min(trials, 10) : trials);
    tf.dispose([xi, wi]);
    scaling.push({ wires: n, minMs: t.min, medianMs: t.median });
    console.log(
      `${String(n).padStart(2)} wires, 1 sample, forward+backward: best ${t.min.toFixed(2)} ms, ` +
        `median ${t.median.toFixed(2)} ms`,
    );
  }
  const wide = scaling.find((s) => s.wires === 16);
  if (wide) {
    console.log(
      `16 wires: best ${wide.minMs.toFixed(1)} ms, median ${wide.medianMs.toFixed(1)} ms ` +
        `(target < ${WIDE_TARGET_MS} ms: ${
          wide.minMs < WIDE_TARGET_MS ? "met" : "missed"
        } by the best run)`,
    );
  }
  tf.dispose([x, w]);
  await writeJSON("data/bench/quantum.json", {
    date: new Date().toISOString(),
    backend: info.backend,
    batch: BATCH,
    ours: { ...ours, samplesPerSecond: rate(ours.min, BATCH) },
    peer: { ...theirs, samplesPerSecond: rate(theirs.min, 1) },
    ratio,
    ratioTarget: RATIO_TARGET,
    maxDifference: gap,
    scaling,
    wideTargetMs: WIDE_TARGET_MS,
  });
}

if (import.meta.main) await main(Deno.args);
