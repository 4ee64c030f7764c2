/**
 * `publishSite`: a static site from a finished run: an index with the answer table,
 * the report, one page per figure, the rendered notebooks and the raw results, each
 * page carrying the run's provenance and profile.
 *
 * @module
 */

import { basename, join, relative, resolve } from "node:path";
import { analysisFor, saveAnalysis } from "../analysis/mod.ts";
import { loadResults, type Results, writeFileAtomic } from "../results/mod.ts";
import { type FigureFile, renderAll } from "../figures/mod.ts";
import { ANSWER_COLUMNS, answerRows, plateauSentence, writeReport } from "../report/mod.ts";
import { findResults } from "./find_results.ts";
import { escapeHtml, provenanceBox, sitePage, withProvenance } from "./pages.ts";
import { type SiteProvenance, siteProvenance } from "./provenance.ts";

/** Options of {@link publishSite}. */
export interface PublishOptions {
  /** Folder the site is written to (created; files in it are replaced). */
  outDir: string;
  /**
   * Folder of rendered notebooks (`*.html`, with the executed `*.ipynb` beside them).
   * @default `<runDir>/notebooks` when it exists, else none
   */
  notebooksDir?: string;
  /** Commit of the code building the site, printed on every page. @default "unknown" */
  commit?: string | null;
  /** Build time printed on every page. @default now */
  builtAt?: string;
  /** Status lines. @default ignore */
  log?: (line: string) => void;
}

/** What {@link publishSite} wrote, as paths relative to the site folder. */
export interface PublishedSite {
  outDir: string;
  provenance: SiteProvenance;
  /** Every HTML page of the site. */
  pages: string[];
  figures: string[];
  notebooks: string[];
}

/** The manifest written beside the index. */
export const MANIFEST_FILE = "site.json";

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}

function figurePage(
  files: readonly FigureFile[],
  index: number,
  box: string,
): { name: string; html: string } {
  const f = files[index]!;
  const stem = basename(f.svgPath, ".svg");
  const link = (i: number, label: string) => {
    const other = files[i];
    return other === undefined
      ? ""
      : `<a href="${escapeHtml(basename(other.svgPath, ".svg"))}.html">${label}</a>`;
  };
  const downloads = [`<a href="${escapeHtml(stem)}.svg">SVG</a>`];
  if (f.pngPath !== undefined) downloads.push(`<a href="${escapeHtml(stem)}.png">PNG</a>`);
  const body = `<p><a href="../index.html">site index</a> · <a href="index.html">all figures</a>` +
    ` · ${link(index - 1, "previous")} · ${link(index + 1, "next")}</p>` +
    `<figure><img src="${escapeHtml(stem)}.svg" alt="${escapeHtml(f.caption)}">` +
    `<figcaption>${escapeHtml(f.caption)}</figcaption></figure><p>${downloads.join(" · ")}</p>`;
  return { name: `${stem}.html`, html: sitePage(`${f.id}: ${f.name}`, body, box) };
}

function answerTableHtml(results: Results): string {
  const head = ANSWER_COLUMNS.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const rows = answerRows(results).map((r) =>
    `<tr>${
      [r.measure, r.model, r.ours, r.paper, r.verdict].map((c) => `<td>${escapeHtml(c)}</td>`)
        .join("")
    }</tr>`
  );
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

async function copyNotebooks(
  from: string,
  to: string,
  box: string,
): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(from)) {
    if (entry.isFile && (entry.name.endsWith(".html") || entry.name.endsWith(".ipynb"))) {
      names.push(entry.name);
    }
  }
  names.sort();
  await Deno.mkdir(to, { recursive: true });
  for (const name of names) {
    const source = join(from, name);
    if (name.endsWith(".html")) {
      await writeFileAtomic(join(to, name), withProvenance(await Deno.readTextFile(source), box));
    } else if (resolve(source) !== resolve(join(to, name))) {
      await writeFileAtomic(join(to, name), await Deno.readFile(source));
    }
  }
  return names.filter((n) => n.endsWith(".html"));
}

function notebookTitle(file: string): string {
  return basename(file, ".html").replace(/^(\d+)_/, "$1 ").replaceAll("_", " ");
}

