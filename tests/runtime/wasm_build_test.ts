import assert from "node:assert/strict";
import { buildKernels, compileKernels } from "../../scripts/wasm.ts";

/** Section ids of a wasm binary, in order (each section: id byte, LEB128 size, body). */
function sectionIds(bytes: Uint8Array): number[] {
  const ids: number[] = [];
  for (let at = 8; at < bytes.length;) {
    ids.push(bytes[at++]!);
    let size = 0;
    for (let shift = 0;; shift += 7) {
      const byte = bytes[at++]!;
      size |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
    }
    at += size;
  }
  return ids;
}

/** Data (11) and global (6) sections would write to or reserve the backend's memory. */
const DATA_SECTION = 11, GLOBAL_SECTION = 6;

Deno.test("buildKernels() finds the committed kernels .wasm current with their source", async () => {
  assert.deepEqual(await buildKernels(true), []);
});

Deno.test("compileKernels() imports the backend's memory and keeps no data of its own", async () => {
  for (const shared of [false, true]) {
    const bytes = await compileKernels(shared);
    const ids = sectionIds(bytes);
    assert.ok(!ids.includes(DATA_SECTION) && !ids.includes(GLOBAL_SECTION), `sections ${ids}`);
    const module = new WebAssembly.Module(bytes);
    assert.deepEqual(WebAssembly.Module.imports(module), [
      { module: "env", name: "memory", kind: "memory" },
    ]);
    const names = WebAssembly.Module.exports(module).map((e) => e.name).sort();
    assert.deepEqual(names, ["backpropFilterDirect", "im2col", "maxPoolGrad", "memory", "sumRows"]);
  }
});
