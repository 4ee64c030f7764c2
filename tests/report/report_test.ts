import assert from "node:assert/strict";
import {
  assessAll,
  assessClaim,
  buildReport,
  CLAIMS,
  CONTRADICTIONS,
  newcombeInterval,
  RESULT_COLUMNS,
  toHTML,
  toMarkdown,
  UNDERPOWERED,
  writeReport,
} from "../../lib/report/mod.ts";
import type { Claim } from "../../lib/report/mod.ts";
import type { Results } from "../../lib/results/mod.ts";
import { makeResults } from "../results/fixture.ts";
import {
  decimalsOf,
  expectedClaimValue,
  firstNumber,
  parseTables,
  tableWith,
} from "./_report_parse.ts";

function claim(id: string): Claim {
  const c = CLAIMS.find((c) => c.id === id);
  if (c === undefined) throw new Error(`no claim ${id}`);
  return c;
}

Deno.test("CLAIMS covers every number of the FIGURES.md claims table", () => {
  const paper = CLAIMS.map((c) => c.paper).join(" ");
  for (
    const n of [
      "99.38",
      "98.21",
      "41.69",
      "32.25",
      "74.05",
      "63.76",
      "+1.17",
      "+9.44",
      "+10.29",
      "84.6",
      "+3.2",
      "92.1",
      "88.3",
      "45.27",
      "10.80",
      "about 1 %",
      "comparable, low",
      "21.23",
      "108.44",
      "2.3x",
      "1.8x",
      "2.1x",
      "7.2 %",
      "31.9 %",
      "6-32 %",
      "4-5 GB",
      "5-6 GB",
      "9.5 %",
      "23.2 %",
      "5-12x",
    ]
  ) assert.ok(paper.includes(n), `missing claim ${n}`);
  assert.equal(new Set(CLAIMS.map((c) => c.id)).size, CLAIMS.length);
});

Deno.test("assessClaim() reproduces a direction whose CI excludes 0", () => {
  const r = makeResults({ accuracy: { hybrid: 0.95, classical: 0.9 } });
  const a = assessClaim(claim("mnist-val-gap"), r);
  assert.equal(a.verdict, "reproduced");
  assert.ok(Math.abs(a.measured!.value - 0.05) < 1e-12);
});

Deno.test("assessClaim() does not reproduce a direction that is significantly opposite", () => {
  const r = makeResults({ accuracy: { hybrid: 0.8, classical: 0.9 } });
  const a = assessClaim(claim("mnist-val-gap"), r);
  assert.equal(a.verdict, "not reproduced");
  assert.match(a.reason, /^significantly opposite/);
});

Deno.test("assessClaim() calls a one-seed direction underpowered, never not reproduced", () => {
  for (const hybrid of [0.6, 0.95, 0.99]) {
    const r = makeResults({ seeds: [1], accuracy: { hybrid, classical: 0.9 } });
    const a = assessClaim(claim("cifar100-test-gap"), {
      ...r,
      dataset: { ...r.dataset, name: "cifar100" },
    });
    assert.equal(a.verdict, UNDERPOWERED, `hybrid ${hybrid}`);
  }
  const r = makeResults({ seeds: [1], accuracy: { hybrid: 0.95, classical: 0.9 } });
  const a = assessClaim(claim("cifar100-test-gap"), r);
  // One seed: the shown interval is Newcombe's over the 200 test images of each model.
  assert.deepEqual(
    a.measured!.interval,
    newcombeInterval({ successes: 190, n: 200 }, { successes: 180, n: 200 }),
  );
});

Deno.test("assessClaim() reproduces an absolute accuracy only within CI + tolerance on paper runs", () => {
  // MNIST's validation claims are flagged (C5), so the rule's own verdict is checked.
  const close = makeResults({ accuracy: { hybrid: 0.99 } });
  assert.equal(assessClaim(claim("mnist-val-hybrid"), close).ruleVerdict, "reproduced");
  const far = makeResults({ accuracy: { hybrid: 0.9 } });
  assert.equal(assessClaim(claim("mnist-val-hybrid"), far).ruleVerdict, "not reproduced");
  const one = makeResults({ seeds: [1], accuracy: { hybrid: 0.99 } });
  assert.equal(assessClaim(claim("mnist-val-hybrid"), one).ruleVerdict, UNDERPOWERED);
  const quick = makeResults({ profile: "quick", accuracy: { hybrid: 0.99 } });
  const a = assessClaim(claim("mnist-val-hybrid"), quick);
  assert.equal(a.ruleVerdict, "not testable here");
  assert.match(a.reason, /; profile quick: 3 epoch\(s\) on 300 training images/);
});

