/**
 * Writing every figure of a data set as SVG and PNG, with index pages.
 *
 * @module
 */
import { join } from "node:path";
import { type Analysis, DATASET_LABELS, type Results, writeFileAtomic } from "../results/mod.ts";
import { allFigures } from "./all_figures.ts";
import { esc } from "./_svg.ts";
import type { FigureOptions } from "./options.ts";
import { toPNG } from "./png.ts";

/** Options of {@link renderAll}. */
export interface RenderAllOptions extends FigureOptions {
  /** Folder of this data set's figures. @default `figures/<dataset>` */
  outDir?: string;
  /** Also write PNGs. @default true */
  png?: boolean;
  /** PNG pixels per SVG unit. @default 2 */
  scale?: number;
}

/** A figure written to disk. */
export interface FigureFile {
  id: string;
  name: string;
  caption: string;
  svgPath: string;
  pngPath?: string;
}

/**
 * Renders every figure of `results` to `<outDir>/<id>_<name>.svg` and `.png`
 * (atomically), then writes `index.html` and `index.md` listing each figure
 * with its caption.
 *
 * @returns the files written, in paper order
 */
export async function renderAll(
  results: Results,
  analysis: Analysis,
  { outDir, png = true, scale = 2, ...options }: RenderAllOptions = {},
): Promise<FigureFile[]> {
  const dir = outDir ?? join("figures", results.dataset.name);
  await Deno.mkdir(dir, { recursive: true });
  const files: FigureFile[] = [];
  for (const figure of allFigures(results, analysis, options)) {
    const svgPath = join(dir, `${figure.fileStem}.svg`);
    await writeFileAtomic(svgPath, figure.svg);
    let pngPath: string | undefined;
    if (png) {
      pngPath = join(dir, `${figure.fileStem}.png`);
      await writeFileAtomic(pngPath, (await toPNG(figure.svg, { scale })).png);
    }
    files.push({ id: figure.id, name: figure.name, caption: figure.caption, svgPath, pngPath });
  }
  await writeFileAtomic(join(dir, "index.html"), indexHtml(results, files));
  await writeFileAtomic(join(dir, "index.md"), indexMarkdown(results, files));
  return files;
}

function base(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function heading(results: Results): string {
  const d = results.dataset;
  return `${DATASET_LABELS[d.name]} figures (profile ${results.profile}, ${d.provenance} data)`;
}

/** An HTML page listing `files` with captions and inline images. */
export function indexHtml(results: Results, files: readonly FigureFile[]): string {
  const items = files.map((f) =>
    `<section id="${esc(f.id)}"><h2>${esc(f.id)}: ${esc(f.name)}</h2>` +
    `<img src="${esc(base(f.svgPath))}" alt="${esc(f.caption)}" style="max-width:100%">` +
    `<p>${esc(f.caption)}</p><p><a href="${esc(base(f.svgPath))}">SVG</a>` +
    (f.pngPath ? ` · <a href="${esc(base(f.pngPath))}">PNG</a>` : "") + `</p></section>`
  );
  const warning = results.dataset.provenance === "synthetic stand-in"
    ? `<p style="color:#d62728"><b>Synthetic stand-in data, not ${
      DATASET_LABELS[results.dataset.name]
    }.</b></p>`
    : "";
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${
    esc(heading(results))
  }</title>` +
    `<style>body{font-family:sans-serif;max-width:900px;margin:auto;padding:1em}</style></head><body>` +
    `<h1>${esc(heading(results))}</h1>${warning}<p><a href="../index.html">all data sets</a></p>` +
    `<ul>${
      files.map((f) => `<li><a href="#${esc(f.id)}">${esc(f.id)} ${esc(f.name)}</a></li>`).join("")
    }</ul>` +
    `${items.join("\n")}</body></html>\n`;
}

/** A Markdown page listing `files` with captions. */
export function indexMarkdown(results: Results, files: readonly FigureFile[]): string {
  const lines = [`# ${heading(results)}`, ""];
  if (results.dataset.provenance === "synthetic stand-in") {
    lines.push(`**Synthetic stand-in data, not ${DATASET_LABELS[results.dataset.name]}.**`, "");
  }
  for (const f of files) {
    lines.push(
      `## ${f.id}: ${f.name}`,
      "",
      `![${f.id}](${base(f.pngPath ?? f.svgPath)})`,
      "",
      f.caption,
      "",
    );
  }
  return lines.join("\n");
}

/**
 * Writes `<root>/index.html` linking every data-set folder under `root` that
 * has an `index.html`.
 *
 * @returns the data-set folder names linked
 */
export async function writeTopIndex(root = "figures"): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(root)) {
    if (!entry.isDirectory) continue;
    try {
      await Deno.stat(join(root, entry.name, "index.html"));
      names.push(entry.name);
    } catch {
      // Not a figure folder.
    }
  }
  names.sort();
  const links = names.map((n) => {
    const label = DATASET_LABELS[n as keyof typeof DATASET_LABELS] ?? n;
    return `<li><a href="${esc(n)}/index.html">${esc(label)}</a></li>`;
  });
  await writeFileAtomic(
    join(root, "index.html"),
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Figures</title></head>` +
      `<body style="font-family:sans-serif"><h1>Figures by data set</h1><ul>${
        links.join("")
      }</ul></body></html>\n`,
  );
  return names;
}
