/** File names from URLs and archives stay in their folder; only https (or loopback http) is fetched. */
import assert from "node:assert/strict";
import { main } from "../../scripts/data.ts";
import { DataFormatError, downloadFile, extractArchive, fetchDataset } from "../../lib/data/mod.ts";
import { archiveFileName } from "../../lib/data/fetch.ts";
import { cifarArchiveEntries, listTree, md5, tarGz, withTemp } from "./_fixtures.ts";

/** A loopback server: 404 for everything, or `handler`'s answer; records the paths asked for. */
function serve(handler?: (request: Request) => Response) {
  const paths: string[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (request) => {
    paths.push(new URL(request.url).pathname);
    return handler?.(request) ?? new Response("not here", { status: 404 });
  });
  return { base: `http://127.0.0.1:${server.addr.port}`, paths, server };
}

Deno.test("archiveFileName() never percent-decodes a URL segment into a path", () => {
  assert.equal(
    archiveFileName("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz", "cifar100"),
    "cifar-100-binary.tar.gz",
  );
  for (
    const url of [
      "https://www.cs.toronto.edu/..%2FREADME.md",
      "https://www.cs.toronto.edu/%2e%2e",
      "https://www.cs.toronto.edu/a%2F..%2F..%2Fetc",
      "https://www.cs.toronto.edu/",
      "https://www.cs.toronto.edu/.hidden",
    ]
  ) assert.equal(archiveFileName(url, "cifar100"), "cifar100.tar.gz", url);
});

Deno.test("main() --url with ..%2FREADME.md leaves data/README.md intact", async () => {
  const { base, server } = serve();
  try {
    await withTemp(async (dir) => {
      const dataDir = `${dir}/data`;
      await Deno.mkdir(dataDir);
      await Deno.writeTextFile(`${dataDir}/README.md`, "provenance notes\n");
      await assert.rejects(
        () => main(["cifar100", "--data-dir", dataDir, "--url", `${base}/..%2FREADME.md`]),
        /Expected HTTP 200 or 206/,
      );
      assert.equal(await Deno.readTextFile(`${dataDir}/README.md`), "provenance notes\n");
      assert.deepEqual(await listTree(dataDir), ["README.md", "downloads"]);
    });
  } finally {
    await server.shutdown();
  }
});

Deno.test("fetchDataset() keeps a download named ..%2F..%2Foutside.txt inside downloads/", async () => {
  const archive = await tarGz(cifarArchiveEntries());
  const { base, server } = serve(() => new Response(archive.slice()));
  try {
    await withTemp(async (dir) => {
      const dataDir = `${dir}/nested/data`;
      await Deno.mkdir(dataDir, { recursive: true });
      await Deno.writeTextFile(`${dir}/outside.txt`, "keep me\n");
      await fetchDataset("cifar100", {
        dataDir,
        url: `${base}/..%2F..%2F..%2Foutside.txt`,
        md5: md5(archive),
        keepArchive: true,
      });
      assert.equal(await Deno.readTextFile(`${dir}/outside.txt`), "keep me\n");
      assert.ok((await listTree(dataDir)).includes("downloads/cifar100.tar.gz"));
    });
  } finally {
    await server.shutdown();
  }
});

Deno.test("fetchDataset() refuses file:, data: and plain remote http URLs before touching the cache", async () => {
  await withTemp(async (dataDir) => {
    for (
      const [url, scheme] of [
        ["file:///etc/hostname", "file:"],
        ["data:,hello", "data:"],
        ["http://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz", "http:"],
      ]
    ) {
      await assert.rejects(() => fetchDataset("cifar100", { dataDir, url }), {
        name: "TypeError",
        message: new RegExp(`^Expected an https URL but found the ${scheme} scheme in `),
      });
    }
    assert.deepEqual(await listTree(dataDir), []);
  });
});

