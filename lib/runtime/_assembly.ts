// Private: the AssemblyScript kernels (assembly/kernels.ts), instantiated on the wasm backend's
// own memory so that they read and write tfjs's tensors in place.
import type { BackendWasm } from "@tensorflow/tfjs-backend-wasm";
import type { ConvGeometry } from "./_wasm.ts";

/** The exports of assembly/kernels.ts; pointers are byte offsets into the backend's heap. */
interface AssemblyExports {
  im2col(
    x: number,
    cols: number,
    batch: number,
    inH: number,
    inW: number,
    inC: number,
    outH: number,
    outW: number,
    kH: number,
    kW: number,
    strideH: number,
    strideW: number,
    dilH: number,
    dilW: number,
    padTop: number,
    padLeft: number,
    add: number,
  ): void;
  maxPoolGrad(
    x: number,
    y: number,
    dy: number,
    dx: number,
    from: number,
    to: number,
    inH: number,
    inW: number,
    c: number,
    outH: number,
    outW: number,
    kH: number,
    kW: number,
    strideH: number,
    strideW: number,
    padTop: number,
    padLeft: number,
  ): void;
  sumRows(x: number, out: number, acc: number, rows: number, width: number): void;
  backpropFilterDirect(
    x: number,
    dy: number,
    dw: number,
    batch: number,
    inH: number,
    inW: number,
    inC: number,
    outH: number,
    outW: number,
    outC: number,
    kH: number,
    kW: number,
    strideH: number,
    strideW: number,
    dilH: number,
    dilW: number,
    padTop: number,
    padLeft: number,
  ): void;
}

const instances = new WeakMap<WebAssembly.Memory, AssemblyExports>();

/** The backend's memory: the threaded build exports it as `wasmMemory`, the others in `asm`. */
export function backendMemory(backend: BackendWasm): WebAssembly.Memory {
  const module = backend.wasm as unknown as {
    wasmMemory?: WebAssembly.Memory;
    asm?: { memory?: WebAssembly.Memory };
  };
  const memory = module.wasmMemory ?? module.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory)) {
    throw new TypeError(
      "Expected the wasm backend to expose its WebAssembly.Memory but found none: use tfjs-backend-wasm 4.22",
    );
  }
  return memory;
}

/** The kernels bound to the backend's memory (instantiated once per memory). */
export function assemblyKernels(backend: BackendWasm): AssemblyExports {
  const memory = backendMemory(backend);
  let kernels = instances.get(memory);
  if (kernels === undefined) {
    const shared = memory.buffer instanceof SharedArrayBuffer;
    const file = shared ? "kernels_shared.wasm" : "kernels.wasm";
    const bytes = Deno.readFileSync(new URL(`./assembly/${file}`, import.meta.url));
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    kernels = instance.exports as unknown as AssemblyExports;
    instances.set(memory, kernels);
  }
  return kernels;
}

/**
 * im2col of `x` into `cols` (`[batch * outH * outW, kH * kW * inC]`), or with `add` its
 * adjoint: adds `cols` back into `x` (which the caller zeroed).
 */
export function im2colInPlace(
  backend: BackendWasm,
  x: Float32Array,
  cols: Float32Array,
  g: ConvGeometry,
  add = false,
): void {
  assemblyKernels(backend).im2col(
    x.byteOffset,
    cols.byteOffset,
    g.batch,
    g.inH,
    g.inW,
    g.inC,
    g.outH,
    g.outW,
    g.kH,
    g.kW,
    g.strideH,
    g.strideW,
    g.dilH,
    g.dilW,
    g.padTop,
    g.padLeft,
    add ? 1 : 0,
  );
}

/** Filters with at most this many taps (`kH * kW * inC`) take the direct filter gradient. */
export const DIRECT_FILTER_TAPS = 32;

/**
 * Conv2DBackpropFilter by direct accumulation into `dw` (`[kH, kW, inC, outC]`), for filters
 * with at most {@linkcode DIRECT_FILTER_TAPS} taps.
 */
export function backpropFilterDirect(
  backend: BackendWasm,
  x: Float32Array,
  dy: Float32Array,
  dw: Float32Array,
  g: ConvGeometry,
): void {
  assemblyKernels(backend).backpropFilterDirect(
    x.byteOffset,
    dy.byteOffset,
    dw.byteOffset,
    g.batch,
    g.inH,
    g.inW,
    g.inC,
    g.outH,
    g.outW,
    g.outC,
    g.kH,
    g.kW,
    g.strideH,
    g.strideW,
    g.dilH,
    g.dilW,
    g.padTop,
    g.padLeft,
  );
}
