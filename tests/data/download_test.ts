import assert from "node:assert/strict";
import { DataFormatError, downloadFile, fetchDataset, loadDataset } from "../../lib/data/mod.ts";
import { cifarArchiveEntries, listTree, md5, tarGz, withTemp } from "./_fixtures.ts";

/** Deterministic incompressible-looking bytes. */
function noise(n: number): Uint8Array {
  let state = 12345;
  return Uint8Array.from({ length: n }, () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24);
}

/** What the loopback server does with each request. */
type Mode = "full" | "cut-then-range" | "stall-then-range" | "ignore-range";

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
    if (mode !== "full" && mode !== "ignore-range" && requests.length === 1) {
      const half = body.slice(0, Math.floor(body.length / 2));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(half);
          if (mode === "cut-then-range") {
            setTimeout(() => controller.error(new Error("simulated network failure")), 50);
          } // "stall-then-range" never sends more: the client has to give up
        },
      });
      return new Response(stream);
    }
    return new Response(body.slice());
  });
  return { url: `http://127.0.0.1:${server.addr.port}/cifar-100-binary.tar.gz`, requests, server };
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

Deno.test("downloadFile() gives up on a stalled transfer, keeps the part file and resumes", async () => {
  const body = noise(80_000);
  const { url, requests, server } = serve(body, "stall-then-range");
  try {
    await withTemp(async (dir) => {
      const dest = `${dir}/file.bin`;
      await assert.rejects(() => downloadFile(url, { dest, md5: md5(body), idleTimeoutMs: 300 }), {
        name: "DataFormatError",
        message: /connection stalled for 300 ms after 40000 bytes/,
      });
      assert.equal((await Deno.stat(`${dest}.part`)).size, 40_000);
      const result = await downloadFile(url, { dest, md5: md5(body), idleTimeoutMs: 300 });
      assert.equal(result.resumedFrom, 40_000);
      assert.deepEqual(requests, [null, "bytes=40000-"]);
      assert.deepEqual(await Deno.readFile(dest), body);
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
      assert.equal(data.provenance, "user-supplied");
      assert.deepEqual([data.train.count, data.val.count, data.test.count], [180, 20, 100]);
    });
  } finally {
    await server.shutdown();
  }
});
