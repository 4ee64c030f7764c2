// Private: finds and opens a CBLAS library through Deno FFI for the native kernel set.
//
// `cblas_sgemm` is a stable C ABI served alike by OpenBLAS, BLIS, MKL and Apple Accelerate.
// Deno's FFI takes typed-array views of the wasm heap as "buffer" arguments, so products run
// on tfjs's tensors in place.

/** Environment variable naming a CBLAS library path, or `off` for the wasm kernels. */
export const BLAS_ENV = "HQC_BLAS";

/** Where distributions install a CBLAS library, most specific first. */
export const BLAS_CANDIDATES: Record<string, string[]> = {
  linux: [
    "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
    "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
    "/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3",
    "/usr/lib/aarch64-linux-gnu/libopenblas.so.0",
    "/usr/lib/aarch64-linux-gnu/openblas-pthread/libopenblas.so.0",
  ],
  darwin: [
    "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
    "/usr/local/opt/openblas/lib/libopenblas.dylib",
    "/System/Library/Frameworks/Accelerate.framework/Accelerate",
  ],
};

/** How to install a CBLAS library on this platform. */
export function blasInstallHint(): string {
  return Deno.build.os === "darwin"
    ? "brew install openblas"
    : "apt-get install -y libopenblas0-pthread";
}

const ROW_MAJOR = 101;
const NO_TRANS = 111;
const TRANS = 112;

const SYMBOLS = {
  cblas_sgemm: {
    parameters: [
      "i32",
      "i32",
      "i32",
      "i32",
      "i32",
      "i32",
      "f32",
      "buffer",
      "i32",
      "buffer",
      "i32",
      "f32",
      "buffer",
      "i32",
    ],
    result: "void",
  },
  openblas_set_num_threads: { parameters: ["i32"], result: "void", optional: true },
  openblas_get_num_threads: { parameters: [], result: "i32", optional: true },
  MKL_Set_Num_Threads: { parameters: ["i32"], result: "void", optional: true },
  bli_thread_set_num_threads: { parameters: ["i64"], result: "void", optional: true },
} as const;

/** An open CBLAS library. */
export interface Blas {
  /** The library's path. */
  path: string;
  /** Threads its products use (1 when the library offers no way to set them). */
  threads: number;
  /**
   * Row-major `C = op(A)·op(B) + beta·C` with `op(A)` of `m x k` and `op(B)` of `k x n`; the
   * arrays are views that start at each matrix's first element.
   */
  sgemm(
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    b: Float32Array,
    c: Float32Array,
    beta?: number,
  ): void;
}

/** Why no library was opened, for the start-up line. */
export interface BlasMissing {
  reason: string;
}

/** Whether a file is there, when read permission lets us look; `false` when it does not. */
function visible(path: string): boolean {
  try {
    return Deno.statSync(path).isFile;
  } catch {
    return false;
  }
}

function ffiGranted(path: string): boolean {
  return Deno.permissions.querySync({ name: "ffi", path }).state === "granted";
}

function open(path: string, threads: number): Blas {
  const lib = Deno.dlopen(path, SYMBOLS);
  const s = lib.symbols;
  if (s.openblas_set_num_threads) s.openblas_set_num_threads(threads);
  else if (s.MKL_Set_Num_Threads) s.MKL_Set_Num_Threads(threads);
  else if (s.bli_thread_set_num_threads) s.bli_thread_set_num_threads(BigInt(threads));
  const settable = s.openblas_set_num_threads ?? s.MKL_Set_Num_Threads ??
    s.bli_thread_set_num_threads;
  const used = s.openblas_get_num_threads?.() ?? (settable ? threads : 1);
  const sgemm = s.cblas_sgemm;
  return {
    path,
    threads: used,
    sgemm(transA, transB, m, n, k, a, b, c, beta = 0) {
      const lda = transA ? m : k;
      const ldb = transB ? k : n;
      sgemm(
        ROW_MAJOR,
        transA ? TRANS : NO_TRANS,
        transB ? TRANS : NO_TRANS,
        m,
        n,
        k,
        1,
        a,
        lda,
        b,
        ldb,
        beta,
        c,
        n,
      );
    },
  };
}

let opened: Blas | null = null;

/**
 * Opens the CBLAS library named by `HQC_BLAS`, or else the first one found at the usual paths
 * that `--allow-ffi` grants. A library stays open for the process, with the thread count of
 * the first call.
 *
 * @param threads Threads for its products.
 * @returns The library, or why there is none (`HQC_BLAS=off`, none installed, no permission).
 */
export function openBlas(threads: number): Blas | BlasMissing {
  if (opened !== null) return opened;
  // Without permission to read the variable it counts as unset.
  const readable = Deno.permissions.querySync({ name: "env", variable: BLAS_ENV }).state;
  const named = readable === "granted" ? Deno.env.get(BLAS_ENV) : undefined;
  if (named === "off") return { reason: `${BLAS_ENV}=off` };
  if (named !== undefined && named !== "") {
    if (!ffiGranted(named)) {
      throw new Error(
        `Expected --allow-ffi to grant ${BLAS_ENV}=${named} but found it denied: add --allow-ffi=${named}`,
      );
    }
    opened = open(named, threads);
    return opened;
  }
  const candidates = BLAS_CANDIDATES[Deno.build.os] ?? [];
  // Opening needs only FFI permission: a path that is not there fails to open.
  for (const path of candidates) {
    if (!ffiGranted(path)) continue;
    try {
      opened = open(path, threads);
      return opened;
    } catch {
      continue; // Not installed there, or a library without cblas_sgemm.
    }
  }
  const denied = candidates.filter((path) => !ffiGranted(path) && visible(path));
  return {
    reason: denied.length > 0
      ? `--allow-ffi does not grant ${denied[0]}`
      : `no CBLAS library found (${blasInstallHint()})`,
  };
}
