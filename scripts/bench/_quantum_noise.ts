/**
 * Noisy-simulation part of `deno task bench quantum`: forward+backward time of the paper's
 * ansatz (two BasicEntanglerLayers) with a depolarizing channel on every wire after each layer
 * (so the second layer, the channels and the readout run on the density matrix), and with the
 * channels only at the end (everything before them runs on the statevector), from 4 to 10
 * wires, against the same circuit without noise in the same run.
 *
 * @module
 */
import process from "node:process";
import * as tf from "@tensorflow/tfjs";
import { Circuit } from "../../lib/quantum/mod.ts";

/** Depolarizing probability of the benchmarked channels. */
const NOISE_P = 0.01;

/** One register size: best and median wall time (ms) of noisy and noise-free runs. */
export interface NoisyTiming {
  wires: number;
  batch: number;
  noisyMinMs: number;
  noisyMedianMs: number;
  /** Channels after the last layer only. */
  endNoiseMinMs: number;
  pureMinMs: number;
  /** noisy (between layers) / noise-free best time. */
  slowdown: number;
}

function circuit(n: number, noise: "none" | "layers" | "end"): Circuit {
  const all = [...Array(n).keys()];
  const c = new Circuit(n).amplitudeEmbedding({ normalize: true }).basicEntanglerLayers(1);
  if (noise === "layers") c.depolarizing(all, NOISE_P);
  c.basicEntanglerLayers(1);
  if (noise !== "none") c.depolarizing(all, NOISE_P);
  return c.expval("Z");
}

function timed(c: Circuit, x: tf.Tensor2D, w: tf.Tensor[], trials: number): number[] {
  const g = tf.grads((...args: tf.Tensor[]) =>
    tf.sum(c.run(args[0] as tf.Tensor2D, args.slice(1)))
  );
  const once = () => {
    const grads = tf.tidy(() => g([x, ...w]));
    grads[1]!.dataSync();
    tf.dispose(grads);
  };
  once(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < trials; i++) {
    const t0 = performance.now();
    once();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Times noisy against noise-free forward+backward at 4 to 10 wires and prints one line each.
 *
 * @param trials Timed calls per case (fewer at 10 wires).
 */
export function noisyScaling({ trials, quick }: { trials: number; quick: boolean }): NoisyTiming[] {
  const out: NoisyTiming[] = [];
  for (const n of [4, 6, 8, 10]) {
    const batch = n <= 6 ? 64 : 1;
    const x = tf.randomNormal([batch, 2 ** n], 0, 1, "float32", n) as tf.Tensor2D;
    const w = [0, 1].map((i) => tf.randomUniform([1, n], 0, 2 * Math.PI, "float32", n + i));
    const k = n >= 10 ? Math.min(trials, quick ? 3 : 5) : trials;
    const start = process.cpuUsage();
    const noisy = timed(circuit(n, "layers"), x, w, k);
    const end = timed(circuit(n, "end"), x, w, k);
    const pure = timed(circuit(n, "none"), x, w, k);
    const cpu = process.cpuUsage(start);
    tf.dispose([x, ...w]);
    const row: NoisyTiming = {
      wires: n,
      batch,
      noisyMinMs: noisy[0]!,
      noisyMedianMs: noisy[Math.floor(k / 2)]!,
      endNoiseMinMs: end[0]!,
      pureMinMs: pure[0]!,
      slowdown: noisy[0]! / pure[0]!,
    };
    out.push(row);
    console.log(
      `${String(n).padStart(2)} wires, batch ${batch}, forward+backward with depolarizing ` +
        `noise after each layer (density matrix): best ${row.noisyMinMs.toFixed(2)} ms (median ${
          row.noisyMedianMs.toFixed(2)
        } ms); noise after the last layer only ${row.endNoiseMinMs.toFixed(2)} ms; noise-free ${
          row.pureMinMs.toFixed(2)
        } ms: ${row.slowdown.toFixed(1)}x (CPU ${
          ((cpu.user + cpu.system) / 1000).toFixed(0)
        } ms for all three)`,
    );
  }
  return out;
}
