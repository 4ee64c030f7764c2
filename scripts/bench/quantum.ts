/**
 * Quantum layer benchmark: `deno task bench quantum [--backend=wasm|cpu] [--quick]`.
 *
 * 1. The paper circuit (4 wires, amplitude embedding, 2 BasicEntanglerLayers, Z on each wire)
 *    at batch 64: forward+backward samples/s of our batched simulator.
 * 2. The same circuit with the per-sample `quantum-circuit` npm package, forward only.
 * 3. Their ratio (target >= 100x).
 * 4. Forward+backward time of one sample from 4 to 16 wires (target: 16 wires < 100 ms).
 *
 * Timings: CPU time per call (robust to other processes sharing the machine) and the best and
 * median wall time over repeated trials. Results are printed and written to `data/bench/quantum.json`.
 *
 * @module
 */
import process from "node:process";
import {
  type CommandSpec,
  parseCommand,
  runMain,
  UsageError,
  usageText,
} from "../../lib/cli/mod.ts";
import * as tf from "@tensorflow/tfjs";
import QuantumCircuit from "quantum-circuit";
import { Circuit, type Fusion, paperCircuit } from "../../lib/quantum/mod.ts";
import { setupRuntime } from "../../lib/runtime/mod.ts";
import { writeJsonAtomic } from "../../lib/results/mod.ts";

/** Throughput target of the batched simulator over the per-sample peer. */
export const RATIO_TARGET = 100;
/** Time target for 16 wires, one sample, forward+backward (ms). */
export const WIDE_TARGET_MS = 100;
const BATCH = 64;

/** A case's timings in ms per call: wall-clock minimum and median, and mean CPU time. */
interface Timing {
  min: number;
  median: number;
  cpu: number;
}

/** Accumulates timed calls of one case over several rounds. */
class Timer {
  #times: number[] = [];
  #cpu = 0;
  constructor(readonly f: () => void) {
    f(); // warm-up
  }

