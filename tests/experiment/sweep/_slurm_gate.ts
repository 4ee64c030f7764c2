/**
 * Decides whether tests that need a running Slurm cluster run, are skipped (no Slurm on a
 * developer machine) or fail (no Slurm under CI=true), as tests/notebooks/_gate.ts does for
 * Jupyter.
 *
 * @module
 */

/** How to get a single-node cluster on this machine. */
export const SLURM_INSTALL = "apt-get install -y slurm-wlm munge && sudo scripts/ci/start_slurm.sh";

async function answer(command: string, args: string[]): Promise<string | null> {
  try {
    const { code, stdout } = await new Deno.Command(command, {
      args,
      stdout: "piped",
      stderr: "null",
      signal: AbortSignal.timeout(15_000),
    }).output();
    return code === 0 ? new TextDecoder().decode(stdout).trim() : null;
  } catch {
    return null;
  }
}

async function slurmMissing(): Promise<string | null> {
  if (await answer("sbatch", ["--version"]) === null) {
    return `Slurm is not installed: ${SLURM_INSTALL}`;
  }
  const states = await answer("sinfo", ["-h", "-o", "%a %t"]);
  if (states === null || !/^up (idle|mix|alloc)/m.test(states)) {
    return `no Slurm cluster answers (sinfo: ${
      states ?? "failed"
    }): sudo scripts/ci/start_slurm.sh`;
  }
  return null;
}

/** Why Slurm tests cannot run here, or `null` when they can. */
export const SLURM_MISSING: string | null = await slurmMissing();

function inCI(): boolean {
  return (Deno.env.get("CI") ?? "").toLowerCase() === "true";
}

/**
 * Registers a test that needs a running Slurm cluster. Without one it is skipped with the
 * install command in its name; under `CI=true` it fails instead.
 *
 * @param name Test name.
 * @param fn Test body.
 */
export function slurmTest(name: string, fn: (t: Deno.TestContext) => Promise<void>): void {
  if (SLURM_MISSING === null) {
    Deno.test({ name, fn, sanitizeResources: false, sanitizeOps: false });
  } else if (inCI()) {
    Deno.test(name, () => {
      throw new Error(`CI=true but Slurm cannot run jobs: ${SLURM_MISSING}`);
    });
  } else {
    Deno.test({ name: `${name} (skipped: ${SLURM_MISSING})`, ignore: true, fn });
  }
}
