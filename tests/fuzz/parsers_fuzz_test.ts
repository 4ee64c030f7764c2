/**
 * Property-based tests of the IDX, CIFAR-100 and STL-10 parsers: any bytes are
 * either parsed or refused with a DataFormatError (never another error, never a
 * hang or an allocation the input cannot back); well-formed files round-trip.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  CIFAR100_RECORD_BYTES,
  parseCifar100,
  parseIdx,
  parseStl10,
  parseStl10Labels,
  STL10_RECORD_BYTES,
  stl10RecordCount,
} from "../../lib/data/mod.ts";
import { FUZZ, outcome } from "./_config.ts";

const ALLOWED = new Set(["ok", "DataFormatError"]);

/** An IDX header (magic, type, dims) followed by `data`; fields may be damaged by the caller. */
function idx(type: number, dims: number[], data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = type;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  out.set(data, 4 + 4 * dims.length);
  return out;
}

Deno.test("parseIdx() parses or refuses any bytes with a DataFormatError", () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
      assert.ok(ALLOWED.has(outcome(() => parseIdx(bytes))));
    }),
    FUZZ,
  );
});

Deno.test("parseIdx() refuses headers declaring more data than the file holds", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e, 0x07, 0xff),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constant(0xffffffff)), {
        minLength: 0,
        maxLength: 4,
      }),
      fc.uint8Array({ maxLength: 64 }),
      (type, dims, data) => {
        const result = outcome(() => parseIdx(idx(type, dims, data)));
        assert.ok(ALLOWED.has(result), result);
      },
    ),
    FUZZ,
  );
});

Deno.test("parseIdx() round-trips well-formed uint8 files and refuses any truncation", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 1, max: 2 ** 31 }),
      (dims, salt) => {
        const count = dims.reduce((a, b) => a * b, 1);
        const data = Uint8Array.from({ length: count }, (_, i) => (i * 31 + salt) % 256);
        const bytes = idx(0x08, dims, data);
        const parsed = parseIdx(bytes);
        assert.deepEqual(parsed.dims, dims);
        assert.deepEqual(Array.from(parsed.data), Array.from(data));
        const cut = salt % bytes.length;
        assert.equal(outcome(() => parseIdx(bytes.subarray(0, cut))), "DataFormatError");
      },
    ),
    FUZZ,
  );
});

Deno.test("parseCifar100() parses or refuses any bytes; labels survive a round trip", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })), {
        minLength: 0,
        maxLength: 3,
      }),
      fc.integer({ min: -3, max: 3 }),
      (labels, extra) => {
        const bytes = new Uint8Array(
          Math.max(0, labels.length * CIFAR100_RECORD_BYTES + extra),
        );
        labels.forEach(([coarse, fine], i) => {
          if (i * CIFAR100_RECORD_BYTES + 1 < bytes.length) {
            bytes[i * CIFAR100_RECORD_BYTES] = coarse;
            bytes[i * CIFAR100_RECORD_BYTES + 1] = fine;
          }
        });
        let parsed: ReturnType<typeof parseCifar100> | null = null;
        const result = outcome(() => (parsed = parseCifar100(bytes)));
        assert.ok(ALLOWED.has(result), result);
        const valid = extra === 0 && labels.length > 0 &&
          labels.every(([c, f]) => c < 20 && f < 100);
        assert.equal(result === "ok", valid);
        if (parsed) {
          assert.deepEqual(
            Array.from((parsed as { labels: Uint8Array }).labels),
            labels.map((l) => l[1]),
          );
        }
      },
    ),
    FUZZ,
  );
});

Deno.test("parseStl10() and its label reader parse or refuse any sizes and labels", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: -2, max: 2 }),
      fc.uint8Array({ minLength: 0, maxLength: 5 }),
      (count, extra, labels) => {
        const images = new Uint8Array(Math.max(0, count * STL10_RECORD_BYTES + extra));
        const sizeOk = extra === 0 && count > 0; // an empty file holds no images: refused
        assert.equal(
          outcome(() => stl10RecordCount(images.length)),
          sizeOk ? "ok" : "DataFormatError",
        );
        const labelResult = outcome(() => parseStl10Labels(labels, count));
        const labelsOk = labels.length === count && labels.every((l) => l >= 1 && l <= 10);
        assert.equal(labelResult, labelsOk ? "ok" : "DataFormatError");
        const result = outcome(() => parseStl10(images, labels));
        assert.ok(ALLOWED.has(result), result);
      },
    ),
    FUZZ,
  );
});