Deno.test("downloadFile() cuts off an endless body at maxBytes and deletes the part file", async () => {
  const chunk = new Uint8Array(64 * 1024).fill(7);
  const { base, server } = serve(() => {
    let sent = 0;
    // Five megabytes with no Content-Length, standing in for a body that never ends.
    return new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 5_000_000) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk.slice());
        },
      }),
    );
  });
  try {
    await withTemp(async (dir) => {
      const dest = `${dir}/file.bin`;
      await assert.rejects(
        () => downloadFile(`${base}/file.bin`, { dest, md5: "0".repeat(32), maxBytes: 1_000_000 }),
        {
          name: "DataFormatError",
          message:
            /^Expected at most 1000000 bytes \(the expected archive size\) in .* but found a body running past/,
        },
      );
      assert.deepEqual(await listTree(dir), []);
    });
  } finally {
    await server.shutdown();
  }
});

Deno.test("downloadFile() refuses a Content-Length above maxBytes before reading the body", async () => {
  const { base, server } = serve(() => new Response(new Uint8Array(2_000_000)));
  try {
    await withTemp(async (dir) => {
      await assert.rejects(
        () => downloadFile(`${base}/f`, { dest: `${dir}/f`, maxBytes: 1_000_000 }),
        { message: /at most 1000000 bytes .* found a Content-Length of 2000000 bytes/ },
      );
      assert.deepEqual(await listTree(dir), []);
    });
  } finally {
    await server.shutdown();
  }
});

Deno.test("extractArchive() names the archive and entry on a duplicate entry", async () => {
  await withTemp(async (dir) => {
    const entries = cifarArchiveEntries();
    const path = `${dir}/dup.tar.gz`;
    await Deno.writeFile(path, await tarGz([...entries, entries[1]!]));
    await assert.rejects(() => extractArchive(path, "cifar100", { dataDir: `${dir}/data` }), {
      name: "DataFormatError",
      message:
        `Expected one entry named cifar-100-binary/test.bin in ${path} but found a second entry of that name (a crafted or damaged archive): download the official archive again`,
    });
    assert.deepEqual(await listTree(`${dir}/data`), []);
  });
});

Deno.test("extractArchive() and fetchDataset() name a folder or file passed where the other is expected", async () => {
  await withTemp(async (dir) => {
    await assert.rejects(() => extractArchive(dir, "cifar100", { dataDir: `${dir}/data` }), {
      name: "DataFormatError",
      message:
        `Expected a file in ${dir} but found a directory or other non-file: pass the path of the file itself`,
    });
    await Deno.writeTextFile(`${dir}/plain`, "x");
    await assert.rejects(
      () => fetchDataset("mnist", { dataDir: `${dir}/data`, from: `${dir}/plain` }),
      {
        name: "DataFormatError",
        message: new RegExp(`^Expected a folder in ${dir}/plain but found a file`),
      },
    );
  });
});

Deno.test("fetchDataset() --from DIR names a damaged MNIST .gz", async () => {
  await withTemp(async (dir) => {
    await Deno.mkdir(`${dir}/mnist`);
    await Deno.writeFile(
      `${dir}/mnist/train-images-idx3-ubyte.gz`,
      Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]),
    );
    await assert.rejects(
      () => fetchDataset("mnist", { dataDir: `${dir}/data`, from: `${dir}/mnist` }),
      (e: unknown) => {
        assert.ok(e instanceof DataFormatError);
        assert.equal(e.file, `${dir}/mnist/train-images-idx3-ubyte.gz`);
        assert.match(e.message, /^Expected a complete gzip stream in .* but found corrupt/);
        return true;
      },
    );
  });
});

Deno.test("extractArchive() with the official MD5 requires each binary entry's exact official size", async () => {
  await withTemp(async (dir) => {
    const archive = await tarGz(cifarArchiveEntries());
    const path = `${dir}/a.tar.gz`;
    await Deno.writeFile(path, archive);
    await assert.rejects(
      () =>
        extractArchive(path, "cifar100", {
          dataDir: `${dir}/data`,
          md5: md5(archive),
          official: true,
        }),
      {
        name: "DataFormatError",
        message:
          /entry cifar-100-binary\/train\.bin of exactly 153700000 bytes \(its official size\) .* declaring 614800 bytes/,
      },
    );
  });
});

Deno.test("fetchDataset() refuses an --md5 that is not 32 hex digits", async () => {
  await withTemp(async (dataDir) => {
    await assert.rejects(
      () => fetchDataset("cifar100", { dataDir, from: "/nonexistent", md5: "abc" }),
      { name: "TypeError", message: /^Expected --md5 to be 32 hexadecimal digits but found "abc"/ },
    );
  });
});