  /** Times `calls` more calls. */
  round(calls: number): void {
    const start = process.cpuUsage();
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      this.f();
      this.#times.push(performance.now() - t0);
    }
    const used = process.cpuUsage(start);
    this.#cpu += (used.user + used.system) / 1000;
  }

  /**
   * The best wall time approaches the unloaded cost on a busy machine; the median shows the
   * typical cost under the load of the moment; CPU time (all threads of this process, so GC
   * included) is a third view.
   */
  result(): Timing {
    const t = [...this.#times].sort((a, b) => a - b);
    return { min: t[0]!, median: t[Math.floor(t.length / 2)]!, cpu: this.#cpu / t.length };
  }
}

/** Times cases in alternating rounds so that each sees the same load on a shared machine. */
function interleaved(timers: Timer[], rounds: number, calls: number[]): Timing[] {
  for (let r = 0; r < rounds; r++) timers.forEach((t, i) => t.round(calls[i]!));
  return timers.map((t) => t.result());
}

function timeIt(f: () => void, trials: number): Timing {
  return interleaved([new Timer(f)], 1, [trials])[0]!;
}

function forwardBackward(
  c: Circuit,
  x: tf.Tensor2D,
  w: tf.Tensor,
  fusion: Fusion = "kernel",
): () => void {
  const g = tf.grads((xi: tf.Tensor, wi: tf.Tensor) =>
    tf.sum(c.run(xi as tf.Tensor2D, [wi], { fusion }))
  );
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

function rate(ms: number, samples: number): number {
  return (samples / ms) * 1000;
}

/** The command line of `deno task bench quantum`. */
export const QUANTUM_BENCH_COMMAND = {
  name: "bench quantum",
  summary: "Times the quantum layer's forward and gradient against the npm quantum-circuit.",
  options: {
    backend: { type: "string", valueName: "wasm|cpu", description: "tfjs backend (default wasm)" },
    quick: { type: "boolean", description: "fewer trials" },
  },
} as const satisfies CommandSpec;

/** Runs the benchmark; `args` are the command-line arguments after the name. */
export async function main(args: string[]): Promise<void> {
  const { values, help } = parseCommand(args, QUANTUM_BENCH_COMMAND);
  if (help) {
    console.log(usageText(QUANTUM_BENCH_COMMAND));
    return;
  }
  const backend = values.backend ?? "wasm";
  if (backend !== "wasm" && backend !== "cpu") {
    throw new UsageError(
      `Expected --backend to be wasm or cpu but found "${backend}": pick one of those`,
    );
  }
  const quick = values.quick;
  const info = await setupRuntime({ backend, seed: 1 });
  const trials = quick ? 10 : 30;
  console.log(`backend ${info.backend}; timings per call: CPU time, best and median wall time`);

  const c = paperCircuit();
  const x = tf.randomNormal([BATCH, 16], 0, 1, "float32", 1) as tf.Tensor2D;
  const w = tf.randomUniform([2, 4], 0, 2 * Math.PI, "float32", 2);
  // The peer runs one sample per call: each timed call is one sample, same statistics.
  const rows = x.arraySync();
  const peer = peerForward(w.arraySync() as number[][], 4);
  let next = 0;
  const [ours, theirs, tensorOps] = interleaved(
    [
      new Timer(forwardBackward(c, x, w)),
      new Timer(() => peer(rows[next++ % BATCH]!)),
      new Timer(forwardBackward(c, x, w, "adjoint")),
    ],
    quick ? 3 : 10,
    [trials, trials, trials],
  ) as [Timing, Timing, Timing];
  // The two simulators must agree, or the comparison is meaningless.
  const check = tf.tidy(() => c.run(x, [w]).arraySync());
  const gap = Math.max(
    ...rows.slice(0, 8).flatMap((r, i) => peer(r).map((v, j) => Math.abs(v - check[i]![j]!))),
  );
  const ratio = {
    min: theirs.min * BATCH / ours.min,
    median: theirs.median * BATCH / ours.median,
    cpu: theirs.cpu * BATCH / ours.cpu,
  };
  const describe = (t: Timing, samples: number) =>
    `${rate(t.min, samples).toFixed(0)} samples/s by best wall time ` +
    `(${t.min.toFixed(3)} ms per call; median ${t.median.toFixed(3)} ms, CPU ${
      t.cpu.toFixed(3)
    } ms)`;
  const verdict = (r: number) => (r >= RATIO_TARGET ? "met" : "missed");
  console.log(`paper circuit, batch ${BATCH}, forward+backward: ${describe(ours, BATCH)}`);
  console.log(
    `the same with fusion "adjoint" (tensor ops, no whole-circuit kernel): ${
      describe(tensorOps, BATCH)
    }`,
  );
  console.log(`quantum-circuit, one sample per call, forward only: ${describe(theirs, 1)}`);
  console.log(
    `ratio (target >= ${RATIO_TARGET}x): ${ratio.min.toFixed(0)}x by best wall time (${
      verdict(ratio.min)
    }); ${ratio.median.toFixed(0)}x by median, ${ratio.cpu.toFixed(0)}x by CPU time; ` +
      `outputs agree to ${gap.toExponential(1)}`,
  );

  const scaling: { wires: number; minMs: number; medianMs: number; cpuMs: number }[] = [];
  const maxWires = quick ? 12 : 16;
  for (let n = 4; n <= maxWires; n += 2) {
    const wide = new Circuit(n).amplitudeEmbedding({ normalize: true }).basicEntanglerLayers(2)
      .expval("Z");
    const xi = tf.randomNormal([1, 2 ** n], 0, 1, "float32", n) as tf.Tensor2D;
    const wi = tf.randomUniform([2, n], 0, 2 * Math.PI, "float32", n);
    const t = timeIt(forwardBackward(wide, xi, wi), n >= 14 ? Math.min(trials, 15) : trials);
    tf.dispose([xi, wi]);
    scaling.push({ wires: n, minMs: t.min, medianMs: t.median, cpuMs: t.cpu });
    const flag = n === 16
      ? ` (target < ${WIDE_TARGET_MS} ms: ${t.min < WIDE_TARGET_MS ? "met" : "missed"})`
      : "";
    console.log(
      `${String(n).padStart(2)} wires, 1 sample, forward+backward: best ${
        t.min.toFixed(2)
      } ms${flag}; ` +
        `median ${t.median.toFixed(2)} ms, CPU ${t.cpu.toFixed(2)} ms`,
    );
  }
  tf.dispose([x, w]);
  await writeJsonAtomic("data/bench/quantum.json", {
    date: new Date().toISOString(),
    backend: info.backend,
    batch: BATCH,
    ours: { ...ours, samplesPerSecond: rate(ours.min, BATCH) },
    oursTensorOps: { ...tensorOps, samplesPerSecond: rate(tensorOps.min, BATCH) },
    peer: { ...theirs, samplesPerSecond: rate(theirs.min, 1) },
    ratio,
    ratioTarget: RATIO_TARGET,
    maxDifference: gap,
    scaling,
    wideTargetMs: WIDE_TARGET_MS,
  }, 2);
}

if (import.meta.main) await runMain(main, { spec: QUANTUM_BENCH_COMMAND });
