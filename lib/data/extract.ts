/**
 * Streaming extraction of the official `.tar.gz` archives into the cache, with
 * validation before anything becomes visible.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { type EntrySink, TarReader } from "./_tar.ts";
import {
  CACHE_DIR_MODE,
  CACHE_FILES,
  cacheDir,
  type CacheSource,
  DEFAULT_DATA_DIR,
  SOURCE_FILE,
} from "./cache.ts";
import { requireFile } from "./_bounded_read.ts";
import { writeFileAtomic } from "../results/mod.ts";
import { parseCifar100 } from "./cifar100.ts";
import { type TransferProgress, writeAll } from "./download.ts";
import { DataFormatError } from "./errors.ts";
import { parseStl10Labels, stl10RecordCount } from "./stl10.ts";

/** The folder inside each official archive and the entries kept from it. */
export const ARCHIVE_LAYOUT = {
  cifar100: {
    folder: "cifar-100-binary",
    keep: ["train.bin", "test.bin", "fine_label_names.txt", "coarse_label_names.txt"],
  },
  stl10: {
    folder: "stl10_binary",
    keep: [
      "train_X.bin",
      "train_y.bin",
      "test_X.bin",
      "test_y.bin",
      "class_names.txt",
      "fold_indices.txt",
    ],
  },
} as const;

const KIB = 1024;
const MIB = 1024 * KIB;

/**
 * Size in bytes of every kept entry of the official archives (record count x
 * record size for the image and label files); a small cap for the text files,
 * whose official sizes are a few kilobytes. An entry declaring more is refused
 * at its header, before a byte is written; when the expected MD5 is the
 * official one, the binary files must have exactly these sizes.
 */
export const ENTRY_LIMITS: Readonly<
  Record<"cifar100" | "stl10", Readonly<Record<string, { bytes: number; exact: boolean }>>>
> = {
  cifar100: {
    "train.bin": { bytes: 50_000 * 3074, exact: true },
    "test.bin": { bytes: 10_000 * 3074, exact: true },
    "fine_label_names.txt": { bytes: 64 * KIB, exact: false },
    "coarse_label_names.txt": { bytes: 64 * KIB, exact: false },
  },
  stl10: {
    "train_X.bin": { bytes: 5_000 * 27_648, exact: true },
    "train_y.bin": { bytes: 5_000, exact: true },
    "test_X.bin": { bytes: 8_000 * 27_648, exact: true },
    "test_y.bin": { bytes: 8_000, exact: true },
    "unlabeled_X.bin": { bytes: 100_000 * 27_648, exact: true },
    "class_names.txt": { bytes: 64 * KIB, exact: false },
    "fold_indices.txt": { bytes: MIB, exact: false },
  },
};

/**
 * Most bytes the whole tar stream may inflate to (the official tar holds about
 * 184 MB for CIFAR-100 and 3.13 GB for STL-10): a gzip bomb of skipped entries
 * is cut off here instead of spinning for hours.
 */
export const MAX_TAR_BYTES: Readonly<Record<"cifar100" | "stl10", number>> = {
  cifar100: 200 * MIB,
  stl10: 3_200 * MIB,
};

/** Options of {@link extractArchive}. */
export interface ExtractOptions {
  /**
   * Root of the cache.
   * @default {DEFAULT_DATA_DIR} (the repository's `data/`)
   */
  dataDir?: string;
  /**
   * MD5 (hex) the archive must have; checked while reading, before anything is cached.
   * The official MD5 also makes every binary entry's size exact ({@link ENTRY_LIMITS}).
   */
  md5?: string;
  /**
   * Whether `md5` is the published one, recorded in `SOURCE.json` as provenance.
   * @default {false}
   */
  official?: boolean;
  /** Where the archive came from, recorded in `SOURCE.json` (default: its path). */
  source?: string;
  /**
   * Also extract STL-10's `unlabeled_X.bin` (about 2.7 GB).
   * @default {false}
   */
  unlabeled?: boolean;
  /** Called now and then with compressed bytes read. */
  onProgress?: (progress: TransferProgress) => void;
  /** Opens a file for writing (default: `Deno.open`); lets callers redirect or fault-inject storage. */
  createFile?: (path: string) => Promise<{ write(p: Uint8Array): Promise<number>; close(): void }>;
}

