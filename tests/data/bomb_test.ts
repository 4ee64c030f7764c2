/**
 * Crafted archives and gzip bombs, generated here, are refused with bounded
 * memory and disk. Each import runs in a subprocess that reports its peak RSS
 * (ru_maxrss, i.e. VmHWM) and the bytes it wrote to the cache.
 */
import assert from "node:assert/strict";
import { cifarBytes, listTree, withTemp } from "./_fixtures.ts";
import { type Part, TAR_END, tarEntry, writeGzip, zeroEntry } from "./_bombs.ts";

/** Peak resident memory allowed to a subprocess importing a bomb (a bare Deno with lib/data takes about 60 MiB). */
const PEAK_RSS_BOUND_MIB = 256;
/** What the issue's crafted headers declared: 307 MB, i.e. 100,000 CIFAR-100 records. */
const BOMB_BYTES = 100_000 * 3074;
/** The MNIST bomb: a 400 MiB train-images file gzipped to a few hundred kilobytes. */
const MNIST_BOMB_BYTES = 400 * 1024 * 1024;

const CHILD = new URL("./_bomb_child.ts", import.meta.url).pathname;
const REPO = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");

interface ChildReport {
  error: { name: string; message: string } | null;
  bytesWritten: number;
  vmHwmKiB: number;
}

async function importInChild(kind: string, path: string, dir: string): Promise<ChildReport> {
  const output = await new Deno.Command("deno", {
    args: [
      "run",
      "--no-prompt",
      `--allow-read=${REPO},${dir}`,
      `--allow-write=${dir}`,
      "--allow-run=deno",
      CHILD,
      "--outer",
      kind,
      path,
      `${dir}/data`,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(output.stdout).trim();
  assert.equal(output.code, 0, new TextDecoder().decode(output.stderr));
  return JSON.parse(text.split("\n").pop()!) as ChildReport;
}

async function expectRefused(
  kind: string,
  parts: Part[],
  message: RegExp,
): Promise<void> {
  await withTemp(async (dir) => {
    const path = `${dir}/bomb.tar.gz`;
    const compressed = await writeGzip(path, parts);
    const report = await importInChild(kind, path, dir);
    const peakMiB = report.vmHwmKiB / 1024;
    console.log(
      `  ${kind} bomb: ${compressed} compressed bytes, peak RSS ${
        peakMiB.toFixed(0)
      } MiB, ${report.bytesWritten} bytes written`,
    );
    assert.equal(report.error?.name, "DataFormatError", JSON.stringify(report));
    assert.match(report.error!.message, message);
    assert.ok(report.error!.message.includes(path), "the message names the archive");
    assert.ok(peakMiB < PEAK_RSS_BOUND_MIB, `peak RSS ${peakMiB} MiB`);
    assert.equal(report.bytesWritten, 0);
    assert.deepEqual(await listTree(`${dir}/data`).catch(() => []), []);
  });
}

const validTest = () => tarEntry("cifar-100-binary/test.bin", cifarBytes([{ coarse: 0, fine: 0 }]));

Deno.test("extractArchive() refuses a GNU long-name header declaring 307 MB before buffering it", async () => {
  await expectRefused(
    "cifar100",
    [...zeroEntry("././@LongLink", BOMB_BYTES, "L"), TAR_END],
    /GNU long-name header of at most 65536 bytes .* one declaring 307400000 bytes/,
  );
});

Deno.test("extractArchive() refuses a pax header declaring 307 MB before buffering it", async () => {
  await expectRefused(
    "cifar100",
    [...zeroEntry("PaxHeader/x", BOMB_BYTES, "x"), TAR_END],
    /pax header of at most 65536 bytes .* one declaring 307400000 bytes/,
  );
});

Deno.test("extractArchive() refuses a kept train.bin larger than the official one before writing it", async () => {
  // Without an MD5 (library API) the old reader cached this as 100,000 records of class 0.
  await expectRefused(
    "cifar100",
    [...zeroEntry("cifar-100-binary/train.bin", BOMB_BYTES), validTest(), TAR_END],
    /entry cifar-100-binary\/train\.bin of at most 153700000 bytes .* declaring 307400000 bytes \(nothing was written\)/,
  );
});

Deno.test("extractArchive() stops inflating a bomb of skipped entries at the stated cap", async () => {
  await expectRefused(
    "cifar100",
    [...zeroEntry("cifar-100-binary/junk.bin", BOMB_BYTES), TAR_END],
    /an archive inflating to at most 209715200 bytes .* \(a gzip bomb or the wrong archive\)/,
  );
});

Deno.test("fetchDataset() --from DIR refuses an MNIST .gz that inflates past the official size", async () => {
  await withTemp(async (dir) => {
    const from = `${dir}/mnist`;
    await Deno.mkdir(from);
    const compressed = await writeGzip(`${from}/train-images-idx3-ubyte.gz`, [
      { zeros: MNIST_BOMB_BYTES },
    ]);
    const report = await importInChild("mnist", from, dir);
    const peakMiB = report.vmHwmKiB / 1024;
    console.log(
      `  mnist bomb: ${compressed} compressed bytes, peak RSS ${peakMiB.toFixed(0)} MiB`,
    );
    assert.equal(report.error?.name, "DataFormatError", JSON.stringify(report));
    assert.match(
      report.error!.message,
      /at most 47040016 bytes \(the official file's size\) in .*train-images-idx3-ubyte\.gz but found more once inflated/,
    );
    assert.ok(peakMiB < PEAK_RSS_BOUND_MIB, `peak RSS ${peakMiB} MiB`);
    assert.deepEqual(await listTree(`${dir}/data`).catch(() => []), []);
  });
});
