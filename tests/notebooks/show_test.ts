import assert from "node:assert/strict";
import { createShow } from "../../lib/notebook/show.ts";

Deno.test("createShow() shows strings as plain text and figures with their captions", async () => {
  const shown: [unknown, unknown][] = [];
  const show = createShow((obj, options) => void shown.push([obj, options]), { settleMs: 0 });
  const figure = { id: "fig13a", caption: "Loss per epoch", svg: "<svg/>" };
  const other = { value: 1 };
  await show("hello", figure, other);
  assert.deepEqual(shown, [
    [{ "text/plain": "hello" }, { raw: true }],
    [figure, undefined],
    [{ "text/markdown": "**fig13a.** Loss per epoch" }, { raw: true }],
    [other, undefined],
  ]);
});

Deno.test("createShow() waits for each display before the next", async () => {
  const order: string[] = [];
  const show = createShow(async (obj) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    order.push((obj as Record<string, string>)["text/plain"]!);
  }, { settleMs: 1 });
  await show("a", "b");
  assert.deepEqual(order, ["a", "b"]);
});

Deno.test("createShow() rejects a negative settle time", () => {
  assert.throws(() => createShow(() => {}, { settleMs: -5 }), RangeError);
});
