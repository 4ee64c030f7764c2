import assert from "node:assert/strict";
import {
  buildReport,
  memoryCells,
  PROTOCOL,
  protocolTable,
  survivalStatement,
  toMarkdown,
  UNDERPOWERED,
} from "../../lib/report/mod.ts";
import type { Results } from "../../lib/results/mod.ts";
import { makeResults } from "../results/fixture.ts";
import { parseTables } from "./_report_parse.ts";

function report(results: Results[]): string {
  return toMarkdown(buildReport(results.map((r) => ({ results: r, file: "f" })), {
    generatedAt: "T",
  }));
}

Deno.test("buildReport() labels every row computed on a stand-in, in every table", () => {
  const md = report([
    makeResults({ dataset: "mnist" }),
    makeResults({ dataset: "cifar100", provenance: "synthetic stand-in" }),
  ]);
  let labelled = 0;
  for (const table of parseTables(md)) {
    for (const row of table.rows) {
      const cifarCell = row.find((c) => c.startsWith("CIFAR-100"));
      if (cifarCell === undefined) continue;
      assert.equal(
        cifarCell,
        "CIFAR-100 (synthetic stand-in)",
        `${table.header.join(",")}: ${row}`,
      );
      labelled++;
    }
    for (const row of table.rows) {
      assert.ok(!row.some((c) => c === "MNIST (synthetic stand-in)"), "official MNIST mislabelled");
    }
  }
  // claims, control, robustness (white-box and transfer), memory, features, measured,
  // parameters, environment and runs tables all carry CIFAR-100 rows
  assert.ok(labelled >= 40, `only ${labelled} labelled rows`);
});

Deno.test("buildReport() gives no reproduced or not reproduced verdict on one seed", () => {
  const md = report([makeResults({ dataset: "mnist", seeds: [1] })]);
  const claims = parseTables(md).find((t) => t.header[0] === "id")!;
  for (const row of claims.rows) {
    const verdict = row[5]!;
    // Parameter claims are not testable (unspecified architecture) and time/memory ones need seeds too.
    assert.doesNotMatch(verdict, /^\*\*(not )?reproduced\*\*/, row.join(" | "));
    assert.doesNotMatch(verdict, /rule alone: (not )?reproduced\)/, row.join(" | "));
  }
  assert.ok(claims.rows.some((r) => r[5]!.includes(UNDERPOWERED)));
});

Deno.test("buildReport() control section compares hybrid with the width-matched control and the frozen circuit", () => {
  const one = report([makeResults({ seeds: [1] })]);
  const control = parseTables(one).find((t) => t.header[1] === "comparison")!;
  const comparisons = new Set(control.rows.map((r) => r[1]));
  assert.deepEqual([...comparisons], ["hybrid - control", "hybrid - frozen", "frozen - control"]);
  for (const row of control.rows) {
    assert.match(row[4]!, /^underpowered: run more seeds \(1 seed\)$/);
  }
  assert.match(one, /68 parameters|width-matched/);
  const three = report([makeResults({ accuracy: { hybrid: 0.95, control: 0.8 } })]);
  const rows = parseTables(three).find((t) => t.header[1] === "comparison")!.rows;
  const test = rows.find((r) => r[1] === "hybrid - control" && r[2] === "test accuracy")!;
  assert.equal(test[4], "the circuit helps (significant)");
});

Deno.test("buildReport() robustness section has both FGSM spaces, PGD and transfer attacks", () => {
  const r = makeResults();
  r.transfer = [
    {
      seed: 1,
      source: "classical",
      target: "hybrid",
      attack: "fgsm",
      epsilon: 0.1,
      accuracy: 0.05,
      cleanAccuracy: 0.95,
      count: 64,
    },
    {
      seed: 1,
      source: "hybrid",
      target: "classical",
      attack: "pgd",
      epsilon: 0.1,
      accuracy: 0.5,
      cleanAccuracy: 0.9,
      count: 64,
    },
  ];
  const md = report([r]);
  const white = parseTables(md).find((t) =>
    t.header.includes("FGSM, normalised input") && t.header.includes("PGD")
  )!;
  assert.ok(white.rows.some((row) => row[5]!.includes("(10 steps x 2 restarts)")));
  const transfer = parseTables(md).find((t) => t.header[1] === "crafted on -> evaluated on")!;
  assert.deepEqual(transfer.rows.find((row) => row[1] === "classical -> hybrid")!.slice(2, 3), [
    "5.00 % (1 seed)",
  ]);
  // white-box FGSM of the hybrid is 40 %: a 35 pp stronger black-box attack flags masking
  assert.match(survivalStatement(r), /does not survive: gradient masking/);
});

Deno.test("memoryCells() puts the in-step peak above the weights-plus-Adam floor and says what was not measured", () => {
  const r = makeResults({ seeds: [1] });
  const run = r.models.hybrid!.runs[0]!;
  const cells = memoryCells([run]);
  assert.deepEqual(cells.slice(0, 3), ["32.00 MiB", "2.50 MiB", "12.8x"]);
  const missing = memoryCells([{
    ...run,
    memory: { ...run.memory!, freshProcess: { notMeasured: "no --allow-run" } },
  }]);
  assert.equal(missing[3], "not measured: no --allow-run");
  assert.equal(missing[4], "not measured");
  assert.deepEqual(memoryCells([{ ...run, memory: undefined }]).slice(0, 2), [
    "not measured",
    "not measured",
  ]);
});

Deno.test("protocolTable() is what README.md shows, and every guess is marked", async () => {
  const readme = await Deno.readTextFile(new URL("../../README.md", import.meta.url));
  const start = "<!-- protocol:start -->\n", end = "\n<!-- protocol:end -->";
  const shown = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
  const cells = (t: string) =>
    t.trim().split("\n").filter((l) => !/^\|[-: |]+\|$/.test(l)).map((row) =>
      row.split(" | ").map((c) => c.replace(/^\| ?| ?\|$/g, "").trim())
    );
  assert.deepEqual(cells(shown), cells(protocolTable()));
  for (
    const item of ["CNN trunks", "optimiser", "learning rate", "augmentation", "FGSM", "seeds"]
  ) {
    assert.equal(PROTOCOL.find((p) => p.item === item)?.guess, true, item);
  }
});
