import assert from "node:assert/strict";
import { LiveProgress } from "../../lib/notebook/progress.ts";

const DISPLAY = Symbol.for("Jupyter.display");

interface Shown {
  id: string;
  update: boolean;
  text: string;
}

function recorder(): { shown: Shown[]; display: ConstructorParameters<typeof LiveProgress>[0] } {
  const shown: Shown[] = [];
  return {
    shown,
    display(obj, options) {
      const bundle = (obj as Record<symbol, () => Record<string, string>>)[DISPLAY]!();
      shown.push({
        id: options?.display_id ?? "",
        update: options?.update === true,
        text: bundle["text/plain"]!,
      });
    },
  };
}

Deno.test("LiveProgress shows once, then updates the same display id", async () => {
  const { shown, display } = recorder();
  const progress = new LiveProgress(display, { id: "p", minIntervalMs: 0, settleMs: 0 });
  await progress.start();
  progress.set("hybrid", { fraction: 0.5, text: "epoch 1/2" });
  await progress.flush();
  await progress.finish();
  assert.deepEqual(shown.map((s) => [s.id, s.update]), [["p", false], ["p", true], ["p", true]]);
  assert.match(shown[1]!.text, /hybrid +\[#{12}\.{12}\] {2}50% epoch 1\/2/);
});

Deno.test("LiveProgress throttles updates and always shows the latest state", async () => {
  const { shown, display } = recorder();
  let clock = 0;
  const progress = new LiveProgress(display, { minIntervalMs: 1000, now: () => clock });
  await progress.start();
  for (let i = 1; i <= 10; i++) progress.set("m", { fraction: i / 10, text: `batch ${i}` });
  await progress.flush();
  assert.equal(shown.length, 2);
  assert.match(shown[1]!.text, /100% batch 10/);
  clock = 5000;
  progress.set("m", { fraction: 1, text: "done" });
  await progress.flush();
  assert.equal(shown.length, 3);
});

Deno.test("LiveProgress displays a snapshot, not the live state", async () => {
  const shown: unknown[] = [];
  const progress = new LiveProgress((obj) => void shown.push(obj), { minIntervalMs: 0 });
  progress.set("a", { fraction: 0.1, text: "first" });
  await progress.flush();
  progress.set("a", { fraction: 0.9, text: "second" });
  await progress.flush();
  const first = (shown[0] as Record<symbol, () => Record<string, string>>)[DISPLAY]!();
  assert.match(first["text/plain"]!, /first/);
});

Deno.test("LiveProgress clamps fractions and escapes HTML", () => {
  const progress = new LiveProgress(() => {}, { minIntervalMs: 10_000 });
  progress.set("<m>", { fraction: 7, text: "a & b" });
  progress.set("n", { fraction: Number.NaN, text: "" });
  assert.deepEqual([...progress.rows.values()].map((r) => r.fraction), [1, 0]);
  assert.match(progress.toHTML(), /&lt;m&gt;.*a &amp; b/);
});

Deno.test("LiveProgress rejects a negative interval", () => {
  assert.throws(() => new LiveProgress(() => {}, { minIntervalMs: -1 }), RangeError);
});
