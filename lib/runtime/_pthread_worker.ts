// Private: entry point of one wasm-backend pthread, run as a node:worker_threads worker.
// The backend's own pthread script and module factory are evaluated with the Node-only names
// (`process`, `require`, ...) hidden, so they take their plain-Web-Worker code paths, and with
// `self`/`postMessage` bound to this worker's parent port.
import { parentPort } from "node:worker_threads";
import factoryModule from "@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js";
import workerModule from "@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js";

type Handler = (event: { data: unknown }) => void;

if (parentPort === null) {
  throw new Error("Expected to run as a worker thread but found the main thread: spawn it");
}
const port = parentPort;
const scope: { onmessage?: Handler; location: { href: string }; [key: string]: unknown } = {
  location: { href: import.meta.url },
};
const post = (message: unknown, transfer?: Transferable[]) =>
  port.postMessage(message, transfer as never);
const hidden = ["process", "require", "__filename", "__dirname", "module", "exports", "global"];
const names = [...hidden, "_scriptDir", "self", "postMessage", "importScripts"];
const bindings = [...hidden.map(() => undefined), undefined, scope, post, () => {}];

const factorySource = String((factoryModule as { default?: unknown }).default ?? factoryModule);
const factory = new Function(...names, `return (${factorySource});`)(...bindings);
// The package stores the script in a template literal, which turned its "\\n" escapes into
// real line breaks inside string literals; restore them as the backend does.
const workerSource = (workerModule as { wasmWorkerContents: string }).wasmWorkerContents
  .replace(/\n/g, "\\n");
new Function(...names, "WasmBackendModuleThreadedSimd", workerSource)(...bindings, factory);
// The factory calls `startWorker` by its bare (global) name once the thread's instance is ready.
Object.assign(globalThis, {
  startWorker: (instance: unknown) => (scope.startWorker as (i: unknown) => void)(instance),
});
port.on("message", (data: unknown) => scope.onmessage?.({ data }));
