import assert from "node:assert/strict";
import { analysisPathFor, analyze, loadAnalysis, saveAnalysis } from "../../lib/analysis/mod.ts";
import { meanCI95 } from "../../lib/results/mod.ts";
import { fixtureResults } from "../results/fixture.ts";

const FAST = { tsneIterations: 100, gridResolution: 16 };

Deno.test("analyze() projects every model's features and is deterministic", () => {
  const results = fixtureResults("mnist");
  const a = analyze(results, { seed: 3, ...FAST });
  const b = analyze(results, { seed: 3, ...FAST });
  assert.deepEqual(a, b);
  assert.deepEqual(Object.keys(a.models).sort(), ["classical", "control", "frozen", "hybrid"]);
  // the equal-width view: PCA to 4-D, then t-SNE, for features wider than 4
  assert.equal(a.models.classical!.tsne4!.points.length, a.models.classical!.tsne.points.length);
  const hybrid = a.models.hybrid!;
  const n = results.models.hybrid!.runs[0]!.features.values.length;
  assert.equal(hybrid.pca.points.length, n);
  assert.equal(hybrid.umap.points.length, n);
  assert.equal(hybrid.tsne.points.length, n);
  assert.equal(hybrid.decision.classes.length, 16 * 16);
  assert.equal(hybrid.dim, 16);
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
});

Deno.test("analyze() caps the t-SNE sample at tsnePoints", () => {
  const a = analyze(fixtureResults("stl10"), { tsnePoints: 20, ...FAST });
  const t = a.models.classical!.tsne;
  assert.equal(t.points.length, 20);
  assert.equal(new Set(t.rows).size, 20);
  const features = fixtureResults("stl10").models.classical!.runs[0]!.features;
  assert.deepEqual(t.labels, t.rows.map((r) => features.labels[r]));
});

Deno.test("analyze() computes seed statistics with meanCI95", () => {
  const results = fixtureResults("cifar100");
  const a = analyze(results, FAST);
  const accuracies = results.models.classical!.runs.map((r) => r.test.accuracy);
  assert.deepEqual(a.statistics.classical!.testAccuracy, meanCI95(accuracies));
});

Deno.test("analyze() skips models without features", () => {
  const results = fixtureResults("mnist");
  results.models.control!.runs[0]!.features.values = [];
  const a = analyze(results, FAST);
  assert.equal(a.models.control, undefined);
  assert.ok(a.statistics.control!.testF1);
});

Deno.test("saveAnalysis() and loadAnalysis() round-trip beside results.json", async () => {
  const dir = await Deno.makeTempDir({ prefix: "hqc-analysis-" });
  const path = analysisPathFor(`${dir}/results.json`);
  const a = analyze(fixtureResults("mnist"), FAST);
  await saveAnalysis(path, a);
  assert.deepEqual(await loadAnalysis(path), a);
  assert.deepEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["analysis.json"]);
  await Deno.writeTextFile(path, JSON.stringify({ ...a, version: 99 }));
  await assert.rejects(() => loadAnalysis(path), {
    name: "AnalysisFormatError",
    message:
      `Expected analysis version 1 in ${path} but found the number 99: delete it and rerun the analysis`,
  });
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadAnalysis() names the file of a truncated, ragged or non-finite analysis", async () => {
  const dir = await Deno.makeTempDir({ prefix: "hqc-analysis-" });
  const path = analysisPathFor(`${dir}/results.json`);
  const a = analyze(fixtureResults("mnist"), FAST);
  const text = JSON.stringify(a);
  await Deno.writeTextFile(path, text.slice(0, text.length / 2));
  await assert.rejects(() => loadAnalysis(path), {
    name: "AnalysisFormatError",
    message: new RegExp(`^Expected valid JSON in ${path} but found a damaged file`),
  });
  // deno-lint-ignore no-explicit-any
  const damaged: [(x: any) => void, RegExp][] = [
    [
      (x) => x.models.hybrid.decision.classes.pop(),
      /^Expected models\.hybrid\.decision\.classes in .* to be \d+ cells \(ys\.length x xs\.length\)/,
    ],
    [
      (x) => (x.models.classical.pca.points[3][1] = null),
      /^Expected models\.classical\.pca\.points\.3\.1 in .* to be a finite number but found null/,
    ],
    [
      (x) => x.models.classical.tsne.labels.pop(),
      /^Expected models\.classical\.tsne\.labels in .* to be \d+ entries, one per projected row/,
    ],
  ];
  for (const [damage, message] of damaged) {
    const x = JSON.parse(text);
    damage(x);
    await Deno.writeTextFile(path, JSON.stringify(x));
    await assert.rejects(() => loadAnalysis(path), { name: "AnalysisFormatError", message });
  }
  await Deno.remove(dir, { recursive: true });
});