Deno.test("assessClaim() marks accuracy claims on stand-in data not testable and labels them", () => {
  const r = makeResults({ provenance: "synthetic stand-in" });
  const gap = assessClaim(claim("mnist-val-gap"), r);
  assert.equal(gap.verdict, "not testable here");
  assert.equal(gap.standIn, true);
  assert.equal(assessClaim(claim("mnist-fgsm-gap"), r).reason, "synthetic stand-in data set");
});

Deno.test("assessClaim() calls parameter reductions not testable (unspecified architecture) and shows ours", () => {
  const p = assessClaim(claim("mnist-params"), makeResults()); // 1 - 928 / 1000 = 7.2 %
  assert.equal(p.verdict, "not testable here");
  assert.match(p.reason, /^decided by the CNN trunk and head, which the paper does not specify/);
  assert.ok(Math.abs(p.measured!.value - 0.072) < 1e-12);
});

Deno.test("assessClaim() flags the paper's contradictions and keeps the rule's verdict", () => {
  const r = makeResults({ dataset: "cifar100", epochSeconds: { hybrid: 1.8, classical: 1 } });
  const a = assessClaim(claim("cifar100-time-ratio"), r);
  assert.equal(a.verdict, "inconsistent within the paper");
  assert.equal(a.ruleVerdict, "reproduced"); // ratio of means (1.85 + 0.1) / (1.05 + 0.1) is within 25 %
  const test = assessClaim(claim("cifar100-test-hybrid"), r);
  assert.equal(test.verdict, "inconsistent within the paper");
  assert.equal(test.ruleVerdict, "not reproduced");
});

Deno.test("assessClaim() never tests hardware-dependent absolute numbers", () => {
  const a = assessClaim(claim("mnist-cpu-hybrid"), makeResults());
  assert.equal(a.verdict, "not testable here");
  assert.notEqual(a.measured, null);
});

Deno.test("assessClaim() says when a data set has no results", () => {
  const a = assessClaim(claim("stl10-val-gap"), undefined);
  assert.deepEqual([a.verdict, a.measured, a.reason], [
    "not testable here",
    null,
    "no stl10 results on disk",
  ]);
});

function fixtures(): Results[] {
  return [
    makeResults({ dataset: "mnist", accuracy: { hybrid: 0.97, classical: 0.96, control: 0.975 } }),
    makeResults({ dataset: "cifar100", seeds: [1], accuracy: { hybrid: 0.3, classical: 0.32 } }),
    makeResults({ dataset: "stl10", provenance: "synthetic stand-in", seeds: [1, 2] }),
  ];
}

Deno.test("buildReport() numbers in the claims table equal values recomputed from the runs", () => {
  const results = fixtures();
  const inputs = results.map((r) => ({ results: r, file: `runs/${r.dataset.name}/results.json` }));
  const md = toMarkdown(buildReport(inputs, { generatedAt: "T" }));
  const table = tableWith(parseTables(md), "id", "data set", "claim");
  assert.equal(table.rows.length, CLAIMS.length);
  let checked = 0;
  for (const row of table.rows) {
    const [id, , , , ours] = row as [string, string, string, string, string];
    const r = results.find((r) => id.startsWith(r.dataset.name + "-"))!;
    const expected = expectedClaimValue(id, r);
    if (expected === undefined || ours === "-") continue;
    const tolerance = 0.5 * 10 ** -decimalsOf(ours) + 1e-9;
    assert.ok(Math.abs(firstNumber(ours) - expected) <= tolerance, `${id}: ${ours} vs ${expected}`);
    checked++;
  }
  assert.ok(checked >= 30, `checked only ${checked} rows`);
});

