import assert from "node:assert/strict";
import { SeededRandom } from "../../lib/random/mod.ts";

Deno.test("SeededRandom.fromState() continues the same stream", () => {
  const a = new SeededRandom(42);
  for (let i = 0; i < 7; i++) a.nextUint32();
  const b = SeededRandom.fromState(a.state);
  assert.deepEqual(
    Array.from({ length: 5 }, () => b.next()),
    Array.from({ length: 5 }, () => a.next()),
  );
});

Deno.test("SeededRandom() gives equal streams for equal seeds and different ones otherwise", () => {
  const draw = (seed: number) => {
    const r = new SeededRandom(seed);
    return Array.from({ length: 4 }, () => r.nextUint32());
  };
  assert.deepEqual(draw(3), draw(3));
  if (draw(3).join() === draw(4).join()) throw new Error("seeds 3 and 4 gave the same stream");
});

Deno.test("SeededRandom.next() stays in [0, 1) with a mean near 1/2", () => {
  const r = new SeededRandom(9);
  const n = 20000;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = r.next();
    if (!(v >= 0 && v < 1)) throw new Error(`draw ${v} out of [0, 1)`);
    sum += v;
  }
  // standard error of the mean of U(0,1) is sqrt(1/12/n) ~ 0.002
  if (Math.abs(sum / n - 0.5) > 0.01) throw new Error(`mean ${sum / n} far from 0.5`);
});

Deno.test("SeededRandom.fromState() rejects a state outside 32 bits", () => {
  assert.throws(() => SeededRandom.fromState(-1), {
    name: "RangeError",
    message: "Expected a random state in 0..2^32-1 but found -1: pass a value read from .state",
  });
});
