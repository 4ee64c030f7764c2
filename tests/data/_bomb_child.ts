/**
 * Run in a subprocess by the bomb tests: imports one crafted input and prints,
 * as one JSON line, the error it raised, the bytes written to the cache and the
 * process's peak resident memory (getrusage's ru_maxrss, the VmHWM of
 * /proc/self/status, which Deno only lets a fully privileged process read) (test-only).
 *
 * Linux carries the spawning process's peak into a child's ru_maxrss across exec,
 * so a child of the (large) test runner would report the runner's peak: the
 * test spawns this file with `--outer`, which spawns it again; the inner
 * process's figure is then its own peak (or the small outer one's, at least).
 *
 * Usage: deno run ... _bomb_child.ts [--outer] <cifar100|stl10|mnist> <path> <dataDir>
 */
import process from "node:process";
import { extractArchive, fetchDataset } from "../../lib/data/mod.ts";

if (Deno.args[0] === "--outer") {
  const [kind, path, dataDir] = Deno.args.slice(1) as [string, string, string];
  const repo = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
  const tmp = dataDir.replace(/\/[^/]*$/, "");
  const output = await new Deno.Command("deno", {
    args: [
      "run",
      "--no-prompt",
      `--allow-read=${repo},${tmp}`,
      `--allow-write=${tmp}`,
      new URL(import.meta.url).pathname,
      kind,
      path,
      dataDir,
    ],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  Deno.exit(output.code);
}

const [kind, path, dataDir] = Deno.args as [string, string, string];
let bytesWritten = 0;
let error: { name: string; message: string } | null = null;
try {
  if (kind === "mnist") await fetchDataset("mnist", { dataDir, from: path });
  else {
    await extractArchive(path, kind as "cifar100" | "stl10", {
      dataDir,
      createFile: async (file) => {
        const handle = await Deno.open(file, { write: true, createNew: true });
        return {
          write: async (p: Uint8Array) => {
            const n = await handle.write(p);
            bytesWritten += n;
            return n;
          },
          close: () => handle.close(),
        };
      },
    });
  }
} catch (e) {
  error = { name: (e as Error).name, message: (e as Error).message };
}
const vmHwmKiB = process.resourceUsage().maxRSS;
console.log(JSON.stringify({ error, bytesWritten, vmHwmKiB }));
