/**
 * Resumable, verified HTTP download of one file into the cache.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { DataFormatError } from "./errors.ts";

/** Progress of a transfer or an extraction (training progress is `Progress` of `lib/train`). */
export interface TransferProgress {
  /** Bytes done so far. */
  done: number;
  /** Total bytes, when known. */
  total?: number;
  /** What is happening: "download", "verify" or "extract". */
  phase: "download" | "verify" | "extract";
}

/** Options of {@link downloadFile}. */
export interface DownloadOptions {
  /** Where the verified file ends up; the transfer goes to `<dest>.part` until verified. */
  dest: string;
  /** Expected MD5 (hex); when given, a mismatch deletes the partial file and throws. */
  md5?: string;
  /** Called now and then with the bytes received. */
  onProgress?: (progress: TransferProgress) => void;
  /**
   * Most bytes the file may have: a larger Content-Length is refused before the
   * body is read, and a body that runs past it (an endless one) is cut off and
   * its partial file deleted.
   * @default {Infinity}
   */
  maxBytes?: number;
  /**
   * Give up (keeping the partial file) when no bytes arrive for this long, in milliseconds.
   * @default {60000}
   */
  idleTimeoutMs?: number;
}

/** What {@link downloadFile} did. */
export interface DownloadResult {
  path: string;
  bytes: number;
  md5: string;
  /** Bytes that were already on disk from an earlier, interrupted transfer. */
  resumedFrom: number;
}

/** Smallest interval between two progress callbacks, in milliseconds. */
const PROGRESS_INTERVAL_MS = 250;
const HASH_CHUNK = 1 << 20;
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/**
 * Downloads `url` to `dest`: resumes an earlier `<dest>.part` with an HTTP Range
 * request (restarting when the server ignores it), verifies the MD5, then renames
 * into place. An interrupted or truncated transfer keeps `<dest>.part` for the
 * next call to resume; a checksum mismatch deletes it. `dest` itself only ever
 * appears complete and verified.
 *
 * @param url the file to fetch.
 * @param options destination, expected MD5, progress callback.
 * @returns the path, size, MD5 and how much was resumed.
 * @throws {DataFormatError} on a checksum mismatch, a truncated transfer or more than `maxBytes`;
 *   `TypeError` for a URL that is not https (plain http only on loopback); `Error` on HTTP or disk failure.
 */
export async function downloadFile(
  url: string,
  { dest, md5, onProgress, maxBytes = Infinity, idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS }:
    DownloadOptions,
): Promise<DownloadResult> {
  checkDownloadUrl(url);
  const part = `${dest}.part`;
  let have = (await Deno.stat(part).catch(() => null))?.size ?? 0;
  // Hash what is already there before the request, so a slow disk cannot trip the idle timer.
  const prefixHash = createHash("md5");
  if (have > 0) await hashFile(part, prefixHash, have);
  const abort = new AbortController();
  let timer = setTimeout(() => abort.abort(), idleTimeoutMs);
  const stillAlive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(), idleTimeoutMs);
  };
  try {
    return await transfer();
  } finally {
    clearTimeout(timer);
  }

  async function transfer(): Promise<DownloadResult> {
    const response = await fetch(url, {
      headers: have > 0 ? { Range: `bytes=${have}-` } : {},
      signal: abort.signal,
    }).catch((error) => {
      throw new Error(
        `Expected a response from ${url} but found ${
          abort.signal.aborted ? `none within ${idleTimeoutMs} ms` : String(error.message ?? error)
        }: check the URL and your connection, then rerun`,
        { cause: error },
      );
    });
    if (response.status === 416 && have > 0) {
      // The part file already holds the whole body; verification below decides.
      await response.body?.cancel();
    } else if (!response.ok) {
      await response.body?.cancel();
      throw new Error(
        `Expected HTTP 200 or 206 from ${url} but found ${response.status} ${response.statusText}: check the URL and your connection`,
      );
    }
    const resumed = response.status === 206 && contentRangeStart(response) === have;
    if (response.status === 206 && !resumed) {
      await response.body?.cancel();
      throw new Error(
        `Expected a range starting at byte ${have} from ${url} but found ${
          response.headers.get("content-range")
        }: delete ${part} and rerun`,
      );
    }
    if (response.status === 200) have = 0;
    const hash = have > 0 ? prefixHash : createHash("md5");
    const resumedFrom = have;
    const length = Number(response.headers.get("content-length") ?? NaN);
    const total = response.status === 416
      ? have
      : Number.isFinite(length)
      ? have + length
      : undefined;
    if (total !== undefined && total > maxBytes) {
      await response.body?.cancel();
      throw tooLong(url, maxBytes, `a Content-Length of ${total} bytes`, part);
    }
    if (response.body && response.status !== 416) {
      using file = await Deno.open(part, {
        write: true,
        create: true,
        append: have > 0,
        truncate: have === 0,
      });
      let last = 0;
      try {
        for await (const chunk of response.body) {
          stillAlive();
          if (have + chunk.length > maxBytes) throw new BodyTooLongError();
          await writeAll(file, chunk, part);
          hash.update(chunk);
          have += chunk.length;
          if (onProgress && Date.now() - last > PROGRESS_INTERVAL_MS) {
            last = Date.now();
            onProgress({ done: have, total, phase: "download" });
          }
        }
      } catch (error) {
        if (error instanceof DiskWriteError) throw error;
        if (error instanceof BodyTooLongError) {
          await Deno.remove(part).catch(() => {});
          throw tooLong(url, maxBytes, `a body running past ${have} bytes`, part);
        }
        throw new DataFormatError({
          file: url,
          expected: total === undefined ? "a complete transfer" : `${total} bytes`,
          found: `the connection ${
            abort.signal.aborted ? `stalled for ${idleTimeoutMs} ms` : "broken"
          } after ${have} bytes (${String((error as Error).message ?? error)})`,
          fix: `the partial download is kept in ${part}; rerun the same command to resume`,
        });
      }
    }
    onProgress?.({ done: have, total, phase: "download" });
    if (total !== undefined && have !== total) {
      throw new DataFormatError({
        file: url,
        expected: `${total} bytes`,
        found: `${have} bytes (truncated transfer)`,
        fix: `the partial download is kept in ${part}; rerun the same command to resume`,
      });
    }
    const actual = hash.digest("hex");
    if (md5 && actual !== md5.toLowerCase()) {
      await Deno.remove(part).catch(() => {});
      throw new DataFormatError({
        file: url,
        expected: `MD5 ${md5.toLowerCase()}`,
        found: `MD5 ${actual} over ${have} bytes`,
        fix: "the corrupt download was deleted; rerun to download it again",
      });
    }
    await Deno.rename(part, dest);
    return { path: dest, bytes: have, md5: actual, resumedFrom };
  }
}

