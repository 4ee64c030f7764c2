import assert from "node:assert/strict";
import {
  DataFormatError,
  extractArchive,
  fetchDataset,
  loadDataset,
  md5File,
} from "../../lib/data/mod.ts";
import {
  cifarArchiveEntries,
  listTree,
  md5,
  pattern,
  stlArchiveEntries,
  tarGz,
  withTemp,
} from "./_fixtures.ts";

Deno.test("extractArchive() imports a local STL-10 archive, skipping the unlabeled split", async () => {
  await withTemp(async (dir) => {
    const archivePath = `${dir}/stl10_binary.tar.gz`;
    const archive = await tarGz(stlArchiveEntries());
    await Deno.writeFile(archivePath, archive);
    const dataDir = `${dir}/data`;
    const record = await fetchDataset("stl10", { dataDir, from: archivePath, md5: md5(archive) });
    assert.equal(record.source.source, archivePath);
    const cached = await listTree(`${dataDir}/stl10`);
    assert.deepEqual(cached, [
      "SOURCE.json",
      "class_names.txt",
      "test_X.bin",
      "test_y.bin",
      "train_X.bin",
      "train_y.bin",
    ]);
    const data = await loadDataset("stl10", { dataDir, seed: 0 });
    // The user gave the MD5 of their own archive: not the published one, so not "official".
    assert.equal(data.provenance, "user-supplied");
    assert.deepEqual([data.train.count, data.val.count, data.test.count], [18, 2, 10]);
    // Pixel orientation survives the seek-based reader: test image 3, row 40, column 7, channel 2.
    const { test } = data;
    assert.equal(test.images[((3 * 96 + 40) * 96 + 7) * 3 + 2], pattern(3, 40, 7, 2));
    assert.equal(test.labels[3], 3);
    await extractArchive(archivePath, "stl10", { dataDir, unlabeled: true });
    assert.ok((await listTree(`${dataDir}/stl10`)).includes("unlabeled_X.bin"));
    assert.deepEqual((await listTree(dataDir)).filter((p) => !p.startsWith("stl10")), []);
  });
});

Deno.test("extractArchive() rejects a wrong archive kind and leaves the cache untouched", async () => {
  await withTemp(async (dir) => {
    const dataDir = `${dir}/data`;
    const path = `${dir}/a.tar.gz`;
    await Deno.writeFile(path, await tarGz(stlArchiveEntries()));
    await assert.rejects(() => extractArchive(path, "cifar100", { dataDir }), {
      name: "DataFormatError",
      message: new RegExp(
        "^Expected the cifar100 binary archive with cifar-100-binary/train\\.bin, cifar-100-binary/test\\.bin in .*a\\.tar\\.gz but found entries stl10_binary/train_X\\.bin",
      ),
    });
    await Deno.writeFile(path, new TextEncoder().encode("PK\x03\x04 not a gzip file"));
    await assert.rejects(() => extractArchive(path, "cifar100", { dataDir }), {
      name: "DataFormatError",
      message:
        `Expected a gzip-compressed tar archive (starting with bytes 1f 8b) in ${path} but found bytes 50 4b`,
    });
    assert.deepEqual(await listTree(dataDir), []);
  });
});

Deno.test("extractArchive() rejects a truncated archive and a checksum mismatch without caching anything", async () => {
  await withTemp(async (dir) => {
    const dataDir = `${dir}/data`;
    const archive = await tarGz(cifarArchiveEntries());
    const path = `${dir}/c.tar.gz`;
    await Deno.writeFile(path, archive.subarray(0, Math.floor(archive.length * 0.6)));
    await assert.rejects(() => extractArchive(path, "cifar100", { dataDir }), (e: unknown) => {
      assert.ok(e instanceof DataFormatError, String(e));
      assert.match(e.message, /truncated/);
      return true;
    });
    await Deno.writeFile(path, archive);
    await assert.rejects(() => extractArchive(path, "cifar100", { dataDir, md5: "f".repeat(32) }), {
      name: "DataFormatError",
      message: `Expected MD5 ${"f".repeat(32)} in ${path} but found MD5 ${
        md5(archive)
      }: the archive is corrupt or not the official one; download it again`,
    });
    assert.deepEqual(await listTree(dataDir), []);
    assert.equal(await md5File(path), md5(archive));
  });
});

Deno.test("extractArchive() rejects malformed records inside a well-formed archive", async () => {
  await withTemp(async (dir) => {
    const dataDir = `${dir}/data`;
    const entries = stlArchiveEntries().map((e) =>
      e.name.endsWith("train_y.bin") ? { ...e, data: e.data.map((l, i) => (i === 4 ? 11 : l)) } : e
    );
    const path = `${dir}/s.tar.gz`;
    await Deno.writeFile(path, await tarGz(entries));
    await assert.rejects(() => extractArchive(path, "stl10", { dataDir }), {
      name: "DataFormatError",
      message: "Expected labels in 1..10 in train_y.bin but found label 11 at index 4",
    });
    assert.deepEqual(await listTree(dataDir), []);
  });
});

Deno.test("extractArchive() reports a failing disk and removes what it wrote", async () => {
  await withTemp(async (dir) => {
    const dataDir = `${dir}/data`;
    const path = `${dir}/c.tar.gz`;
    await Deno.writeFile(path, await tarGz(cifarArchiveEntries()));
    let written = 0;
    const createFile = async (p: string) => {
      const file = await Deno.open(p, { write: true, createNew: true });
      return {
        write: async (chunk: Uint8Array) => {
          if (written + chunk.length > 300_000) {
            throw new Error("No space left on device (os error 28)");
          }
          written += chunk.length;
          return await file.write(chunk);
        },
        close: () => file.close(),
      };
    };
    await assert.rejects(() => extractArchive(path, "cifar100", { dataDir, createFile }), {
      message:
        /^Expected to write \d+ bytes to .*\.tmp\/(train|test)\.bin but the write failed \(No space left on device \(os error 28\)\): free disk space/,
    });
    assert.deepEqual(await listTree(dataDir), []);
  });
});
