import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  DataFormatError,
  downloadFile,
  extractArchive,
  fetchDataset,
  loadDataset,
  md5File,
} from "../../lib/data/mod.ts";
import { cifarArchiveEntries, listTree, pattern, stlArchiveEntries, tarGz } from "./_fixtures.ts";

/** Deterministic incompressible-looking bytes. */
function noise(n: number): Uint8Array {
  let state = 12345;
  return Uint8Array.from({ length: n }, () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24);
}

function md5(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}

/** What the loopback server does with each request. */
type Mode = "full" | "cut-then-range" | "ignore-range";

/** Serves `body` on 127.0.0.1 (HTTP Range aware); in "cut-then-range" mode the first transfer breaks halfway. */
function serve(body: Uint8Array, mode: Mode) {
  const requests: (string | null)[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (request) => {
    const range = request.headers.get("range");
    requests.push(range);
    const match = range?.match(/^bytes=(\d+)-$/);
    if (match && mode !== "ignore-range") {
      const start = Number(match[1]);
      return new Response(body.slice(start), {
        status: 206,
        headers: { "content-range": `bytes ${start}-${body.length - 1}/${body.length}` },
      });
    }
    if (mode === "cut-then-range" && requests.length === 1) {
      const half = body.slice(0, Math.floor(body.length / 2));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(half);
          setTimeout(() => controller.error(new Error("simulated network failure")), 50);
        },
      });
      return new Response(stream);
    }
    return new Response(body.slice());
  });
  return { url: `http://127.0.0.1:${server.addr.port}/cifar-100-binary.tar.gz`, requests, server };
}

async function withTemp(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "hqc-data-test-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("downloadFile() resumes an interrupted transfer with an HTTP Range request", async () => {
  const body = noise(200_000);
  const { url, requests, server } = serve(body, "cut-then-range");
  try {
    await withTemp(async (dir) => {
      const dest = `${dir}/file.bin`;
      await assert.rejects(() => downloadFile(url, { dest, md5: md5(body) }), (e: unknown) => {
        assert.ok(e instanceof DataFormatError);
        assert.match(
          e.message,
          /connection broken after 100000 bytes.*kept in .*file\.bin\.part; rerun/,
        );
        return true;
      });
      assert.equal((await Deno.stat(`${dest}.part`)).size, 100_000);
      await assert.rejects(() => Deno.stat(dest), Deno.errors.NotFound);
      const result = await downloadFile(url, { dest, md5: md5(body) });
      assert.equal(result.resumedFrom, 100_000);
      assert.deepEqual(requests, [null, "bytes=100000-"]);
      assert.deepEqual(await Deno.readFile(dest), body);
      assert.deepEqual(await listTree(dir), ["file.bin"]);
    });
  } finally {
    await server.shutdown();
  }
});

Deno.test("downloadFile() restarts when the server ignores the Range header", async () => {
  const body = noise(50_000);
  const { url, server } = serve(body, "ignore-range");
  try {
    await withTemp(async (dir) => {
      const dest = `${dir}/file.bin`;
      await Deno.writeFile(`${dest}.part`, body.slice(0, 1234));
      const result = await downloadFile(url, { dest, md5: md5(body) });
      assert.equal(result.resumedFrom, 0);
      assert.deepEqual(await Deno.readFile(dest), body);
    });
  } finally {
    await server.shutdown();
  }
});

Deno.test("downloadFile() deletes a download whose MD5 does not match", async () => {
  const body = new Uint8Array(1000).fill(7);
  const { url, server } = serve(body, "full");
  try {
    await withTemp(async (dir) => {
      const wrong = "0".repeat(32);
      await assert.rejects(() => downloadFile(url, { dest: `${dir}/f.bin`, md5: wrong }), {
        name: "DataFormatError",
        message: `Expected MD5 ${wrong} in ${url} but found MD5 ${
          md5(body)
        } over 1000 bytes: the corrupt download was deleted; rerun to download it again`,
      });
      assert.deepEqual(await listTree(dir), []);
    });
  } finally {
    await server.shutdown();
  }
});

Deno.test("fetchDataset() downloads, verifies and extracts an archive served on loopback", async () => {
  const archive = await tarGz(cifarArchiveEntries());
  const { url, server } = serve(archive, "cut-then-range");
  try {
    await withTemp(async (dataDir) => {
      await assert.rejects(
        () => fetchDataset("cifar100", { dataDir, url, md5: md5(archive) }),
        DataFormatError,
      );
      assert.deepEqual(await listTree(dataDir), [
        "downloads",
        "downloads/cifar-100-binary.tar.gz.part",
      ]);
      const progress: number[] = [];
      const result = await fetchDataset("cifar100", {
        dataDir,
        url,
        md5: md5(archive),
        onProgress: (p) => progress.push(p.done),
      });
      assert.equal(result.alreadyCached, false);
      assert.equal(result.source.md5, md5(archive));
      assert.ok(progress.length > 0);
      assert.deepEqual(await listTree(dataDir), [
        "cifar100",
        "cifar100/SOURCE.json",
        "cifar100/coarse_label_names.txt",
        "cifar100/fine_label_names.txt",
        "cifar100/test.bin",
        "cifar100/train.bin",
        "downloads",
      ]);
      const again = await fetchDataset("cifar100", { dataDir, url, md5: md5(archive) });
      assert.equal(again.alreadyCached, true);
      const data = await loadDataset("cifar100", { dataDir, seed: 0 });
      assert.equal(data.provenance, "official");
      assert.deepEqual([data.train.count, data.val.count, data.test.count], [180, 20, 100]);
    });
  } finally {
    await server.shutdown();
  }
});

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
    assert.equal(data.provenance, "official");
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
