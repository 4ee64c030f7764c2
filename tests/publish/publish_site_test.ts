import assert from "node:assert/strict";
import { join } from "node:path";
import { saveAnalysis } from "../../lib/analysis/mod.ts";
import { writeJsonAtomic } from "../../lib/results/mod.ts";
import { MANIFEST_FILE, publishSite, withProvenance } from "../../lib/publish/mod.ts";
import { fixtureAnalysis, fixtureResults } from "../results/fixture.ts";
import { summarizedFixture } from "./_fixture.ts";
import { Browser, chromiumTest, crawlSite, serveFolder } from "./_chromium.ts";

/** A tiny SVG, as a rendered notebook inlines its figures. */
const INLINE_SVG = "data:image/svg+xml;base64," +
  btoa(
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" ' +
      'height="10" fill="red"/></svg>',
  );

/** A stand-in for an nbconvert page: a heading anchor, an in-page link and an inline figure. */
const NOTEBOOK_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>01_mnist</title>
</head><body class="jp-Notebook"><h1 id="MNIST">MNIST</h1><a href="#MNIST">top</a>
<img src="${INLINE_SVG}"></body></html>`;

/** A finished run folder from the figures fixture (results, analysis, a rendered notebook). */
async function fixtureRun(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "hqc-publish-run-" });
  await writeJsonAtomic(join(dir, "results.json"), summarizedFixture());
  await saveAnalysis(join(dir, "analysis.json"), fixtureAnalysis("mnist"));
  await Deno.mkdir(join(dir, "notebooks"));
  await Deno.writeTextFile(join(dir, "notebooks", "01_mnist.html"), NOTEBOOK_HTML);
  await Deno.writeTextFile(join(dir, "notebooks", "01_mnist.ipynb"), "{}");
  return dir;
}

let built: { run: string; site: string } | null = null;

async function builtSite(): Promise<{ run: string; site: string }> {
  if (built !== null) return built;
  const run = await fixtureRun();
  const site = await Deno.makeTempDir({ prefix: "hqc-publish-site-" });
  await publishSite(run, { outDir: site, commit: "0123456789abcdef0123456789abcdef01234567" });
  built = { run, site };
  return built;
}

async function copyOf(dir: string): Promise<string> {
  const copy = await Deno.makeTempDir({ prefix: "hqc-publish-copy-" });
  const { success } = await new Deno.Command("cp", { args: ["-r", `${dir}/.`, copy] }).output();
  assert.ok(success, `cp -r ${dir} failed`);
  return copy;
}

Deno.test("publishSite() puts the profile and provenance on every page", async () => {
  const { site } = await builtSite();
  const manifest = JSON.parse(await Deno.readTextFile(join(site, MANIFEST_FILE)));
  assert.ok(manifest.pages.length > 3);
  assert.ok(manifest.pages.includes("notebooks/01_mnist.html"));
  for (const page of manifest.pages as string[]) {
    const html = await Deno.readTextFile(join(site, page));
    assert.match(html, /class="hqc-provenance"/, page);
    assert.match(html, /<dt>Profile<\/dt><dd>smoke<\/dd>/, page);
    assert.match(html, /0123456789abcdef0123456789abcdef01234567/, page);
    assert.match(html, /<dt>Kernel path<\/dt><dd>wasm, 2 threads<\/dd>/, page);
    assert.equal(html.match(/class="hqc-provenance"/g)?.length, 1, page);
  }
});

Deno.test("publishSite() rebuilds a published folder in place without stacking boxes", async () => {
  const site = await copyOf((await builtSite()).site);
  const before = await Deno.readTextFile(join(site, "results.json"));
  await publishSite(site, { outDir: site, commit: null });
  assert.equal(await Deno.readTextFile(join(site, "results.json")), before);
  const notebook = await Deno.readTextFile(join(site, "notebooks", "01_mnist.html"));
  assert.equal(notebook.match(/class="hqc-provenance"/g)?.length, 1);
  assert.match(notebook, /<dt>Site commit<\/dt><dd>unknown<\/dd>/);
});

Deno.test("publishSite() refuses a shard's partial results", async () => {
  const dir = await Deno.makeTempDir({ prefix: "hqc-publish-shard-" });
  await writeJsonAtomic(join(dir, "results.json"), {
    ...fixtureResults("mnist"),
    shard: { index: 1, count: 2, cells: [] },
  });
  await assert.rejects(
    publishSite(dir, { outDir: join(dir, "site") }),
    new TypeError(
      `Expected a finished run but ${
        join(dir, "results.json")
      } is shard 1/2 of one: run deno task merge first`,
    ),
  );
});

Deno.test("withProvenance() inserts the box after <body> once", () => {
  const box = '<aside class="hqc-provenance">A</aside>';
  const once = withProvenance("<html><body class=x><p>hi</p></body></html>", box);
  assert.equal(once, `<html><body class=x>${box}<p>hi</p></body></html>`);
  const replaced = withProvenance(once, '<aside class="hqc-provenance">B</aside>');
  assert.equal(
    replaced,
    '<html><body class=x><aside class="hqc-provenance">B</aside><p>hi</p></body></html>',
  );
});

chromiumTest(
  "publishSite() builds a site whose every link and image works in headless Chromium",
  async () => {
    const { site } = await builtSite();
    const server = serveFolder(site);
    const browser = await Browser.launch();
    try {
      const report = await crawlSite(browser, `${server.origin}/index.html`);
      assert.deepEqual(report.broken, []);
      assert.deepEqual(report.external, []);
      const manifest = JSON.parse(await Deno.readTextFile(join(site, MANIFEST_FILE)));
      // Every page of the manifest was reached from the index and every figure file decoded.
      assert.deepEqual(
        report.pages.map((p) => p.slice(server.origin.length + 1)).sort(),
        [...manifest.pages].sort(),
      );
      assert.ok(report.images >= manifest.figures.length, `${report.images} images decoded`);
      assert.ok(report.files >= 4, "results.json, analysis.json, site.json, REPORT.md, .ipynb");
    } finally {
      await browser.close();
      await server.close();
    }
  },
);

chromiumTest("crawlSite() reports a missing figure and a missing notebook", async () => {
  const broken = await copyOf((await builtSite()).site);
  const manifest = JSON.parse(await Deno.readTextFile(join(broken, MANIFEST_FILE)));
  const png = (manifest.figures as string[]).find((f) => f.endsWith(".png"))!;
  const svg = (manifest.figures as string[]).find((f) => f.endsWith(".svg"))!;
  await Deno.remove(join(broken, png));
  await Deno.writeTextFile(join(broken, svg), "<svg");
  await Deno.remove(join(broken, "notebooks", "01_mnist.html"));
  const server = serveFolder(broken);
  const browser = await Browser.launch();
  try {
    const report = await crawlSite(browser, `${server.origin}/index.html`);
    const text = report.broken.join("\n");
    assert.match(text, new RegExp(`${png.replace(".", "\\.")} answers HTTP 404`));
    assert.match(
      text,
      new RegExp(`image ${server.origin}/${svg.replace(".", "\\.")} does not decode`),
    );
    assert.match(text, /notebooks\/01_mnist\.html: HTTP 404/);
  } finally {
    await browser.close();
    await server.close();
  }
});

const PUBLISHED = decodeURIComponent(new URL("../../published/mnist", import.meta.url).pathname);
const published = await Deno.stat(join(PUBLISHED, "index.html")).then(() => true, () => false);

if (published) {
  chromiumTest("published/mnist: every link and image works in headless Chromium", async () => {
    const server = serveFolder(PUBLISHED);
    const browser = await Browser.launch();
    try {
      const report = await crawlSite(browser, `${server.origin}/index.html`);
      assert.deepEqual(report.broken, []);
      const manifest = JSON.parse(await Deno.readTextFile(join(PUBLISHED, MANIFEST_FILE)));
      assert.equal(report.pages.length, manifest.pages.length);
    } finally {
      await browser.close();
      await server.close();
    }
  });
} else {
  Deno.test({
    name: "published/mnist: every link works (skipped: nothing is published yet; see README)",
    ignore: true,
    fn: () => {},
  });
}
