/**
 * Property-based tests of the streaming tar reader: archives packed by the
 * independent `tar-stream` are read back exactly, in any chunking; damaged or
 * arbitrary bytes are refused with a DataFormatError, and no entry ever gets
 * more bytes than it declared or than the input holds.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import tar from "tar-stream";
import { TarReader } from "../../lib/data/_tar.ts";
import { FUZZ } from "./_config.ts";

interface Entry {
  name: string;
  data: Uint8Array;
}

async function pack(entries: Entry[]): Promise<Uint8Array> {
  const p = tar.pack();
  for (const { name, data } of entries) p.entry({ name }, data);
  p.finalize();
  const chunks: Uint8Array[] = [];
  for await (const chunk of p) chunks.push(new Uint8Array(chunk as Uint8Array));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads `bytes` pushed in pieces of the given sizes; returns what each entry received, or the error name. */
async function read(bytes: Uint8Array, pieces: number[]) {
  const got: { name: string; declared: number; received: number; data: number[] }[] = [];
  const reader = new TarReader("fuzz.tar", (entry) => {
    const record = { name: entry.name, declared: entry.size, received: 0, data: [] as number[] };
    got.push(record);
    return Promise.resolve({
      write: (chunk: Uint8Array) => {
        record.received += chunk.length;
        if (record.data.length < 4096) record.data.push(...chunk);
        return Promise.resolve();
      },
      close: () => {},
    });
  });
  let error = "ok";
  try {
    let at = 0, k = 0;
    while (at < bytes.length) {
      const n = Math.max(1, pieces[k++ % Math.max(1, pieces.length)] ?? bytes.length);
      await reader.push(bytes.subarray(at, at + n));
      at += n;
    }
    await reader.end();
  } catch (e) {
    error = (e as Error).name;
  }
  return { got, error };
}

const nameChar = fc.constantFrom(..."abcXYZ019._-/".split(""));
const entryArb = fc.record({
  // Up to 180 characters: names past 100 make tar-stream write pax or prefix headers.
  name: fc.string({ unit: nameChar, minLength: 1, maxLength: 180 })
    .filter((n) => !n.endsWith("/") && !n.includes("//") && !n.startsWith("/")),
  data: fc.uint8Array({ maxLength: 1500 }),
});
const piecesArb = fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 });

Deno.test("TarReader reads back every entry packed by tar-stream, in any chunking", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(entryArb, { maxLength: 4 }), piecesArb, async (entries, pieces) => {
      const { got, error } = await read(await pack(entries), pieces);
      assert.equal(error, "ok");
      assert.deepEqual(got.map((g) => g.name), entries.map((e) => e.name));
      got.forEach((g, i) => assert.deepEqual(g.data, Array.from(entries[i]!.data)));
    }),
    FUZZ,
  );
});

Deno.test("TarReader refuses damaged archives with a DataFormatError and never over-delivers", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(entryArb, { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      fc.option(fc.nat(), { nil: undefined }),
      piecesArb,
      async (entries, flips, cut, pieces) => {
        let bytes = await pack(entries);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        if (cut !== undefined) bytes = bytes.subarray(0, cut % bytes.length);
        const { got, error } = await read(bytes, pieces);
        assert.ok(error === "ok" || error === "DataFormatError", error);
        for (const g of got) assert.ok(g.received <= g.declared, `${g.name} got ${g.received}`);
        const total = got.reduce((n, g) => n + g.received, 0);
        assert.ok(total <= bytes.length);
      },
    ),
    FUZZ,
  );
});

Deno.test("TarReader refuses arbitrary bytes with a DataFormatError or reads them as a tar", async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), piecesArb, async (bytes, pieces) => {
      const { error, got } = await read(bytes, pieces);
      assert.ok(error === "ok" || error === "DataFormatError", error);
      assert.ok(got.reduce((n, g) => n + g.received, 0) <= bytes.length);
    }),
    FUZZ,
  );
});
