import assert from "node:assert/strict";
import {
  allFigures,
  architectureBoxes,
  figureId,
  lossFigure,
  MODEL_COLORS,
  normalizeOptions,
  renderAll,
  writeTopIndex,
} from "../../lib/figures/mod.ts";
import { fixtureAnalysis, fixtureResults } from "../results/fixture.ts";

Deno.test("figureId() numbers kinds as the paper does per data set", () => {
  assert.equal(figureId("mnist", "architecture"), "fig01");
  assert.equal(figureId("mnist", "training", "a"), "fig02a");
  assert.equal(figureId("mnist", "circuit"), "fig12");
  assert.equal(figureId("cifar100", "training", "d"), "fig13d");
  assert.equal(figureId("cifar100", "circuit"), "fig23");
  assert.equal(figureId("stl10", "resources", "a"), "fig25a");
  assert.equal(figureId("stl10", "circuit"), "fig34");
});

Deno.test("normalizeOptions() fills defaults and rejects bad sizes", () => {
  assert.deepEqual(normalizeOptions(), { width: 720, height: 360, maxImages: 16 });
  assert.throws(() => normalizeOptions({ width: 100 }), {
    name: "RangeError",
    message: "Figure width must be >= 320 px but found 100",
  });
});

Deno.test("Figure displays itself as an SVG bundle in Jupyter", () => {
  const results = fixtureResults("mnist");
  const figure = lossFigure(results, fixtureAnalysis(results.dataset.name));
  const bundle = (figure as unknown as Record<symbol, () => Record<string, string>>)[
    Symbol.for("Jupyter.display")
  ]!();
  assert.deepEqual(Object.keys(bundle), ["image/svg+xml"]);
  assert.equal(bundle["image/svg+xml"], figure.svg);
  assert.match(figure.svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.doesNotMatch(figure.svg, /<style|<figure|<div/);
});

Deno.test("allFigures() marks every stand-in figure and no official one", () => {
  const standIn = fixtureResults("cifar100");
  for (const f of allFigures(standIn, fixtureAnalysis("cifar100"))) {
    assert.match(f.svg, /Synthetic stand-in data, not CIFAR-100/, f.fileStem);
    assert.match(f.caption, /synthetic stand-in data/, f.fileStem);
  }
  const official = fixtureResults("mnist");
  for (const f of allFigures(official, fixtureAnalysis("mnist"))) {
    assert.doesNotMatch(f.svg, /stand-in/, f.fileStem);
  }
});

Deno.test("allFigures() uses the same model colours and SVG legends everywhere", () => {
  const results = fixtureResults("stl10");
  const figures = allFigures(results, fixtureAnalysis(results.dataset.name));
  const hybrid = figures.filter((f) =>
    f.fileStem.includes("hybrid") || /_(loss|accuracy|f1|time)$/.test(f.fileStem)
  );
  assert.ok(hybrid.length > 8);
  for (const f of hybrid) {
    assert.ok(f.svg.includes(`fill="${MODEL_COLORS.hybrid}"`), f.fileStem);
    assert.ok(f.svg.includes(">Hybrid (quantum)</text>"), f.fileStem);
  }
});

Deno.test("architectureBoxes() expands the quantum layer into embedding, circuit and measurement", () => {
  const results = fixtureResults("mnist");
  const boxes = architectureBoxes(results.models.hybrid!.layers, results.circuit);
  assert.deepEqual(boxes.map((b) => b.title), [
    "input",
    "CNN trunk",
    "dense",
    "dense",
    "embedding",
    "circuit",
    "measurement",
    "classifier",
  ]);
  assert.deepEqual(boxes[5]!.lines, ["2x BasicEntangler (RX)", "8 params"]);
});

Deno.test("renderAll() writes every SVG and PNG atomically with index pages", async () => {
  const results = fixtureResults("mnist");
  const root = await Deno.makeTempDir({ prefix: "hqc-figures-" });
  const outDir = `${root}/mnist`;
  const files = await renderAll(results, fixtureAnalysis(results.dataset.name), {
    outDir,
    scale: 1,
  });
  // 33 for hybrid, classical and control; 6 per-model figures of the frozen hybrid; 4 equal-width
  // t-SNE views (the fixture's features are all wider than 4)
  const expected = 33 + 6 + 4;
  assert.equal(files.length, expected);
  const names = [...Deno.readDirSync(outDir)].map((e) => e.name).sort();
  assert.equal(names.filter((n) => n.endsWith(".svg")).length, expected);
  assert.equal(names.filter((n) => n.endsWith(".png")).length, expected);
  assert.ok(!names.some((n) => n.endsWith(".tmp")));
  const html = await Deno.readTextFile(`${outDir}/index.html`);
  const md = await Deno.readTextFile(`${outDir}/index.md`);
  for (const f of files) {
    assert.ok(html.includes(`${f.id}_${f.name}.svg`), f.id);
    assert.ok(md.includes(f.caption), f.id);
  }
  assert.deepEqual(await writeTopIndex(root), ["mnist"]);
  assert.match(await Deno.readTextFile(`${root}/index.html`), /href="mnist\/index.html">MNIST/);
  await Deno.remove(root, { recursive: true });
});
