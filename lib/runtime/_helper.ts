// Private: one helper worker that takes half of a batch of a JS kernel when the wasm heap is
// shared (threaded build), so that our JS kernels use a second core too.
import workerThreads from "node:worker_threads";
import {
  type PoolGradBuffers,
  tiledMaxPoolGrad,
  type TiledPoolGeometry,
} from "./_tiled_max_pool_grad.ts";

/** What the main thread posts: the heap, `[byteOffset, length]` of each view, and the range. */
export interface HelperJob {
  heap: SharedArrayBuffer;
  views: [number, number][];
  geometry: TiledPoolGeometry;
  from: number;
  to: number;
  flag: SharedArrayBuffer;
}

const HELPER_URL = new URL("./_helper_worker.ts", import.meta.url);
/** Longest wait for the helper's half, far above its few milliseconds (a cold start included). */
const HELPER_TIMEOUT_MS = 30_000;
let helper: { worker: InstanceType<typeof workerThreads.Worker>; flag: Int32Array } | null = null;

/** Starts the helper worker (once); it never keeps the process alive. */
export function startHelper(): void {
  if (helper !== null) return;
  const worker = new workerThreads.Worker(HELPER_URL);
  worker.unref();
  helper = { worker, flag: new Int32Array(new SharedArrayBuffer(4)) };
}

/** Tiled MaxPoolGrad over a batch; the helper, when running and the heap shared, takes half. */
export function splitTiledMaxPoolGrad(
  buffers: PoolGradBuffers,
  { geometry, batch }: { geometry: TiledPoolGeometry; batch: number },
): void {
  const { x, y, g, dx } = buffers;
  const heap = x.buffer;
  if (helper === null || batch < 2 || !(heap instanceof SharedArrayBuffer)) {
    tiledMaxPoolGrad(buffers, geometry, { from: 0, to: batch });
    return;
  }
  const half = batch >> 1;
  const { flag } = helper;
  Atomics.store(flag, 0, 0);
  const job: HelperJob = {
    heap,
    views: [x, y, g, dx].map((a) => [a.byteOffset, a.length]),
    geometry,
    from: half,
    to: batch,
    flag: flag.buffer as SharedArrayBuffer,
  };
  helper.worker.postMessage(job);
  tiledMaxPoolGrad(buffers, geometry, { from: 0, to: half });
  const waited = Atomics.wait(flag, 0, 0, HELPER_TIMEOUT_MS);
  if (waited === "timed-out" || Atomics.load(flag, 0) !== 1) {
    throw new Error(
      `Expected the helper worker to finish its half but found it ${
        waited === "timed-out" ? "silent" : "failed"
      }: start with setupRuntime({ threads: 1 })`,
    );
  }
}
