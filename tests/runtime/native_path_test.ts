import assert from "node:assert/strict";
import { kernelPath, setupRuntime } from "../../lib/runtime/mod.ts";
import { pathTest } from "./_native_gate.ts";

/** Runs `_train_hash.ts` in a fresh process; returns `<threads> <path> <hash>`. */
async function trainHash(
  threads: number,
  kernels: string,
  ffi: string,
  env: Record<string, string> = {},
): Promise<string> {
  const script = new URL("./_train_hash.ts", import.meta.url).pathname;
  const { code, stdout, stderr } = await new Deno.Command("deno", {
    args: [
      "run",
      "--allow-read",
      "--allow-env",
      `--allow-ffi=${ffi}`,
      script,
      String(threads),
      kernels,
    ],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decoder = new TextDecoder();
  assert.equal(code, 0, decoder.decode(stderr));
  return decoder.decode(stdout).trim();
}

pathTest("setupRuntime() reports the CBLAS library and its threads", "native", async () => {
  const info = await setupRuntime({ backend: "wasm", kernels: "native" });
  assert.equal(info.path.path, "native");
  assert.deepEqual(kernelPath(), info.path);
  assert.equal(info.path.threads, info.threads);
  const granted = Deno.permissions.querySync({ name: "ffi", path: info.path.library! });
  assert.equal(granted.state, "granted", info.path.library!);
  assert.ok(info.kernels.includes("Conv2D") && info.kernels.includes("_FusedMatMul"));
});

pathTest("setupRuntime() trains bit for bit alike for one thread count", "native", async () => {
  const library = (await setupRuntime({ backend: "wasm", kernels: "native" })).path.library!;
  for (const threads of [1, 2]) {
    const [first, second] = await Promise.all([
      trainHash(threads, "native", library),
      trainHash(threads, "native", library),
    ]);
    assert.match(first, new RegExp(`^${threads} native [0-9a-f]+$`));
    assert.equal(second, first);
  }
});

pathTest("setupRuntime() takes the wasm path with HQC_BLAS=off", "native", async () => {
  const library = (await setupRuntime({ backend: "wasm", kernels: "native" })).path.library!;
  const line = await trainHash(2, "auto", library, { HQC_BLAS: "off" });
  assert.match(line, /^2 wasm [0-9a-f]+$/);
});
