import assert from "node:assert/strict";
import {
  newcombeInterval,
  normalQuantile,
  tInterval,
  welchInterval,
  wilsonInterval,
} from "../../lib/report/mod.ts";

Deno.test("normalQuantile() matches the standard normal quantiles", () => {
  assert.ok(Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-8);
  assert.ok(Math.abs(normalQuantile(0.95) - 1.6448536269514722) < 1e-8);
  assert.ok(Math.abs(normalQuantile(0.001) + 3.090232306167813) < 1e-7);
  assert.equal(normalQuantile(0.5), 0);
});

Deno.test("wilsonInterval() never collapses to a point at 0 % or 100 %", () => {
  const [l0, h0] = wilsonInterval(0, 64);
  assert.equal(l0, 0);
  // closed form at p = 0: z^2 / (n + z^2)
  const z = normalQuantile(0.975);
  assert.ok(Math.abs(h0 - z * z / (64 + z * z)) < 1e-12);
  const [l1, h1] = wilsonInterval(64, 64);
  assert.equal(h1, 1);
  assert.ok(Math.abs(l1 - 64 / (64 + z * z)) < 1e-12);
});

Deno.test("wilsonInterval() rejects a count outside [0, n] with a clear message", () => {
  assert.throws(() => wilsonInterval(5, 4), {
    name: "RangeError",
    message: "Expected successes in [0, 4] but found 5: pass a count of correct images",
  });
});

Deno.test("newcombeInterval() reproduces Newcombe's (1998) worked example", () => {
  // Newcombe, Stat Med 17:873, table II, 56/70 vs 48/80, method 10: 0.0524 to 0.3339.
  const [low, high] = newcombeInterval({ successes: 56, n: 70 }, { successes: 48, n: 80 });
  assert.ok(Math.abs(low - 0.0524) < 5e-5, String(low));
  assert.ok(Math.abs(high - 0.3339) < 5e-5, String(high));
});

Deno.test("newcombeInterval() is not +0 ± 0 when both models score 0 %", () => {
  const [low, high] = newcombeInterval({ successes: 0, n: 100 }, { successes: 0, n: 100 });
  assert.ok(low < -0.03 && high > 0.03);
});

Deno.test("tInterval() and welchInterval() match hand-computed t intervals", () => {
  // mean 2, s = 1, t(0.975, 2) = 4.302652729911275
  const [l, h] = tInterval([1, 2, 3]);
  assert.ok(Math.abs(h - 2 - 4.302652729911275 / Math.sqrt(3)) < 1e-9);
  assert.ok(Math.abs(2 - l - 4.302652729911275 / Math.sqrt(3)) < 1e-9);
  // equal variances and sizes: Welch df = 4, se = sqrt(2/3)
  const [wl, wh] = welchInterval([1, 2, 3], [0, 1, 2]);
  const half = 2.7764451051977987 * Math.sqrt(2 / 3);
  assert.ok(Math.abs(wl - (1 - half)) < 1e-9 && Math.abs(wh - (1 + half)) < 1e-9);
  assert.throws(() => tInterval([1]), RangeError);
});