Deno.test("buildReport() measured-results tables equal the stored summaries", () => {
  const results = fixtures();
  const md = toMarkdown(buildReport(results.map((r) => ({ results: r, file: "f" }))));
  const tables = parseTables(md).filter((t) => t.header[1] === "model" && t.header[2] === "seeds");
  assert.equal(tables.length, 3);
  tables.forEach((t, i) => {
    for (const row of t.rows) {
      const model = results[i]!.models[row[1] as "hybrid"]!;
      RESULT_COLUMNS.forEach(([key, , unit], j) => {
        const cell = row[j + 3]!;
        const scale = unit.endsWith("Accuracy") ? 100 : 1;
        const tolerance = 0.5 * 10 ** -decimalsOf(cell) + 1e-9;
        assert.ok(Math.abs(firstNumber(cell) - model.summary[key]!.mean * scale) <= tolerance, key);
      });
    }
  });
});

Deno.test("buildReport() warns loudly about stand-in data and short profiles", () => {
  const results = [
    makeResults({ dataset: "stl10", provenance: "synthetic stand-in", profile: "smoke" }),
  ];
  const md = toMarkdown(buildReport(results.map((r) => ({ results: r, file: "f" }))));
  assert.match(
    md,
    /> \*\*Warning:\*\* \*\*STL-10 HERE IS A SYNTHETIC STAND-IN, NOT THE REAL DATA SET\*\*/,
  );
  assert.match(md, /> \*\*Warning:\*\* Profile \*\*smoke\*\*/);
  assert.match(md, /No results for MNIST, CIFAR-100/);
  assert.match(
    md,
    /## Does the circuit matter\? Hybrid vs width-matched control and frozen circuit/,
  );
  assert.doesNotMatch(md, /parameter-matched/);
  assert.match(md, /## Contradictions within the paper/);
  assert.match(md, /## Verdict rules/);
});

Deno.test("assessAll() counts one verdict per claim", () => {
  const all = assessAll(fixtures().map((r) => ({ results: r, file: "f" })));
  assert.equal(all.length, CLAIMS.length);
  const inconsistent = all.filter((a) => a.verdict === "inconsistent within the paper");
  assert.ok(inconsistent.some((a) => a.claim.id === "cifar100-test-hybrid"));
  assert.ok(inconsistent.some((a) => a.claim.id === "mnist-time-ratio"));
});

Deno.test("toHTML() escapes text and keeps every table row", () => {
  const html = toHTML([
    { type: "table", header: ["a<b", "c"], rows: [["`x`", "**y**"], ["1", "2"]] },
  ], "T & U");
  assert.match(html, /<title>T &amp; U<\/title>/);
  assert.match(html, /<th>a&lt;b<\/th>/);
  assert.match(html, /<td><code>x<\/code><\/td><td><strong>y<\/strong><\/td>/);
  assert.equal(html.match(/<tr>/g)!.length, 3);
});

Deno.test("writeReport() writes REPORT.md and REPORT.html without temporary files", async () => {
  const dir = await Deno.makeTempDir();
  const paths = await writeReport(fixtures().map((r) => ({ results: r, file: "f" })), {
    outDir: dir,
  });
  assert.deepEqual(paths, { markdown: `${dir}/REPORT.md`, html: `${dir}/REPORT.html` });
  const names = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  assert.deepEqual(names.sort(), ["REPORT.html", "REPORT.md"]);
  const html = await Deno.readTextFile(paths.html);
  const md = await Deno.readTextFile(paths.markdown);
  assert.equal(
    html.match(/<tr>/g)!.length,
    md.split("\n").filter((l) => /^\| (?!-)/.test(l)).length,
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("CONTRADICTIONS lists the paper's self-contradictions with their numbers", () => {
  const text = Object.values(CONTRADICTIONS).join(" ");
  for (
    const n of [
      "41.69 %",
      "84.6 %",
      "74.05 %",
      "92.1 %",
      "5-12x",
      "2.3x",
      "21.23 s",
      "108.44 s",
      "99.38 %",
    ]
  ) {
    assert.ok(text.includes(n), n);
  }
  const ids = new Set(
    CLAIMS.flatMap((c) => c.inconsistency === undefined ? [] : [c.inconsistency]),
  );
  assert.deepEqual([...ids].sort(), Object.keys(CONTRADICTIONS).sort());
});
