// The PyTorch batched-statevector peer of `bench quantum` (peers/torch_quantum.py): runs it,
// and builds the deterministic check input it uses, so both sides can be compared.
import * as tf from "@tensorflow/tfjs";

const PYTHONS = ["/usr/bin/python3", "python3"];

/** One wire count's forward+backward timing in the peer. */
export interface PeerTiming {
  wires: number;
  /** The faster of the thread settings tried. */
  threads: number;
  best_ms: number;
  median_ms: number;
}

/** What the peer prints. */
export interface TorchQuantumResult {
  threads: number[];
  version: string;
  batch: number;
  results: PeerTiming[];
  /** Outputs `[2, wires]` of the check input, for comparison with ours. */
  check: { wires: number; outputs: number[][] };
}

/**
 * Runs the peer for several wire counts in one process.
 *
 * @param wires Wire counts to time.
 * @param options Batch, entangler layers, timed repeats per wire count and the torch thread
 *   counts to try (the faster counts).
 * @returns The peer's result, or `null` when no python3 with torch runs.
 */
export async function runTorchQuantum(
  wires: number[],
  { batch, layers, repeats, threads }: {
    batch: number;
    layers: number;
    repeats: number;
    threads: number[];
  },
): Promise<TorchQuantumResult | null> {
  const script = new URL("./peers/torch_quantum.py", import.meta.url).pathname;
  const args = [script, "--wires", ...wires.map(String), "--batch", String(batch)];
  args.push("--layers", String(layers), "--repeats", String(repeats));
  args.push("--threads", ...threads.map(String));
  for (const python of PYTHONS) {
    try {
      const { code, stdout } = await new Deno.Command(python, {
        args,
        stdout: "piped",
        stderr: "null",
      }).output();
      if (code === 0) return JSON.parse(new TextDecoder().decode(stdout).trim());
    } catch {
      continue;
    }
  }
  return null;
}

/**
 * The peer's check input: `x[b, k] = sin(1 + b * 2**n + k)`, `w[l, q] = 0.1 + 0.3 l + 0.7 q`.
 *
 * @returns `x` of shape `[batch, 2 ** wires]` and `w` of shape `[layers, wires]`; the caller
 *   disposes them.
 */
export function checkInputs(
  batch: number,
  wires: number,
  layers: number,
): { x: tf.Tensor2D; w: tf.Tensor2D } {
  const size = 2 ** wires;
  const x = Float32Array.from({ length: batch * size }, (_, i) => Math.sin(1 + i));
  const w = Array.from(
    { length: layers },
    (_, l) => Array.from({ length: wires }, (_, q) => 0.1 + 0.3 * l + 0.7 * q),
  );
  return { x: tf.tensor2d(x, [batch, size]), w: tf.tensor2d(w) };
}

/** Our timing and the peer's for one wire count, in ms per forward+backward call. */
export interface PeerComparison {
  wires: number;
  oursBestMs: number;
  oursMedianMs: number;
  torchBestMs: number;
  torchMedianMs: number;
  /** PyTorch's faster thread count in its best round. */
  torchThreads: number;
  /** Throughput ratio ours/PyTorch by best time. */
  ratio: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Times our simulator and the PyTorch peer on the same circuits, forward+backward at one batch
 * size, in alternating rounds (ours for every wire count, then the peer's process for every
 * wire count), and checks both compute the same outputs at 4 wires.
 *
 * @param build The circuit for a wire count, with our forward+backward call on given inputs.
 * @param options Wire counts, batch, entangler layers, rounds, timed repeats and torch threads.
 * @returns Per wire count timings and ratios, the peer's largest output difference from ours,
 *   and its version; `null` without python3 and torch.
 */
export async function compareWithTorch(
  build: (wires: number, x: tf.Tensor2D, w: tf.Tensor) => {
    step: () => void;
    outputs: () => number[][];
  },
  { wires, batch, layers, rounds, repeats, threads }: {
    wires: number[];
    batch: number;
    layers: number;
    rounds: number;
    repeats: (wires: number) => number;
    threads: number[];
  },
): Promise<{ rows: PeerComparison[]; gap: number; version: string } | null> {
  const ours = new Map<number, number[]>(wires.map((n) => [n, []]));
  const theirs = new Map<number, number[]>(wires.map((n) => [n, []]));
  const bestThreads = new Map<number, [number, number]>();
  let peer: TorchQuantumResult | null = null;
  for (let round = 0; round < rounds; round++) {
    for (const n of wires) {
      const x = tf.randomNormal([batch, 2 ** n], 0, 1, "float32", n) as tf.Tensor2D;
      const w = tf.randomUniform([layers, n], 0, 2 * Math.PI, "float32", n);
      const { step } = build(n, x, w);
      step();
      for (let i = 0; i < repeats(n); i++) {
        const start = performance.now();
        step();
        ours.get(n)!.push(performance.now() - start);
      }
      tf.dispose([x, w]);
    }
    const repeatsAll = Math.max(...wires.map(repeats));
    peer = await runTorchQuantum(wires, { batch, layers, repeats: repeatsAll, threads });
    if (peer === null) return null;
    for (const r of peer.results) {
      theirs.get(r.wires)!.push(r.best_ms, r.median_ms);
      const seen = bestThreads.get(r.wires);
      if (seen === undefined || r.best_ms < seen[0]) {
        bestThreads.set(r.wires, [r.best_ms, r.threads]);
      }
    }
  }
  const { x, w } = checkInputs(2, peer!.check.wires, layers);
  const mine = build(peer!.check.wires, x, w).outputs();
  tf.dispose([x, w]);
  const gap = Math.max(
    ...mine.flatMap((row, i) => row.map((v, j) => Math.abs(v - peer!.check.outputs[i]![j]!))),
  );
  const rows = wires.map((n) => {
    const o = ours.get(n)!;
    const t = theirs.get(n)!;
    const torchBest = Math.min(...t);
    const oursBest = Math.min(...o);
    return {
      wires: n,
      oursBestMs: oursBest,
      oursMedianMs: median(o),
      torchBestMs: torchBest,
      torchMedianMs: median(t.filter((_, i) => i % 2 === 1)),
      torchThreads: bestThreads.get(n)![1],
      ratio: torchBest / oursBest,
    };
  });
  return { rows, gap, version: peer!.version };
}