function indexBody(
  results: Results,
  figures: readonly FigureFile[],
  notebooks: readonly string[],
  notebooksDir: string | undefined,
): string {
  const figureItems = figures.map((f) => {
    const stem = basename(f.svgPath, ".svg");
    return `<li><a href="figures/${escapeHtml(stem)}.html">${escapeHtml(f.id)}: ${
      escapeHtml(f.name)
    }</a></li>`;
  });
  const notebookPart = notebooks.length === 0
    ? `<p>No rendered notebooks were published with this run${
      notebooksDir === undefined ? "" : ` (none in ${escapeHtml(notebooksDir)})`
    }: execute them with <code>deno task notebooks --profile ${
      escapeHtml(results.profile)
    }</code> and publish with <code>--notebooks notebooks/out</code>.</p>`
    : `<ul>${
      notebooks.map((n) => {
        const ipynb = n.replace(/\.html$/, ".ipynb");
        return `<li><a href="notebooks/${escapeHtml(n)}">${escapeHtml(notebookTitle(n))}</a>` +
          ` (<a href="notebooks/${escapeHtml(ipynb)}">executed .ipynb</a>)</li>`;
      }).join("")
    }</ul>`;
  return `<h2>The answer</h2>${answerTableHtml(results)}` +
    `<p>${escapeHtml(plateauSentence(results))}</p>` +
    `<h2>Report</h2><p><a href="REPORT.html">The paper's claims beside our measurements, ` +
    `with verdicts</a> (<a href="REPORT.md">Markdown</a>)</p>` +
    `<h2>Figures</h2><p><a href="figures/index.html">All figures on one page</a></p>` +
    `<ul>${figureItems.join("")}</ul>` +
    `<h2>Notebooks</h2>${notebookPart}` +
    `<h2>Data</h2><ul><li><a href="results.json">results.json</a>: every number of the run</li>` +
    `<li><a href="analysis.json">analysis.json</a>: PCA, t-SNE, UMAP, decision-boundary grids</li>` +
    `<li><a href="${MANIFEST_FILE}">${MANIFEST_FILE}</a>: provenance and the list of pages</li></ul>` +
    `<p>Check these numbers: <code>deno task verify-published --run DIR</code> retrains the ` +
    `first epoch of seed ${results.config.seeds[0]} of every model and compares it exactly.</p>`;
}

/**
 * Builds the static site of a finished run. Figures and the report are drawn afresh
 * from `results.json` (they are pure functions of it), the analysis is reused when it
 * belongs to these results, and rendered notebooks are copied with the provenance box
 * added. Publishing a published folder again rebuilds it.
 *
 * @param runDir A folder holding `results.json` (a run folder, a published folder, or a
 *   `deno task reproduce --out` root with one data set).
 * @param options Output folder, notebooks folder, building commit, log.
 * @returns What was written.
 * @throws {TypeError} When the run is missing, a shard's partial file, or there are several.
 */
export async function publishSite(
  runDir: string,
  { outDir, notebooksDir, commit, builtAt = new Date().toISOString(), log = () => {} }:
    PublishOptions,
): Promise<PublishedSite> {
  const resultsPath = await findResults(runDir);
  const results = await loadResults(resultsPath);
  if (results.shard !== undefined) {
    throw new TypeError(
      `Expected a finished run but ${resultsPath} is shard ${results.shard.index}/` +
        `${results.shard.count} of one: run deno task merge first`,
    );
  }
  const provenance = siteProvenance(results, { commit, builtAt });
  const top = provenanceBox(provenance, "index.html");
  const nested = provenanceBox(provenance, "../index.html");
  await Deno.mkdir(outDir, { recursive: true });

  const analysis = await analysisFor(results, { resultsPath, mustSave: false, log });
  if (resolve(resultsPath) !== resolve(join(outDir, "results.json"))) {
    await writeFileAtomic(join(outDir, "results.json"), await Deno.readFile(resultsPath));
  }
  await saveAnalysis(join(outDir, "analysis.json"), analysis);
  log(`Results and analysis -> ${outDir}`);

  const figuresDir = join(outDir, "figures");
  const figures = await renderAll(results, analysis, { outDir: figuresDir });
  const galleryPath = join(figuresDir, "index.html");
  await writeFileAtomic(galleryPath, withProvenance(await Deno.readTextFile(galleryPath), nested));
  const figurePages = figures.map((_, i) => figurePage(figures, i, nested));
  for (const page of figurePages) await writeFileAtomic(join(figuresDir, page.name), page.html);
  log(`${figures.length} figures and their pages -> ${figuresDir}`);

  const report = await writeReport([{ results, file: "results.json" }], {
    outDir,
    generatedAt: builtAt,
  });
  await writeFileAtomic(report.html, withProvenance(await Deno.readTextFile(report.html), top));
  log(`Report -> ${report.markdown}, ${report.html}`);

  const notebookSource = notebooksDir ??
    ((await exists(join(runDir, "notebooks"))) ? join(runDir, "notebooks") : undefined);
  const notebooks = notebookSource === undefined
    ? []
    : await copyNotebooks(notebookSource, join(outDir, "notebooks"), nested);
  if (notebookSource !== undefined) {
    log(`${notebooks.length} rendered notebooks -> ${outDir}/notebooks`);
  }

  const title = `${results.dataset.name.toUpperCase()} reproduction, profile ${results.profile}`;
  await writeFileAtomic(
    join(outDir, "index.html"),
    sitePage(title, indexBody(results, figures, notebooks, notebookSource), top),
  );
  const pages = [
    "index.html",
    "REPORT.html",
    "figures/index.html",
    ...figurePages.map((p) => `figures/${p.name}`),
    ...notebooks.map((n) => `notebooks/${n}`),
  ];
  const site: PublishedSite = {
    outDir,
    provenance,
    pages,
    figures: figures.flatMap((f) =>
      [f.svgPath, f.pngPath].filter((p): p is string => p !== undefined)
        .map((p) => relative(outDir, p))
    ),
    notebooks: notebooks.map((n) => `notebooks/${n}`),
  };
  await writeFileAtomic(
    join(outDir, MANIFEST_FILE),
    JSON.stringify(
      { provenance, pages, figures: site.figures, notebooks: site.notebooks },
      null,
      2,
    ) +
      "\n",
  );
  log(`Site -> ${join(outDir, "index.html")}`);
  return site;
}
