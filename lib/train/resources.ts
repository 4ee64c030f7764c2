/**
 * Resource sampling during training: process and system CPU utilisation,
 * resident memory and tfjs tensor memory.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import process from "node:process";
import type { ResourceSample } from "../results/mod.ts";

const MIB = 1024 * 1024;
const MICROS_PER_SECOND = 1e6;

/** Options of {@link ResourceSampler}. */
export interface ResourceSamplerOptions {
  /** Minimum seconds between two samples taken by {@link ResourceSampler.maybeSample}. @default {0.5} */
  intervalSeconds?: number;
  /** Logical cores the process CPU time is divided by. @default {navigator.hardwareConcurrency} */
  cores?: number;
  /** Seconds already on the clock (a resumed run continues its time axis). @default {0} */
  startSeconds?: number;
}

interface CpuTimes {
  busy: number;
  total: number;
}

/** Whether `error` is Deno refusing a permission (as opposed to the OS lacking the file or call). */
function isPermissionError(error: unknown): boolean {
  return error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied;
}

/**
 * Reads the aggregate line of /proc/stat; `null` where it cannot be read: Deno
 * grants /proc/stat only to `--allow-all`, so scoped runs use the load average.
 */
function readSystemCpu(): CpuTimes | null {
  let text: string;
  try {
    text = Deno.readTextFileSync("/proc/stat");
  } catch {
    return null;
  }
  const line = text.split("\n", 1)[0] ?? "";
  const fields = line.trim().split(/\s+/).slice(1).map(Number);
  if (fields.length < 4 || fields.some((f) => !Number.isFinite(f))) return null;
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3]! + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * One-minute load average over cores as a percentage (where /proc/stat is missing).
 *
 * @throws {Error} when `--allow-sys=loadavg` is missing: a denied permission never reads as 0 %.
 */
function loadPercent(cores: number): number {
  try {
    return Math.min(100, (Deno.loadavg()[0]! / cores) * 100);
  } catch (error) {
    if (isPermissionError(error)) {
      throw new Error(
        "Expected the system load average but found --allow-sys=loadavg denied: add loadavg to --allow-sys (the deno.json tasks do)",
        { cause: error },
      );
    }
    throw error;
  }
}

function rssMB(): number {
  return Deno.memoryUsage().rss / MIB;
}

/**
 * Samples CPU and memory use. Call {@link ResourceSampler.maybeSample} often (every batch):
 * it records a sample whenever `intervalSeconds` have passed, so samples cover the epoch and
 * not only its end. CPU percentages are deltas since the previous sample.
 *
 * @example
 * ```ts
 * import { ResourceSampler } from "./resources.ts";
 * const sampler = new ResourceSampler({ intervalSeconds: 0 });
 * sampler.beginEpoch(1);
 * const s = sampler.sample();
 * if (!(s.rssMB > 0)) throw new Error();
 * ```
 */
export class ResourceSampler {
  /** Every sample taken so far, oldest first. */
  readonly samples: ResourceSample[] = [];
  readonly intervalSeconds: number;
  readonly cores: number;
  #origin: number;
  #epoch = 0;
  #epochStart = 0;
  #lastWall: number;
  #lastCpu: number;
  #lastSystem: CpuTimes | null;

  constructor(
    { intervalSeconds = 0.5, cores = navigator.hardwareConcurrency || 1, startSeconds = 0 }:
      ResourceSamplerOptions = {},
  ) {
    this.intervalSeconds = intervalSeconds;
    this.cores = cores;
    this.#origin = performance.now() / 1000 - startSeconds;
    this.#lastWall = performance.now() / 1000;
    this.#lastCpu = this.#processCpuSeconds();
    this.#lastSystem = readSystemCpu();
  }

  #processCpuSeconds(): number {
    const { user, system } = process.cpuUsage();
    return (user + system) / MICROS_PER_SECOND;
  }

  /** Starts attributing samples to `epoch` (1-based) and resets the CPU baselines. */
  beginEpoch(epoch: number): void {
    this.#epoch = epoch;
    this.#epochStart = this.samples.length;
    this.#lastWall = performance.now() / 1000;
    this.#lastCpu = this.#processCpuSeconds();
    this.#lastSystem = readSystemCpu();
  }

  /** Takes a sample if `intervalSeconds` have passed since the last one. */
  maybeSample(): ResourceSample | null {
    return performance.now() / 1000 - this.#lastWall >= this.intervalSeconds ? this.sample() : null;
  }

  /** Takes a sample now. */
  sample(): ResourceSample {
    const wall = performance.now() / 1000;
    const cpu = this.#processCpuSeconds();
    const system = readSystemCpu();
    const dWall = Math.max(wall - this.#lastWall, 1e-9);
    const cpuProcessPercent = Math.min(100, ((cpu - this.#lastCpu) / dWall / this.cores) * 100);
    const cpuSystemPercent = system && this.#lastSystem && system.total > this.#lastSystem.total
      ? ((system.busy - this.#lastSystem.busy) / (system.total - this.#lastSystem.total)) * 100
      : loadPercent(this.cores);
    this.#lastWall = wall;
    this.#lastCpu = cpu;
    if (system) this.#lastSystem = system;
    const sample: ResourceSample = {
      epoch: this.#epoch,
      t: wall - this.#origin,
      cpuProcessPercent,
      cpuSystemPercent,
      rssMB: rssMB(),
      tensorMB: tf.memory().numBytes / MIB,
    };
    this.samples.push(sample);
    return sample;
  }

  /**
   * Summary of the current epoch's samples: mean CPU percentages, peak memory.
   * Takes a closing sample first so every epoch has at least one.
   */
  endEpoch(): Pick<
    ResourceSample,
    "cpuProcessPercent" | "cpuSystemPercent" | "rssMB" | "tensorMB"
  > {
    this.sample();
    const mine = this.samples.slice(this.#epochStart);
    const mean = (f: (s: ResourceSample) => number) =>
      mine.reduce((a, s) => a + f(s), 0) / mine.length;
    return {
      cpuProcessPercent: mean((s) => s.cpuProcessPercent),
      cpuSystemPercent: mean((s) => s.cpuSystemPercent),
      rssMB: Math.max(...mine.map((s) => s.rssMB)),
      tensorMB: Math.max(...mine.map((s) => s.tensorMB)),
    };
  }
}
