/**
 * Running a notebook headless through real Jupyter (`nbconvert --execute`)
 * with the Deno kernel, then rendering it to HTML with figures inline.
 *
 * @module
 */

import { type NotebookProblem, notebookProblems } from "./inspect.ts";
import { KERNEL_STARTUP_SECONDS, resolveNbconvert } from "./jupyter.ts";

/**
 * nbconvert template for the rendered pages: the `lab` template, except that
 * SVG outputs are written as they are. nbconvert 6.5 passes them through an
 * HTML cleaner that empties them (our figures are trusted: `lib/figures`).
 */
export const HTML_TEMPLATE = `{%- extends 'lab/index.html.j2' -%}
{% block data_svg scoped -%}
<div class="jp-RenderedSVG jp-OutputArea-output {{ extra_class }}" data-mime-type="image/svg+xml">
{{ output.data['image/svg+xml'] }}
</div>
{%- endblock data_svg %}
`;

/** Script URLs for published pages (some distributions default to local files). */
const PAGE_SCRIPTS = [
  "--HTMLExporter.require_js_url=https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js",
  "--HTMLExporter.mathjax_url=https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/MathJax.js?config=TeX-AMS_CHTML-full,Safe",
];

/** Options of {@link executeNotebook}. */
export interface ExecuteNotebookOptions {
  /** Folder for the executed `.ipynb` and the `.html`. */
  outDir: string;
  /** Environment variables for the kernel (e.g. `HQC_PROFILE`). @default {} */
  env?: Record<string, string>;
  /** Seconds one cell may run; `-1` for no limit. @default 1800 */
  cellTimeoutSeconds?: number;
  /** Also render HTML with inline figures. @default true */
  html?: boolean;
  /** Kernelspec name. @default "deno" */
  kernelName?: string;
  /** Aborts the run (kills nbconvert). */
  signal?: AbortSignal;
}

/** What one notebook run produced. */
export interface ExecutedNotebook {
  /** Executed notebook, outputs included. */
  notebookPath: string;
  /** Rendered page, when `html` was on. */
  htmlPath?: string;
  /** Wall time of the execution, seconds. */
  seconds: number;
  /** Cell errors, cells not run, figure cells without an image. */
  problems: NotebookProblem[];
  /** The parsed executed notebook. */
  notebook: unknown;
}

function stemOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return name.endsWith(".ipynb") ? name.slice(0, -".ipynb".length) : name;
}

async function nbconvert(
  args: string[],
  env: Record<string, string>,
  signal: AbortSignal | undefined,
): Promise<void> {
  const [program, ...prefix] = await resolveNbconvert();
  const command = new Deno.Command(program!, {
    args: [...prefix, ...args],
    env: { PYDEVD_DISABLE_FILE_VALIDATION: "1", ...env },
    stdout: "piped",
    stderr: "piped",
    ...(signal === undefined ? {} : { signal }),
  });
  const result = await command.output();
  if (result.code !== 0) {
    const stderr = new TextDecoder().decode(result.stderr).trim().split("\n").slice(-15)
      .join("\n");
    throw new Error(
      `Expected nbconvert ${args[0]} ${
        args[1]
      } to succeed but it exited with ${result.code}:\n${stderr}`,
    );
  }
}

/**
 * Executes a notebook through Jupyter with the Deno kernel (cells that raise
 * are recorded, not fatal), then renders it to HTML. Files are written under a
 * temporary folder inside `outDir` and renamed into place.
 *
 * @param path The `.ipynb` to run.
 * @param options Output folder, kernel environment, timeout, HTML.
 * @returns Paths, time and problems found by {@link notebookProblems}.
 * @throws {Error} When nbconvert itself fails (kernel did not start, cell timeout).
 */
export async function executeNotebook(
  path: string,
  { outDir, env = {}, cellTimeoutSeconds = 1800, html = true, kernelName = "deno", signal }:
    ExecuteNotebookOptions,
): Promise<ExecutedNotebook> {
  const stem = stemOf(path);
  await Deno.mkdir(outDir, { recursive: true });
  const temp = await Deno.makeTempDir({ dir: outDir, prefix: `.tmp-${stem}-` });
  try {
    const started = performance.now();
    await nbconvert(
      [
        "--to",
        "notebook",
        "--execute",
        "--allow-errors",
        `--ExecutePreprocessor.kernel_name=${kernelName}`,
        `--ExecutePreprocessor.timeout=${cellTimeoutSeconds}`,
        `--ExecutePreprocessor.startup_timeout=${KERNEL_STARTUP_SECONDS}`,
        "--output-dir",
        temp,
        "--output",
        stem,
        path,
      ],
      env,
      signal,
    );
    const seconds = (performance.now() - started) / 1000;
    if (html) {
      await Deno.writeTextFile(`${temp}/hqc.html.j2`, HTML_TEMPLATE);
      await nbconvert(
        [
          "--to",
          "html",
          "--template-file",
          `${temp}/hqc.html.j2`,
          ...PAGE_SCRIPTS,
          "--output-dir",
          temp,
          `${temp}/${stem}.ipynb`,
        ],
        env,
        signal,
      );
    }
    const notebook = JSON.parse(await Deno.readTextFile(`${temp}/${stem}.ipynb`));
    const notebookPath = `${outDir}/${stem}.ipynb`;
    await Deno.rename(`${temp}/${stem}.ipynb`, notebookPath);
    let htmlPath: string | undefined;
    if (html) {
      htmlPath = `${outDir}/${stem}.html`;
      await Deno.rename(`${temp}/${stem}.html`, htmlPath);
    }
    return {
      notebookPath,
      ...(htmlPath === undefined ? {} : { htmlPath }),
      seconds,
      problems: notebookProblems(notebook),
      notebook,
    };
  } finally {
    await Deno.remove(temp, { recursive: true }).catch(() => {});
  }
}
