import assert from "node:assert/strict";
import {
  CIFAR100_COARSE_CLASSES,
  CIFAR100_FINE_CLASSES,
  CIFAR100_FINE_TO_COARSE,
  DataFormatError,
  parseCifar100,
  parseIdx,
  parseMnist,
  parseStl10,
  STL10_CLASSES,
  UNLABELED,
} from "../../lib/data/mod.ts";
import { cifarBytes, idxBytes, pattern, stlBytes } from "./_fixtures.ts";

/** HWC value of pixel (i, row, col, channel). */
function at(
  set: { images: Uint8Array; height: number; width: number; channels: number },
  i: number,
  row: number,
  col: number,
  channel: number,
): number {
  return set.images[((i * set.height + row) * set.width + col) * set.channels + channel]!;
}

Deno.test("parseIdx() reads dimensions and row-major uint8 values", () => {
  const data = Array.from({ length: 2 * 3 * 4 }, (_, i) => i);
  const parsed = parseIdx(idxBytes([2, 3, 4], data));
  assert.equal(parsed.dtype, "uint8");
  assert.deepEqual(parsed.dims, [2, 3, 4]);
  assert.deepEqual([...parsed.data], data);
});

Deno.test("parseIdx() reads big-endian int32 values", () => {
  const bytes = new Uint8Array([0, 0, 0x0c, 1, 0, 0, 0, 2, 0, 0, 1, 0, 0xff, 0xff, 0xff, 0xfe]);
  const parsed = parseIdx(bytes);
  assert.equal(parsed.dtype, "int32");
  assert.deepEqual([...parsed.data], [256, -2]);
});

Deno.test("parseIdx() rejects a wrong magic number naming the file", () => {
  const bytes = idxBytes([1], [0]);
  bytes[0] = 0x1f;
  assert.throws(() => parseIdx(bytes, { file: "x.idx" }), (e: unknown) => {
    assert.ok(e instanceof DataFormatError);
    assert.equal(e.file, "x.idx");
    assert.match(e.message, /^Expected IDX magic .* in x\.idx but found magic 0x1f000801$/);
    return true;
  });
});

Deno.test("parseIdx() rejects an unknown element type", () => {
  assert.throws(() => parseIdx(idxBytes([1], [0], 0x07)), DataFormatError);
});

Deno.test("parseIdx() rejects a truncated file", () => {
  const bytes = idxBytes([3, 2, 2], new Array(12).fill(1)).subarray(0, 20);
  assert.throws(
    () => parseIdx(bytes, { file: "t.idx" }),
    {
      name: "DataFormatError",
      message:
        "Expected 28 bytes for dimensions [3, 2, 2] of uint8 in t.idx but found 20 bytes (truncated file)",
    },
  );
  assert.throws(() => parseIdx(new Uint8Array([0, 0])), /truncated file/);
});

Deno.test("parseMnist() pairs images and labels into gray HWC images", () => {
  const pixels = Array.from({ length: 2 * 3 * 4 }, (_, i) => i * 5);
  const mnist = parseMnist(idxBytes([2, 3, 4], pixels), idxBytes([2], [7, 1]));
  assert.deepEqual(
    { count: mnist.count, height: mnist.height, width: mnist.width, channels: mnist.channels },
    { count: 2, height: 3, width: 4, channels: 1 },
  );
  assert.equal(at(mnist, 1, 2, 3, 0), pixels[12 + 2 * 4 + 3]);
  assert.deepEqual([...mnist.labels], [7, 1]);
});

Deno.test("parseMnist() rejects a label out of range and a count mismatch", () => {
  const images = idxBytes([2, 1, 1], [0, 0]);
  assert.throws(
    () => parseMnist(images, idxBytes([2], [3, 10]), { labelsFile: "l.idx" }),
    {
      name: "DataFormatError",
      message: "Expected labels in 0..9 in l.idx but found label 10 at index 1",
    },
  );
  assert.throws(() => parseMnist(images, idxBytes([3], [1, 2, 3])), {
    name: "DataFormatError",
    message: "Expected 2 labels (one per image of <images>) in <labels> but found 3 labels",
  });
});

Deno.test("parseCifar100() puts the R, G, B planes at the right rows, columns and channels", () => {
  const bytes = cifarBytes([{ coarse: 3, fine: 9 }, { coarse: 19, fine: 99 }]);
  const set = parseCifar100(bytes);
  assert.equal(set.count, 2);
  assert.deepEqual([set.height, set.width, set.channels], [32, 32, 3]);
  assert.deepEqual([...set.labels], [9, 99]);
  assert.deepEqual([...set.coarseLabels], [3, 19]);
  for (
    const [i, row, col, c] of [[0, 0, 0, 0], [0, 0, 31, 1], [1, 31, 0, 2], [1, 5, 17, 1], [
      0,
      30,
      2,
      0,
    ]]
  ) {
    assert.equal(
      at(set, i!, row!, col!, c!),
      pattern(i!, row!, col!, c!),
      `pixel ${[i, row, col, c]}`,
    );
  }
  // The first pixel's three channels are bytes 2, 2 + 1024 and 2 + 2048 of the record.
  assert.deepEqual([...set.images.subarray(0, 3)], [bytes[2], bytes[2 + 1024], bytes[2 + 2048]]);
});

