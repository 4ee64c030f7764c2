import assert from "node:assert/strict";
import { table } from "../../lib/notebook/table.ts";

const DISPLAY = Symbol.for("Jupyter.display");

Deno.test("table() formats numbers with the given decimals and leaves integers whole", () => {
  const t = table([{ model: "hybrid", accuracy: 0.98765, parameters: 1234 }], { digits: 2 });
  assert.deepEqual(t.columns, ["model", "accuracy", "parameters"]);
  assert.deepEqual(t.rows, [["hybrid", "0.99", "1234"]]);
});

Deno.test("table() aligns text left and numbers right in plain text", () => {
  const t = table([{ m: "a", v: 1.5 }, { m: "bbb", v: 10 }], { digits: 1, caption: "Cap" });
  assert.equal(t.toText(), "Cap\nm      v\n---  ---\na    1.5\nbbb   10");
});

Deno.test("table() escapes HTML and shows as HTML and text in Jupyter", () => {
  const t = table([{ claim: "<b>x</b> & y" }], { columns: ["claim"] });
  const bundle = (t[DISPLAY] as () => Record<string, string>)();
  assert.match(bundle["text/html"]!, /&lt;b&gt;x&lt;\/b&gt; &amp; y/);
  assert.equal(bundle["text/plain"], t.toText());
});

Deno.test("table() leaves missing values empty and keeps the columns asked for", () => {
  const t = table([{ a: 1 }, { a: null, b: "x" }], { columns: ["a", "b"] });
  assert.deepEqual(t.rows, [["1", ""], ["", "x"]]);
});

Deno.test("table() rejects digits outside [0, 20]", () => {
  assert.throws(() => table([], { digits: -1 }), RangeError);
  assert.throws(() => table([], { digits: 1.5 }), RangeError);
});