/** The body ran past the most bytes allowed (internal signal). */
class BodyTooLongError extends Error {}

function tooLong(url: string, maxBytes: number, found: string, part: string): DataFormatError {
  return new DataFormatError({
    file: url,
    expected: `at most ${maxBytes} bytes (the expected archive size)`,
    found,
    fix: `${part} was deleted; check the URL, it does not serve the expected archive`,
  });
}

/** Hosts whose plain-http URLs are accepted: this machine only (test servers, local mirrors). */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * Checks that `url` parses and is https (plain http only to this machine's loopback);
 * `file:`, `data:` and other schemes are refused.
 *
 * @returns the parsed URL.
 * @throws {TypeError} naming the URL and the scheme found.
 */
export function checkDownloadUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(
      `Expected an https URL but found ${JSON.stringify(url)}: pass a full https:// URL`,
    );
  }
  const loopback = parsed.protocol === "http:" && LOOPBACK_HOSTS.has(parsed.hostname);
  if (parsed.protocol !== "https:" && !loopback) {
    throw new TypeError(
      `Expected an https URL but found the ${parsed.protocol} scheme in ${url}: pass an https:// URL`,
    );
  }
  return parsed;
}

/** A write to the cache failed (disk full, permissions, I/O error). */
class DiskWriteError extends Error {}

/** Writes all of `chunk`, turning OS errors into a message that says what happened. */
export async function writeAll(
  file: { write(p: Uint8Array): Promise<number> },
  chunk: Uint8Array,
  path: string,
): Promise<void> {
  let at = 0;
  try {
    while (at < chunk.length) at += await file.write(chunk.subarray(at));
  } catch (error) {
    throw new DiskWriteError(
      `Expected to write ${chunk.length} bytes to ${path} but the write failed (${
        (error as Error).message
      }): free disk space or fix permissions, then rerun`,
      { cause: error },
    );
  }
}

/** MD5 (hex) of a whole file, read in chunks. */
export async function md5File(path: string): Promise<string> {
  const hash = createHash("md5");
  await hashFile(path, hash, Infinity);
  return hash.digest("hex");
}

async function hashFile(
  path: string,
  hash: ReturnType<typeof createHash>,
  limit: number,
): Promise<void> {
  using file = await Deno.open(path, { read: true });
  const buffer = new Uint8Array(HASH_CHUNK);
  let left = limit;
  while (left > 0) {
    const n = await file.read(buffer.subarray(0, Math.min(HASH_CHUNK, left)));
    if (n === null) break;
    hash.update(buffer.subarray(0, n));
    left -= n;
  }
}

function contentRangeStart(response: Response): number | null {
  const match = response.headers.get("content-range")?.match(/^bytes (\d+)-/);
  return match ? Number(match[1]) : null;
}
