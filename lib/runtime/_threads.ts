// Private: starts the wasm backend's threaded (pthreads + SIMD) build under Deno.
//
// The backend refuses threads when it detects Node (Deno reports itself as Node to npm code), and
// its Emscripten glue then takes its Node code paths: it spawns each pthread as a
// `node:worker_threads` Worker of a Blob URL holding a classic-worker script (which Deno cannot
// run), and it sizes XNNPACK's thread pool from `os.cpus().length / 2` (hyper-threading guess),
// which is 1 on a 2-core machine. So, only while the backend starts, we
// - set `WASM_HAS_MULTITHREAD_SUPPORT` so that it picks the threaded build,
// - swap `worker_threads.Worker` for a subclass that starts our module worker instead, and
// - report twice the wanted thread count as CPUs, so that the pool gets exactly `threads`,
// and restore all three (plus the global `Worker` the glue overwrites) afterwards.
import * as tf from "@tensorflow/tfjs";
import os from "node:os";
import workerThreads from "node:worker_threads";

const WORKER_URL = new URL("./_pthread_worker.ts", import.meta.url);
/** The backend guesses two hardware threads per core and halves the CPU count. */
const CPUS_PER_POOL_THREAD = 2;

const NodeWorker = workerThreads.Worker;

type Listener = (value: unknown) => void;

/** The pool being built by the backend start in progress. */
const pool = { workers: [] as LazyPthreadWorker[], eager: 0 };

/**
 * A pthread worker as the glue sees it. The glue pre-allocates a pool of 8 workers and waits for
 * each to load the module, though XNNPACK's pool takes only `threads - 1` of them (the last
 * ones allocated). Those start our module worker at once, so that a worker that cannot start
 * fails the backend's start instead of hanging its first thread; the others answer "loaded"
 * themselves and start one only if the glue ever gives them a thread to run. The glue unrefs a
 * worker once loaded, so that it never keeps the process alive.
 */
class LazyPthreadWorker {
  #real: InstanceType<typeof NodeWorker> | null = null;
  #load: unknown = null;
  #faked = false;
  #listeners: [string, Listener][] = [];

  constructor(_blobUrl: unknown) {
    pool.workers.push(this);
  }

  on(event: string, listener: Listener): this {
    this.#listeners.push([event, listener]);
    this.#real?.on(event, listener);
    return this;
  }

  postMessage(message: unknown, transfer?: readonly unknown[]): void {
    const data = message as { cmd?: string };
    if (this.#real === null && data?.cmd === "load") {
      // The glue sends the main script as a Blob for the worker to import; ours imports it.
      this.#load = { ...data, urlOrBlob: "" };
      if (pool.workers.indexOf(this) >= pool.workers.length - pool.eager) {
        this.#start();
      } else {
        this.#faked = true;
        setTimeout(() => this.#emit({ cmd: "loaded" }));
      }
      return;
    }
    this.#start().postMessage(message, transfer as never);
  }

  ref(): void {}

  unref(): void {
    this.#real?.unref();
  }

  terminate(): void {
    this.#real?.terminate();
  }

  #emit(data: unknown): void {
    for (const [event, listener] of this.#listeners) if (event === "message") listener(data);
  }

  #start(): InstanceType<typeof NodeWorker> {
    if (this.#real !== null) return this.#real;
    const real = new NodeWorker(WORKER_URL);
    const faked = this.#faked;
    for (const [event, listener] of this.#listeners) {
      // Once the glue counted this worker as loaded, drop the real worker's second notice.
      real.on(event, (value: unknown) => {
        const loaded = event === "message" && (value as { cmd?: string })?.cmd === "loaded";
        if (!(faked && loaded)) listener(value);
      });
    }
    real.postMessage(this.#load);
    if (faked) real.unref();
    this.#real = real;
    return real;
  }
}

/**
 * Runs `start` (which must start the wasm backend) so that the backend loads its threaded build
 * with a pool of `threads` threads.
 *
 * @param threads Threads of XNNPACK's pool, the calling thread included (2 or more).
 * @param start Starts the backend, e.g. `() => tf.setBackend("wasm")`.
 * @returns What `start` returns.
 */
export async function withThreadedWasm<T>(threads: number, start: () => Promise<T>): Promise<T> {
  const cpus = os.cpus;
  const globalWorker = globalThis.Worker;
  // The glue only counts the entries.
  const wanted = Array.from({ length: threads * CPUS_PER_POOL_THREAD }, () => ({}));
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", true);
  pool.workers = [];
  pool.eager = threads - 1;
  Object.assign(workerThreads, { Worker: LazyPthreadWorker });
  Object.assign(os, { cpus: () => wanted });
  try {
    return await start();
  } finally {
    pool.workers = [];
    Object.assign(workerThreads, { Worker: NodeWorker });
    Object.assign(os, { cpus });
    globalThis.Worker = globalWorker;
  }
}
