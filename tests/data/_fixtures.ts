/** Test fixtures: tiny files in the official on-disk formats, and archives (test-only). */
import { createHash } from "node:crypto";
import { gzipSync } from "fflate";
import tar from "tar-stream";

/** Bytes of an IDX file of uint8 values with the given dimensions (big-endian header). */
export function idxBytes(dims: number[], data: ArrayLike<number>, typeByte = 0x08): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  out[2] = typeByte;
  out[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d));
  out.set(Array.from(data), 4 + 4 * dims.length);
  return out;
}

/** A pixel value that encodes its image, row, column and channel (distinct for small sizes). */
export function pattern(image: number, row: number, col: number, channel: number): number {
  return (image * 53 + row * 7 + col * 3 + channel * 101) % 256;
}

/**
 * CIFAR-100 binary records, written the way the official file lays them out:
 * coarse label, fine label, then the R plane, G plane, B plane, each row by row.
 */
export function cifarBytes(labels: { coarse: number; fine: number }[], size = 32): Uint8Array {
  const recordBytes = 2 + 3 * size * size;
  const out = new Uint8Array(labels.length * recordBytes);
  labels.forEach(({ coarse, fine }, i) => {
    const at = i * recordBytes;
    out[at] = coarse;
    out[at + 1] = fine;
    for (let c = 0; c < 3; c++) {
      for (let row = 0; row < size; row++) {
        for (let col = 0; col < size; col++) {
          out[at + 2 + c * size * size + row * size + col] = pattern(i, row, col, c);
        }
      }
    }
  });
  return out;
}

/** STL-10 images written as the official file does: per channel, column by column. */
export function stlBytes(count: number, size = 96): Uint8Array {
  const plane = size * size;
  const out = new Uint8Array(count * 3 * plane);
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < 3; c++) {
      for (let col = 0; col < size; col++) {
        for (let row = 0; row < size; row++) {
          out[i * 3 * plane + c * plane + col * size + row] = pattern(i, row, col, c);
        }
      }
    }
  }
  return out;
}

/** A `.tar.gz` built with the independent `tar-stream` packer and fflate's gzip. */
export async function tarGz(entries: { name: string; data: Uint8Array }[]): Promise<Uint8Array> {
  const pack = tar.pack();
  for (const { name, data } of entries) pack.entry({ name }, data);
  pack.finalize();
  const chunks: Uint8Array[] = [];
  for await (const chunk of pack) chunks.push(new Uint8Array(chunk as Uint8Array));
  const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    whole.set(c, at);
    at += c.length;
  }
  return gzipSync(whole);
}

/** A small CIFAR-100-binary archive: 200 train records (2 per class), 100 test records. */
export function cifarArchiveEntries(): { name: string; data: Uint8Array }[] {
  const records = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ coarse: (i % 100) % 20, fine: i % 100 }));
  return [
    { name: "cifar-100-binary/train.bin", data: cifarBytes(records(200)) },
    { name: "cifar-100-binary/test.bin", data: cifarBytes(records(100)) },
    { name: "cifar-100-binary/fine_label_names.txt", data: new TextEncoder().encode("apple\n") },
    { name: "cifar-100-binary/coarse_label_names.txt", data: new TextEncoder().encode("fish\n") },
  ];
}

/** A small STL-10-binary archive: 20 train and 10 test images, plus an unlabeled split. */
export function stlArchiveEntries(): { name: string; data: Uint8Array }[] {
  const labels = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i % 10) + 1);
  return [
    { name: "stl10_binary/train_X.bin", data: stlBytes(20) },
    { name: "stl10_binary/train_y.bin", data: labels(20) },
    { name: "stl10_binary/test_X.bin", data: stlBytes(10) },
    { name: "stl10_binary/test_y.bin", data: labels(10) },
    { name: "stl10_binary/unlabeled_X.bin", data: stlBytes(2) },
    { name: "stl10_binary/class_names.txt", data: new TextEncoder().encode("airplane\n") },
  ];
}

/** Every path under `dir`, relative, sorted. */
export async function listTree(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const rel = `${prefix}${entry.name}`;
    out.push(rel);
    if (entry.isDirectory) out.push(...await listTree(`${dir}/${entry.name}`, `${rel}/`));
  }
  return out.sort();
}

/** MD5 (hex) of some bytes, computed by node:crypto. */
export function md5(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}

/** Runs `fn` with a fresh temporary folder under /tmp, removed afterwards. */
export async function withTemp(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "hqc-data-test-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
