/**
 * Rebuilds the committed AssemblyScript kernels (`lib/runtime/assembly/kernels.ts`) into
 * `kernels.wasm` (for the single-threaded wasm build's memory) and `kernels_shared.wasm` (for
 * the threaded build's shared memory), or with `--check` fails when either is out of date.
 *
 * Usage: `deno task wasm [--check]`
 *
 * @module
 */
import asc from "assemblyscript/asc";

const ASSEMBLY = new URL("../lib/runtime/assembly/", import.meta.url);
const SOURCE = "kernels.ts";
/** Pages of the threaded build's memory maximum (4 GiB); an import must declare the same. */
const SHARED_MAXIMUM_PAGES = 65536;

/** Output file name for the plain or the shared-memory variant. */
export function wasmName(shared: boolean): string {
  return shared ? "kernels_shared.wasm" : "kernels.wasm";
}

/**
 * Compiles the kernels' source with the committed compiler options.
 *
 * @param shared Whether the module imports a shared memory (the threaded wasm build).
 * @returns The module's bytes.
 */
export async function compileKernels(shared: boolean): Promise<Uint8Array<ArrayBuffer>> {
  const source = await Deno.readTextFile(new URL(SOURCE, ASSEMBLY));
  const result = await asc.compileString({ [SOURCE]: source }, {
    optimizeLevel: 3,
    shrinkLevel: 0,
    runtime: "stub",
    noAssert: true,
    importMemory: true,
    initialMemory: 0,
    use: ["abort="],
    enable: shared ? ["simd", "threads"] : ["simd"],
    ...(shared ? { sharedMemory: true, maximumMemory: SHARED_MAXIMUM_PAGES } : {}),
  });
  if (result.error !== null || result.binary === null) {
    throw new Error(
      `Expected ${SOURCE} to compile but found: ${result.stderr.toString()}: fix the source`,
    );
  }
  return new Uint8Array(result.binary);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Builds both variants; with `check`, compares them with the committed files instead.
 *
 * @param check Compare instead of writing.
 * @returns Names of the files that differ (always empty when writing).
 */
export async function buildKernels(check: boolean): Promise<string[]> {
  const stale: string[] = [];
  for (const shared of [false, true]) {
    const target = new URL(wasmName(shared), ASSEMBLY);
    const bytes = await compileKernels(shared);
    if (!check) {
      await Deno.writeFile(target, bytes);
      continue;
    }
    const committed = await Deno.readFile(target).catch(() => new Uint8Array());
    if (!sameBytes(bytes, committed)) stale.push(wasmName(shared));
  }
  return stale;
}

if (import.meta.main) {
  const check = Deno.args.includes("--check");
  const stale = await buildKernels(check);
  if (stale.length > 0) {
    console.error(
      `Expected the committed ${
        stale.join(", ")
      } to match ${SOURCE} but found them stale: run deno task wasm`,
    );
    Deno.exit(1);
  }
  console.log(check ? "kernels wasm is current" : `wrote ${wasmName(false)}, ${wasmName(true)}`);
}
