// End to end: `deno task reproduce --profile smoke` in a subprocess (the task's own
// permissions), into a temporary folder under data/, then every output is checked.
import assert from "node:assert/strict";
import { loadResults } from "../../lib/results/mod.ts";
import type { DatasetName, Results } from "../../lib/results/mod.ts";
import { MODEL_KINDS } from "../../lib/results/mod.ts";
import { CLAIMS } from "../../lib/report/claims.ts";
import {
  decimalsOf,
  expectedClaimValue,
  firstNumber,
  parseTables,
  tableWith,
} from "../report/_report_parse.ts";

const DATASETS: DatasetName[] = ["mnist", "cifar100", "stl10"];
const FIRST: Record<DatasetName, number> = { mnist: 2, cifar100: 13, stl10: 24 };

/** Figure ids of one data set, from the FIGURES.md table (architecture is figure 1). */
function expectedFigureIds(dataset: DatasetName): string[] {
  const letters = ["abcd", "abc", "", "", "ab", "abcd", "ab", "abc", "", "ab", ""];
  const ids = ["fig01"];
  letters.forEach((l, k) => {
    const n = String(FIRST[dataset] + k).padStart(2, "0");
    if (l === "") ids.push(`fig${n}`);
    else for (const letter of l) ids.push(`fig${n}${letter}`);
  });
  return ids;
}

async function names(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) out.push(e.name);
  return out;
}

Deno.test({
  name: "deno task reproduce --profile smoke writes results, every figure and a faithful report",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    await Deno.mkdir("data", { recursive: true });
    const out = await Deno.makeTempDir({ dir: "data", prefix: "e2e-reproduce-" });
    try {
      const { code, stderr } = await new Deno.Command("deno", {
        args: ["task", "reproduce", "--profile", "smoke", "--out", out],
        stdout: "piped",
        stderr: "piped",
      }).output();
      const log = new TextDecoder().decode(stderr);
      assert.equal(code, 0, log.slice(-4000));
      assert.match(log, /Total time: /);
      assert.match(log, /left ~/);

      const results = new Map<DatasetName, Results>();
      for (const dataset of DATASETS) {
        const dir = `${out}/runs/smoke/${dataset}`;
        const r = await loadResults(`${dir}/results.json`);
        results.set(dataset, r);
        assert.equal(r.profile, "smoke");
        assert.deepEqual(Object.keys(r.models).sort(), [...MODEL_KINDS].sort());
        assert.ok((await names(dir)).includes("analysis.json"));
        assert.ok(!(await names(dir)).some((n) => n.includes(".tmp")), "temporary file left");
        const files = await names(`${out}/figures/${dataset}`);
        for (const id of expectedFigureIds(dataset)) {
          assert.ok(
            files.some((f) => f.startsWith(`${id}_`) && f.endsWith(".svg")),
            `${dataset} ${id}`,
          );
        }
      }

      const md = await Deno.readTextFile(`${out}/figures/REPORT.md`);
      const html = await Deno.readTextFile(`${out}/figures/REPORT.html`);
      assert.match(html, /^<!DOCTYPE html>/);
      const claims = tableWith(parseTables(md), "id", "data set", "claim");
      assert.equal(claims.rows.length, CLAIMS.length);
      let checked = 0;
      for (const row of claims.rows) {
        const id = row[0]!;
        const ours = row[4]!;
        const r = results.get(DATASETS.find((d) => id.startsWith(`${d}-`))!)!;
        const expected = expectedClaimValue(id, r);
        if (expected === undefined || ours === "-") continue;
        const tolerance = 0.5 * 10 ** -decimalsOf(ours) + 1e-9;
        assert.ok(
          Math.abs(firstNumber(ours) - expected) <= tolerance,
          `${id}: ${ours} vs ${expected}`,
        );
        checked++;
      }
      assert.ok(checked >= 10, `only ${checked} claim rows had numbers`);
      const measured = parseTables(md).filter((t) =>
        t.header[1] === "model" && t.header[2] === "seeds"
      );
      assert.equal(measured.length, DATASETS.length);
      measured.forEach((table, i) => {
        const r = results.get(DATASETS[i]!)!;
        const column = table.header.indexOf("test accuracy");
        for (const row of table.rows) {
          const runs = r.models[row[1] as "hybrid"]!.runs;
          const expected = 100 * runs.reduce((a, run) => a + run.test.accuracy, 0) / runs.length;
          assert.ok(
            Math.abs(firstNumber(row[column]!) - expected) <= 0.005 + 1e-9,
            row.join(" | "),
          );
        }
      });
      for (const r of results.values()) {
        if (r.dataset.provenance !== "official") assert.match(md, /SYNTHETIC STAND-IN/);
      }
      assert.match(md, /Profile \*\*smoke\*\*/);
      // The "done when": one seed gives no verdict, the controls, memory inside a step,
      // the protocol and every attack are there.
      for (const row of claims.rows) {
        assert.doesNotMatch(row[5]!, /^\*\*(not )?reproduced\*\*|rule alone: (not )?reproduced/);
      }
      for (
        const heading of [
          "## Does the circuit matter? Hybrid vs width-matched control and frozen circuit",
          "## Robustness: FGSM in both spaces, PGD and transfer attacks",
          "## Memory, measured inside a training step and per fresh process",
          "## Protocol: what the paper specifies and what we chose",
          "## Feature space at equal width",
        ]
      ) assert.ok(md.includes(heading), heading);
      for (const r of results.values()) {
        assert.ok((r.transfer?.length ?? 0) > 0, `${r.dataset.name}: no transfer attack`);
        for (const m of Object.values(r.models)) {
          const memory = m!.runs[0]!.memory!;
          assert.ok(memory.stepPeakTensorMB > memory.floorMB, `${r.dataset.name} ${m!.kind}`);
          assert.ok("peakRssMB" in memory.freshProcess, JSON.stringify(memory.freshProcess));
        }
      }
    } finally {
      await Deno.remove(out, { recursive: true });
    }
  },
});
