import assert from "node:assert/strict";
import {
  classCounts,
  loadDataset,
  renderStandIn,
  STANDIN_SPECS,
  standInLabels,
} from "../../lib/data/mod.ts";

/** A data folder that holds no cache (under /tmp, which the test task may read). */
const NO_CACHE = `/tmp/hqc-no-cache-${crypto.randomUUID()}`;

/** Accuracy bounds of a nearest-class-mean-colour classifier: learnable, yet far from trivial. */
const MIN_ACCURACY_OVER_CHANCE = 2;
const MAX_EASY_ACCURACY = 0.8;

Deno.test("loadDataset() announces a stand-in once, loudly, with the fetch command", async () => {
  const messages: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => messages.push(args.join(" "));
  try {
    const a = await loadDataset("stl10", {
      dataDir: NO_CACHE,
      sizes: { train: 10, val: 10, test: 10 },
    });
    await loadDataset("stl10", {
      dataDir: NO_CACHE,
      sizes: { train: 10, val: 10, test: 10 },
    });
    assert.equal(a.provenance, "synthetic stand-in");
  } finally {
    console.error = original;
  }
  assert.equal(messages.length, 1);
  assert.match(messages[0]!, /STL10: USING A SYNTHETIC STAND-IN, NOT THE REAL DATA SET/);
  assert.match(messages[0]!, /deno task data stl10/);
});

Deno.test("standInLabels() balances the classes of the official split sizes", () => {
  assert.deepEqual(
    classCounts(standInLabels(STANDIN_SPECS.cifar100, "train"), 100),
    new Array(100).fill(500),
  );
  assert.deepEqual(
    classCounts(standInLabels(STANDIN_SPECS.cifar100, "test"), 100),
    new Array(100).fill(100),
  );
  assert.deepEqual(
    classCounts(standInLabels(STANDIN_SPECS.stl10, "train"), 10),
    new Array(10).fill(500),
  );
  assert.deepEqual(
    classCounts(standInLabels(STANDIN_SPECS.stl10, "test"), 10),
    new Array(10).fill(800),
  );
});

Deno.test("renderStandIn() renders each image from its index alone, deterministically", () => {
  const spec = STANDIN_SPECS.cifar100;
  const many = renderStandIn(spec, "train", [5, 17, 40]);
  const one = renderStandIn(spec, "train", [17]);
  const pixels = 32 * 32 * 3;
  assert.deepEqual(one.images, many.images.subarray(pixels, 2 * pixels));
  assert.notDeepEqual(renderStandIn(spec, "test", [17]).images, one.images);
  const values = new Set(many.images);
  assert.ok(values.size > 200, `only ${values.size} distinct pixel values`);
});

Deno.test("renderStandIn() is learnable but not trivial: mean colour beats chance, not by much", () => {
  const spec = STANDIN_SPECS.stl10;
  const n = 300;
  const train = renderStandIn(spec, "train", Array.from({ length: n }, (_, i) => i));
  const test = renderStandIn(spec, "test", Array.from({ length: n }, (_, i) => i));
  const meanColour = (set: typeof train, i: number) => {
    const out = [0, 0, 0];
    const pixels = 96 * 96;
    for (let p = 0; p < pixels; p++) {
      for (let c = 0; c < 3; c++) out[c]! += set.images[(i * pixels + p) * 3 + c]!;
    }
    return out.map((v) => v / pixels);
  };
  const centroids = Array.from({ length: 10 }, () => [0, 0, 0]);
  const counts = classCounts(train.labels, 10);
  for (let i = 0; i < n; i++) {
    meanColour(train, i).forEach((v, c) =>
      centroids[train.labels[i]!]![c]! += v / counts[train.labels[i]!]!
    );
  }
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const f = meanColour(test, i);
    const distances = centroids.map((m) => m.reduce((s, v, c) => s + (v - f[c]!) ** 2, 0));
    if (distances.indexOf(Math.min(...distances)) === test.labels[i]) correct++;
  }
  const accuracy = correct / n;
  assert.ok(accuracy > MIN_ACCURACY_OVER_CHANCE / 10, `accuracy ${accuracy}`);
  assert.ok(accuracy < MAX_EASY_ACCURACY, `accuracy ${accuracy}`);
});
