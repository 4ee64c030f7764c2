import * as tf from "@tensorflow/tfjs";
import wt from "node:worker_threads";
import { getThreadsCount, setThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
const WORKER = new URL("../lib/runtime/_pthread_worker.ts", import.meta.url);
const Original = wt.Worker;
class PthreadWorker extends Original {
  constructor(_path: unknown) { super(new URL("file:///work/main/lib/runtime/_pthread_worker.ts")); }
  override postMessage(msg: any, transfer?: any) {
    if (msg && msg.cmd === "load") msg = { ...msg, urlOrBlob: "" };
    return super.postMessage(msg, transfer);
  }
}
(wt as any).Worker = PthreadWorker;
const denoWorker = globalThis.Worker;
tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", true);
setWasmPaths(decodeURIComponent(new URL(".", import.meta.resolve("@tensorflow/tfjs-backend-wasm")).pathname));
setThreadsCount(Number(Deno.args[0] ?? 2));
import os from "node:os";
const realCpus = os.cpus;
(os as any).cpus = () => { const c = realCpus(); return [...c, ...c]; };
const t0 = performance.now();
console.log(await tf.setBackend("wasm"));
(wt as any).Worker = Original; (os as any).cpus = realCpus; globalThis.Worker = denoWorker;
console.log("threads", getThreadsCount(), performance.now() - t0);
const a = tf.randomNormal([1024, 1024]); 
for (let k = 0; k < 5; k++) { const t = performance.now(); for (let i=0;i<20;i++) tf.matMul(a,a).dispose(); console.log("mm ms", (performance.now()-t)/20); }
