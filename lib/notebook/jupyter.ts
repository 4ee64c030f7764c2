/**
 * Checking that Jupyter, nbconvert and the Deno kernel are installed, with
 * errors that name the install command, and finding the nbconvert command.
 *
 * @module
 */

/** Installs what `jupyter nbconvert` needs on Debian/Ubuntu. */
export const JUPYTER_INSTALL_COMMAND =
  "apt-get install -y jupyter-nbconvert python3-nbconvert jupyter-client python3-ipykernel";

/** Registers the Deno kernel with Jupyter. */
export const KERNEL_INSTALL_COMMAND = "deno task kernel";

/** Seconds Jupyter waits for the Deno kernel to start (first start compiles). */
export const KERNEL_STARTUP_SECONDS = 180;

/** Jupyter, `nbconvert` or the Deno kernel is not installed. */
export class JupyterUnavailableError extends Error {
  /**
   * @param message What is missing and the command that installs it.
   * @param missing Which piece is missing.
   */
  constructor(message: string, readonly missing: "jupyter" | "nbconvert" | "kernel") {
    super(message);
    this.name = "JupyterUnavailableError";
  }
}

/**
 * Ways to start nbconvert, in order of preference: Debian's `python3-nbconvert`
 * ships the module but not the `jupyter-nbconvert` command (that is the
 * `jupyter-nbconvert` package), so `python3 -m nbconvert` is the fallback.
 */
export const NBCONVERT_COMMANDS: readonly (readonly string[])[] = [
  ["jupyter", "nbconvert"],
  ["python3", "-m", "nbconvert"],
];

async function findNbconvert(): Promise<{ command: string[]; version: string } | string> {
  let problem = "no nbconvert";
  for (const [program, ...args] of NBCONVERT_COMMANDS) {
    const result = await output(program!, [...args, "--version"]);
    if (result !== null && result.code === 0) {
      return { command: [program!, ...args], version: result.stdout.trim() };
    }
    if (result !== null && program === "jupyter") {
      problem = result.stderr.trim().split("\n").at(-1) || problem;
    }
  }
  return problem;
}

let nbconvertCommand: Promise<string[]> | undefined;

/** The nbconvert command (e.g. `["jupyter", "nbconvert"]`), found once per process. */
export function resolveNbconvert(): Promise<string[]> {
  nbconvertCommand ??= findNbconvert().then((found) => {
    if (typeof found === "string") {
      throw new JupyterUnavailableError(
        `Expected jupyter nbconvert to work but found ${found}: install it with ${JUPYTER_INSTALL_COMMAND}`,
        "nbconvert",
      );
    }
    return found.command;
  });
  return nbconvertCommand;
}

/** What {@link requireJupyter} found. */
export interface JupyterInstallation {
  /** The command that runs nbconvert, e.g. `["jupyter", "nbconvert"]`. */
  nbconvert: string[];
  /** `nbconvert --version`. */
  nbconvertVersion: string;
  /** Folder of the kernelspec. */
  kernelDir: string;
  /** The program the kernelspec starts (a real `deno` binary). */
  kernelProgram: string;
}

async function output(
  program: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string } | null> {
  try {
    const result = await new Deno.Command(program, { args, stdout: "piped", stderr: "piped" })
      .output();
    const decoder = new TextDecoder();
    return {
      code: result.code,
      stdout: decoder.decode(result.stdout),
      stderr: decoder.decode(result.stderr),
    };
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    throw error;
  }
}

/**
 * Checks that `jupyter`, `jupyter nbconvert` and a kernelspec for the Deno
 * kernel are installed, and that the kernelspec starts a program that exists.
 *
 * @param options `kernelName` of the kernelspec (default "deno").
 * @returns Versions and paths found.
 * @throws {JupyterUnavailableError} Naming what is missing and the command that installs it.
 */
export async function requireJupyter(
  { kernelName = "deno" }: { kernelName?: string } = {},
): Promise<JupyterInstallation> {
  // `jupyter kernelspec list` starts faster than `jupyter --version`, and is needed anyway.
  const list = await output("jupyter", ["kernelspec", "list", "--json"]);
  if (list === null) {
    throw new JupyterUnavailableError(
      `Expected the jupyter command on PATH but found none: install it with ${JUPYTER_INSTALL_COMMAND} (or pip install nbconvert jupyter-client ipykernel), then run ${KERNEL_INSTALL_COMMAND}`,
      "jupyter",
    );
  }
  const nbconvert = await findNbconvert();
  if (typeof nbconvert === "string") {
    throw new JupyterUnavailableError(
      `Expected jupyter nbconvert to work but found ${nbconvert}: install it with ${JUPYTER_INSTALL_COMMAND}`,
      "nbconvert",
    );
  }
  let specs: Record<string, { resource_dir?: string; spec?: { argv?: string[] } }> = {};
  try {
    specs = JSON.parse(list.stdout).kernelspecs ?? {};
  } catch {
    specs = {};
  }
  const spec = specs[kernelName];
  if (spec === undefined) {
    throw new JupyterUnavailableError(
      `Expected a Jupyter kernel named "${kernelName}" but found ${
        Object.keys(specs).join(", ") || "none"
      }: register the Deno kernel with ${KERNEL_INSTALL_COMMAND}`,
      "kernel",
    );
  }
  const program = spec.spec?.argv?.[0] ?? "";
  if (!(await isExecutableFile(program))) {
    throw new JupyterUnavailableError(
      `Expected the "${kernelName}" kernel to start an existing deno binary but found "${program}": reinstall it with ${KERNEL_INSTALL_COMMAND}`,
      "kernel",
    );
  }
  return {
    nbconvert: nbconvert.command,
    nbconvertVersion: nbconvert.version,
    kernelDir: spec.resource_dir ?? "",
    kernelProgram: program,
  };
}

/**
 * Whether `path` is an executable file. Tasks may read only the project, so where `Deno.stat`
 * is not permitted the check is asked of `python3` (which Jupyter itself needs).
 */
async function isExecutableFile(path: string): Promise<boolean> {
  if (path === "") return false;
  try {
    return (await Deno.stat(path)).isFile;
  } catch (error) {
    if (
      !(error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied)
    ) {
      return false;
    }
  }
  const check = await new Deno.Command("python3", {
    args: [
      "-c",
      "import os, sys; sys.exit(0 if os.path.isfile(sys.argv[1]) and os.access(sys.argv[1], os.X_OK) else 1)",
      path,
    ],
    stdout: "null",
    stderr: "null",
  }).output().catch(() => undefined);
  return check?.success === true;
}
