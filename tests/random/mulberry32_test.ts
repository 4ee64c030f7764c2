import assert from "node:assert/strict";
import { mulberry32, mulberry32Advance, mulberry32Output } from "../../lib/random/mod.ts";

// The first outputs of mulberry32 with seed 0, computed by hand from the
// algorithm's definition (state += 0x6d2b79f5; three xor-shift-multiply rounds).
function referenceFirst(seed: number): number {
  const state = (seed + 0x6d2b79f5) >>> 0;
  const a = Math.imul(state ^ (state >>> 15), state | 1) >>> 0;
  const b = (a ^ (a + Math.imul(a ^ (a >>> 7), a | 61))) >>> 0;
  return ((b ^ (b >>> 14)) >>> 0) / 2 ** 32;
}

Deno.test("mulberry32() starts with the output its definition gives", () => {
  for (const seed of [0, 1, 42, 0xffffffff]) {
    assert.equal(mulberry32(seed)(), referenceFirst(seed));
  }
});

Deno.test("mulberry32() gives equal streams for equal seeds and different ones otherwise", () => {
  const a = mulberry32(7), b = mulberry32(7), c = mulberry32(8);
  const xs = Array.from({ length: 5 }, () => a());
  assert.deepEqual(Array.from({ length: 5 }, () => b()), xs);
  assert.notDeepEqual(Array.from({ length: 5 }, () => c()), xs);
});

Deno.test("mulberry32() stays in [0, 1) with a mean near 1/2", () => {
  const random = mulberry32(3);
  let sum = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) {
    const x = random();
    assert.ok(x >= 0 && x < 1);
    sum += x;
  }
  assert.ok(Math.abs(sum / n - 0.5) < 0.01);
});

Deno.test("mulberry32Advance() and mulberry32Output() step the same stream", () => {
  const random = mulberry32(11);
  let state = 11;
  for (let i = 0; i < 4; i++) {
    state = mulberry32Advance(state);
    assert.equal(mulberry32Output(state) / 2 ** 32, random());
  }
});
