import assert from "node:assert/strict";
import {
  JUPYTER_INSTALL_COMMAND,
  JupyterUnavailableError,
  KERNEL_INSTALL_COMMAND,
  requireJupyter,
} from "../../lib/notebook/jupyter.ts";
import { jupyterTest } from "./_gate.ts";

/** Runs `fn` with environment variables set, restoring them afterwards. */
async function withEnv(vars: Record<string, string>, fn: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, Deno.env.get(k)]));
  try {
    for (const [k, v] of Object.entries(vars)) Deno.env.set(k, v);
    await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) Deno.env.delete(k);
      else Deno.env.set(k, v);
    }
  }
}

Deno.test("requireJupyter() names the install command when jupyter is not on PATH", async () => {
  const empty = await Deno.makeTempDir({ prefix: "hqc-no-jupyter-" });
  try {
    await withEnv({ PATH: empty }, async () => {
      await assert.rejects(requireJupyter(), (error: unknown) => {
        assert.ok(error instanceof JupyterUnavailableError);
        assert.equal(error.missing, "jupyter");
        assert.ok(error.message.includes(JUPYTER_INSTALL_COMMAND), error.message);
        assert.ok(error.message.includes(KERNEL_INSTALL_COMMAND), error.message);
        return true;
      });
    });
  } finally {
    await Deno.remove(empty, { recursive: true });
  }
});

jupyterTest("requireJupyter() names deno task kernel when the Deno kernel is missing", async () => {
  await assert.rejects(
    requireJupyter({ kernelName: "no-such-kernel-hqc" }),
    (error: unknown) =>
      error instanceof JupyterUnavailableError && error.missing === "kernel" &&
      error.message.includes(`register the Deno kernel with ${KERNEL_INSTALL_COMMAND}`),
  );
});

jupyterTest("requireJupyter() finds the Deno kernel and the deno binary it starts", async () => {
  const found = await requireJupyter();
  // The test task may not read outside the project, so python3 (which Jupyter needs) checks the file.
  const check = await new Deno.Command("python3", {
    args: [
      "-c",
      "import os, sys; sys.exit(0 if os.path.isfile(sys.argv[1]) else 1)",
      found.kernelProgram,
    ],
  }).output();
  assert.ok(check.success, `${found.kernelProgram} is not a file`);
  assert.match(found.nbconvertVersion, /^\d+\.\d+/);
});
