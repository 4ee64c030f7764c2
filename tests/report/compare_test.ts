import assert from "node:assert/strict";
import {
  compareModels,
  judgeDirection,
  MIN_SEEDS,
  newcombeInterval,
  tInterval,
  UNDERPOWERED,
  union,
} from "../../lib/report/mod.ts";
import type { Results } from "../../lib/results/mod.ts";
import { makeResults } from "../results/fixture.ts";

/** Results whose test split has `test` images per seed (so score intervals can be narrow). */
function withTestSize(r: Results, test: number): Results {
  return { ...r, dataset: { ...r.dataset, sizes: { ...r.dataset.sizes, test } } };
}

function comparison(r: Results) {
  const c = compareModels(r, { metric: "testAccuracy", a: "hybrid", b: "classical" });
  if (typeof c === "string") throw new Error(c);
  return c;
}

Deno.test("judgeDirection() calls a one-seed result underpowered whatever its size", () => {
  for (const hybrid of [0.5, 0.9, 0.99]) {
    const c = comparison(makeResults({ seeds: [1], accuracy: { hybrid, classical: 0.9 } }));
    assert.equal(c.seeds, 1);
    for (const direction of [">", "<", "~"] as const) {
      assert.equal(judgeDirection(c, direction).verdict, UNDERPOWERED, `${hybrid} ${direction}`);
    }
  }
});

Deno.test("judgeDirection() needs MIN_SEEDS seeds: two seeds are still underpowered", () => {
  const c = comparison(makeResults({ seeds: [1, 2], accuracy: { hybrid: 0.99, classical: 0.5 } }));
  assert.equal(MIN_SEEDS, 3);
  assert.equal(judgeDirection(c, ">").verdict, UNDERPOWERED);
});

Deno.test("compareModels() pairs by seed and widens to Newcombe over the pooled images", () => {
  const r = makeResults({ accuracy: { hybrid: 0.95, classical: 0.9 } });
  const c = comparison(r);
  assert.equal(c.paired, true);
  assert.equal(c.seeds, 3);
  const hybrid = r.models.hybrid!.runs.map((x) => x.test.accuracy);
  const classical = r.models.classical!.runs.map((x) => x.test.accuracy);
  const t = tInterval(hybrid.map((h, i) => h - classical[i]!));
  const successes = (v: number[]) => v.reduce((s, x) => s + Math.round(x * 200), 0);
  const n = newcombeInterval({ successes: successes(hybrid), n: 600 }, {
    successes: successes(classical),
    n: 600,
  });
  assert.deepEqual(c.interval95, union(t, n));
  assert.match(c.method, /^3 seeds, paired t over seeds, widened to Newcombe/);
});

Deno.test("compareModels() falls back to Welch's t when the seeds differ", () => {
  const a = makeResults({ seeds: [1, 2, 3] });
  const b = makeResults({ seeds: [4, 5, 6] });
  const mixed: Results = {
    ...a,
    models: { hybrid: a.models.hybrid, classical: b.models.classical },
  };
  const c = comparison(mixed);
  assert.equal(c.paired, false);
  assert.match(c.method, /Welch t over seeds/);
});

Deno.test("judgeDirection() separates significantly opposite from underpowered", () => {
  const opposite = comparison(makeResults({ accuracy: { hybrid: 0.7, classical: 0.9 } }));
  const o = judgeDirection(opposite, ">");
  assert.equal(o.verdict, "not reproduced");
  assert.match(o.reason, /^significantly opposite/);
  const unclear = comparison(makeResults({ accuracy: { hybrid: 0.89, classical: 0.9 } }));
  assert.equal(judgeDirection(unclear, ">").verdict, UNDERPOWERED);
});

Deno.test("judgeDirection() on '~' is reproduced inside the equivalence margin and not outside", () => {
  // 20,000 test images per seed: score intervals are about ±0.4 pp, so the margin decides.
  const inside = comparison(
    withTestSize(makeResults({ accuracy: { hybrid: 0.905, classical: 0.9 } }), 20000),
  );
  assert.equal(inside.margin, 0.02);
  const i = judgeDirection(inside, "~");
  assert.equal(i.verdict, "reproduced");
  assert.match(i.reason, /^equivalent within ±2\.0 pp \(TOST/);
  const outside = comparison(
    withTestSize(makeResults({ accuracy: { hybrid: 0.95, classical: 0.9 } }), 20000),
  );
  const o = judgeDirection(outside, "~");
  assert.equal(o.verdict, "not reproduced");
  assert.match(o.reason, /^significantly different/);
});

Deno.test("judgeDirection() on '~' does not count an interval that merely contains 0", () => {
  // 200 images per seed: the interval contains 0 but is wider than ±2 pp.
  const c = comparison(makeResults({ accuracy: { hybrid: 0.9, classical: 0.9 } }));
  assert.ok(c.interval95![0] < 0 && c.interval95![1] > 0);
  assert.equal(judgeDirection(c, "~").verdict, UNDERPOWERED);
});

Deno.test("judgeDirection() reads a claimed direction with a tight null result as no effect", () => {
  const c = comparison(
    withTestSize(makeResults({ accuracy: { hybrid: 0.9, classical: 0.9 } }), 20000),
  );
  const j = judgeDirection(c, ">");
  assert.equal(j.verdict, "not reproduced");
  assert.match(j.reason, /^no effect: equivalent within/);
});

Deno.test("judgeDirection() rejects a significant but negligible effect under minRelativeEffect", () => {
  const r = makeResults({ epochSeconds: { hybrid: 0.99, classical: 1 } });
  const c = compareModels(r, { metric: "stepTensorMB", a: "hybrid", b: "classical" });
  if (typeof c === "string") throw new Error(c);
  // every seed: 30.99 vs 31 MiB -> significant (constant differences), 0.03 % of classical
  const j = judgeDirection(c, "<", { minRelativeEffect: 0.09 });
  assert.equal(j.verdict, "not reproduced");
  assert.match(j.reason, /negligible$/);
});