Deno.test("parseCifar100() keeps only the requested records in order", () => {
  const bytes = cifarBytes([{ coarse: 0, fine: 1 }, { coarse: 0, fine: 2 }, {
    coarse: 0,
    fine: 3,
  }]);
  const set = parseCifar100(bytes, { indices: [2, 0] });
  assert.deepEqual([...set.labels], [3, 1]);
  assert.equal(at(set, 0, 4, 5, 2), pattern(2, 4, 5, 2));
});

Deno.test("parseCifar100() rejects a size that is not a whole number of records", () => {
  const bytes = cifarBytes([{ coarse: 0, fine: 0 }, { coarse: 0, fine: 0 }]).subarray(0, 5000);
  assert.throws(
    () => parseCifar100(bytes, { file: "train.bin" }),
    {
      name: "DataFormatError",
      message:
        "Expected a positive whole number of 3074-byte CIFAR-100 records in train.bin but found 5000 bytes (1.627 records)",
    },
  );
  assert.throws(() => parseCifar100(new Uint8Array(0)), DataFormatError);
});

Deno.test("parseCifar100() rejects a label out of range", () => {
  assert.throws(
    () =>
      parseCifar100(cifarBytes([{ coarse: 1, fine: 2 }, { coarse: 2, fine: 100 }]), {
        file: "test.bin",
      }),
    {
      name: "DataFormatError",
      message:
        "Expected coarse labels in 0..19 and fine labels in 0..99 in test.bin but found coarse 2, fine 100 in record 1",
    },
  );
  assert.throws(() => parseCifar100(cifarBytes([{ coarse: 20, fine: 2 }])), DataFormatError);
});

Deno.test("parseStl10() turns column-major channel planes into HWC rows and columns", () => {
  const bytes = stlBytes(2);
  const set = parseStl10(bytes, new Uint8Array([1, 10]));
  assert.deepEqual([set.count, set.height, set.width, set.channels], [2, 96, 96, 3]);
  assert.deepEqual([...set.labels], [0, 9]);
  for (
    const [i, row, col, c] of [[0, 0, 1, 0], [0, 1, 0, 0], [1, 95, 3, 2], [1, 7, 90, 1], [
      0,
      50,
      20,
      2,
    ]]
  ) {
    assert.equal(
      at(set, i!, row!, col!, c!),
      pattern(i!, row!, col!, c!),
      `pixel ${[i, row, col, c]}`,
    );
  }
  // On disk the second byte of the R plane is row 1 of column 0, not row 0 of column 1.
  assert.equal(bytes[1], at(set, 0, 1, 0, 0));
});

Deno.test("parseStl10() without labels marks images unlabeled", () => {
  const set = parseStl10(stlBytes(1));
  assert.deepEqual([...set.labels], [UNLABELED]);
});

Deno.test("parseStl10() rejects partial records, count mismatches and labels outside 1..10", () => {
  assert.throws(
    () => parseStl10(stlBytes(1).subarray(0, 1000), undefined, { imagesFile: "train_X.bin" }),
    {
      name: "DataFormatError",
      message:
        /^Expected a positive whole number of 27648-byte STL-10 images in train_X\.bin but found 1000 bytes/,
    },
  );
  assert.throws(
    () => parseStl10(stlBytes(2), new Uint8Array([1]), { labelsFile: "train_y.bin" }),
    {
      name: "DataFormatError",
      message: "Expected 2 labels (one byte per image) in train_y.bin but found 1 bytes",
    },
  );
  assert.throws(
    () => parseStl10(stlBytes(1), new Uint8Array([0]), { labelsFile: "y.bin" }),
    {
      name: "DataFormatError",
      message: "Expected labels in 1..10 in y.bin but found label 0 at index 0",
    },
  );
  assert.throws(() => parseStl10(stlBytes(1), new Uint8Array([11])), DataFormatError);
});

Deno.test("class name lists match the official lists", () => {
  assert.equal(CIFAR100_FINE_CLASSES.length, 100);
  assert.equal(new Set(CIFAR100_FINE_CLASSES).size, 100);
  assert.deepEqual([...CIFAR100_FINE_CLASSES].sort(), [...CIFAR100_FINE_CLASSES]); // official order is alphabetical
  assert.equal(CIFAR100_COARSE_CLASSES.length, 20);
  assert.equal(CIFAR100_FINE_CLASSES[0], "apple");
  assert.equal(CIFAR100_FINE_CLASSES[99], "worm");
  assert.equal(
    CIFAR100_COARSE_CLASSES[CIFAR100_FINE_TO_COARSE[CIFAR100_FINE_CLASSES.indexOf("whale")]!],
    "aquatic_mammals",
  );
  assert.equal(
    CIFAR100_COARSE_CLASSES[CIFAR100_FINE_TO_COARSE[CIFAR100_FINE_CLASSES.indexOf("tractor")]!],
    "vehicles_2",
  );
  for (let c = 0; c < 20; c++) {
    assert.equal(CIFAR100_FINE_TO_COARSE.filter((k) => k === c).length, 5);
  }
  assert.deepEqual(STL10_CLASSES, [
    "airplane",
    "bird",
    "car",
    "cat",
    "deer",
    "dog",
    "horse",
    "monkey",
    "ship",
    "truck",
  ]);
});
