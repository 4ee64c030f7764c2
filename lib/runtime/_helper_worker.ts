// Private: a worker that runs part of a JS kernel on the (shared) wasm heap for the main thread.
import { parentPort } from "node:worker_threads";
import { tiledMaxPoolGrad, type TiledPoolGeometry } from "./_tiled_max_pool_grad.ts";
import type { HelperJob } from "./_helper.ts";

if (parentPort === null) {
  throw new Error("Expected to run as a worker thread but found the main thread: spawn it");
}
const port = parentPort;

function view(buffer: SharedArrayBuffer, [offset, length]: [number, number]): Float32Array {
  return new Float32Array(buffer, offset, length);
}

port.on("message", (job: HelperJob) => {
  const flag = new Int32Array(job.flag);
  try {
    const [x, y, g, dx] = job.views.map((v) => view(job.heap, v)) as Float32Array[];
    tiledMaxPoolGrad({ x: x!, y: y!, g: g!, dx: dx! }, job.geometry as TiledPoolGeometry, {
      from: job.from,
      to: job.to,
    });
    Atomics.store(flag, 0, 1);
  } catch {
    Atomics.store(flag, 0, 2);
  }
  Atomics.notify(flag, 0);
});