// DecompressionStream inflates a whole input chunk at once (deflate reaches 1032:1),
// so small reads bound the memory one chunk can expand to: 16 KiB -> at most 17 MB.
const READ_CHUNK = 1 << 14;
const PROGRESS_INTERVAL_MS = 250;

/**
 * Extracts the official CIFAR-100 or STL-10 binary archive (`.tar.gz`) into
 * `<dataDir>/<name>/`, streaming (the archive is never held in memory), keeping
 * only the labelled splits (STL-10's unlabeled split only when asked). Files go
 * to a temporary folder that is validated (MD5, entries, record counts, labels)
 * and then renamed into place with `SOURCE.json` written last; on any failure
 * the temporary folder is removed and the cache is left as it was.
 *
 * @param archivePath the `.tar.gz` file.
 * @param name which data set the archive must be.
 * @param options cache root, expected MD5, unlabeled split, progress.
 * @returns the `SOURCE.json` record written.
 * @throws {DataFormatError} for a wrong kind of archive, a truncated one, a checksum mismatch or malformed files.
 */
export async function extractArchive(
  archivePath: string,
  name: "cifar100" | "stl10",
  {
    dataDir = DEFAULT_DATA_DIR,
    md5,
    official = false,
    source = archivePath,
    unlabeled = false,
    onProgress,
    createFile = openForWrite,
  }: ExtractOptions = {},
): Promise<CacheSource> {
  const layout = ARCHIVE_LAYOUT[name];
  const keep = new Set<string>([
    ...layout.keep,
    ...(name === "stl10" && unlabeled ? ["unlabeled_X.bin"] : []),
  ]);
  await requireFile(archivePath);
  const limits = ENTRY_LIMITS[name];
  await Deno.mkdir(dataDir, { recursive: true });
  const tmp = await Deno.makeTempDir({ dir: dataDir, prefix: `.${name}-`, suffix: ".tmp" });
  await Deno.chmod(tmp, CACHE_DIR_MODE);
  try {
    const hash = createHash("md5");
    const sizes: Record<string, number> = {};
    const tar = new TarReader(archivePath, async (entry) => {
      const [folder, file, ...more] = entry.name.replace(/^\.\//, "").split("/");
      if (folder !== layout.folder || !file || more.length > 0 || !keep.has(file)) return null;
      if (file in sizes) {
        throw new DataFormatError({
          file: archivePath,
          expected: `one entry named ${entry.name}`,
          found: "a second entry of that name (a crafted or damaged archive)",
          fix: "download the official archive again",
        });
      }
      checkEntrySize(archivePath, entry.name, entry.size, limits[file]!, official);
      sizes[file] = entry.size;
      return sinkFor(await createFile(`${tmp}/${file}`), `${tmp}/${file}`);
    });
    await pumpGzip(archivePath, hash, tar, MAX_TAR_BYTES[name], onProgress);
    await tar.end();
    const actual = hash.digest("hex");
    if (md5 && actual !== md5.toLowerCase()) {
      throw new DataFormatError({
        file: archivePath,
        expected: `MD5 ${md5.toLowerCase()}`,
        found: `MD5 ${actual}`,
        fix: "the archive is corrupt or not the official one; download it again",
      });
    }
    const missing = CACHE_FILES[name].filter((f) => !(f in sizes));
    if (missing.length > 0) {
      throw new DataFormatError({
        file: archivePath,
        expected: `the ${name} binary archive with ${
          CACHE_FILES[name].map((f) => `${layout.folder}/${f}`).join(", ")
        }`,
        found: tar.names.length
          ? `entries ${tar.names.slice(0, 6).join(", ")}${tar.names.length > 6 ? ", ..." : ""}`
          : "no entries",
        fix: "pass the binary version of the archive (not the python or matlab one)",
      });
    }
    await validate(name, tmp);
    const record: CacheSource = {
      name,
      source,
      md5: actual,
      official: official && md5 !== undefined,
      createdAt: new Date().toISOString(),
      files: sizes,
    };
    await writeFileAtomic(`${tmp}/${SOURCE_FILE}`, JSON.stringify(record, null, 2) + "\n");
    await replaceDir(tmp, cacheDir(dataDir, name));
    return record;
  } catch (error) {
    await Deno.remove(tmp, { recursive: true }).catch(() => {});
    throw error;
  }
}

function checkEntrySize(
  archivePath: string,
  entry: string,
  size: number,
  limit: { bytes: number; exact: boolean },
  official: boolean,
): void {
  const exact = official && limit.exact;
  if (exact ? size === limit.bytes : size <= limit.bytes) return;
  throw new DataFormatError({
    file: archivePath,
    expected: `entry ${entry} of ${exact ? "exactly" : "at most"} ${limit.bytes} bytes${
      exact ? " (its official size)" : ""
    }`,
    found: `one declaring ${size} bytes (nothing was written)`,
    fix: "pass the official binary archive",
  });
}

async function openForWrite(path: string) {
  return await Deno.open(path, { write: true, createNew: true });
}

function sinkFor(
  file: { write(p: Uint8Array): Promise<number>; close(): void },
  path: string,
): EntrySink {
  return { write: (chunk) => writeAll(file, chunk, path), close: () => file.close() };
}

async function pumpGzip(
  archivePath: string,
  hash: ReturnType<typeof createHash>,
  tar: TarReader,
  maxTarBytes: number,
  onProgress?: (progress: TransferProgress) => void,
): Promise<void> {
  const total = (await Deno.stat(archivePath)).size;
  using file = await Deno.open(archivePath, { read: true });
  const head = new Uint8Array(2);
  if ((await file.read(head)) !== 2 || head[0] !== 0x1f || head[1] !== 0x8b) {
    throw new DataFormatError({
      file: archivePath,
      expected: "a gzip-compressed tar archive (starting with bytes 1f 8b)",
      found: `bytes ${[...head].map((b) => b.toString(16).padStart(2, "0")).join(" ")}`,
    });
  }
  await file.seek(0, Deno.SeekMode.Start);
  let done = 0, last = 0, inflated = 0;
  const compressed = new ReadableStream<BufferSource>({
    async pull(controller) {
      const buffer = new Uint8Array(READ_CHUNK);
      const n = await file.read(buffer);
      if (n === null) return controller.close();
      const chunk = buffer.subarray(0, n);
      hash.update(chunk);
      done += n;
      if (onProgress && Date.now() - last > PROGRESS_INTERVAL_MS) {
        last = Date.now();
        onProgress({ done, total, phase: "extract" });
      }
      controller.enqueue(chunk);
    },
  });
  try {
    for await (const chunk of compressed.pipeThrough(new DecompressionStream("gzip"))) {
      inflated += chunk.length;
      if (inflated > maxTarBytes) {
        throw new DataFormatError({
          file: archivePath,
          expected: `an archive inflating to at most ${maxTarBytes} bytes`,
          found: `more after ${done} compressed bytes (a gzip bomb or the wrong archive)`,
          fix: "pass the official binary archive",
        });
      }
      await tar.push(chunk);
    }
  } catch (error) {
    if (error instanceof DataFormatError || !(error instanceof TypeError)) throw error;
    throw new DataFormatError({
      file: archivePath,
      expected: "a complete gzip stream",
      found: `corrupt or truncated data after ${done} compressed bytes (${error.message})`,
    });
  }
  onProgress?.({ done, total, phase: "extract" });
}

async function validate(name: "cifar100" | "stl10", dir: string): Promise<void> {
  if (name === "cifar100") {
    for (const split of ["train", "test"]) {
      parseCifar100(await Deno.readFile(`${dir}/${split}.bin`), {
        file: `${split}.bin`,
        indices: [],
      });
    }
    return;
  }
  for (const split of ["train", "test"]) {
    const count = stl10RecordCount(
      (await Deno.stat(`${dir}/${split}_X.bin`)).size,
      `${split}_X.bin`,
    );
    parseStl10Labels(await Deno.readFile(`${dir}/${split}_y.bin`), count, `${split}_y.bin`);
  }
}

/** Puts `from` at `to`, replacing an older folder only once the new one is complete. */
export async function replaceDir(from: string, to: string): Promise<void> {
  const old = `${to}.old-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
  const hadOld = await Deno.rename(to, old).then(() => true, (e) => {
    if (e instanceof Deno.errors.NotFound) return false;
    throw e;
  });
  try {
    await Deno.rename(from, to);
  } catch (error) {
    if (hadOld) await Deno.rename(old, to).catch(() => {});
    throw error;
  }
  if (hadOld) await Deno.remove(old, { recursive: true });
}
