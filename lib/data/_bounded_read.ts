/** Reading a whole file, or inflating a `.gz` one, with a cap on the bytes held (internal). */
import { DataFormatError } from "./errors.ts";

// DecompressionStream inflates a whole input chunk at once (deflate reaches 1032:1),
// so small reads bound the memory one chunk can expand to: 16 KiB -> at most 17 MB.
const READ_CHUNK = 1 << 14;

/**
 * Reads `path`, or `path.gz` inflated as a stream, refusing more than `maxBytes`
 * (checked against the file size before reading, and while inflating, so a gzip
 * bomb is stopped after `maxBytes` bytes of output).
 *
 * @param path the file (without `.gz`).
 * @param maxBytes the most bytes the content may have.
 * @returns the bytes and the file actually read.
 * @throws {DataFormatError} naming the file for a folder, a bad or truncated `.gz`, or too much data.
 */
export async function readBounded(
  path: string,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; file: string }> {
  const plain = await statOrNull(path);
  if (plain) {
    await requireFile(path);
    if (plain.size > maxBytes) throw tooLarge(path, maxBytes, `${plain.size} bytes`);
    return { bytes: await Deno.readFile(path), file: path };
  }
  const gz = `${path}.gz`;
  const stat = await statOrNull(gz);
  if (!stat) {
    throw new DataFormatError({
      file: path,
      expected: "the file or its .gz",
      found: "neither",
      fix: "pass a folder holding the four MNIST IDX files (gzipped or not)",
    });
  }
  await requireFile(gz);
  return { bytes: await gunzipBounded(gz, maxBytes), file: gz };
}

/** Turns a denied read into an error that says how to grant it. */
function readDenied(path: string, error: unknown): Error {
  return new Error(
    `Expected read access to ${path} but found it denied (the deno.json tasks may read only the project folder): ` +
      `move it under data/, or run \`deno run --allow-read=.,${path} --allow-write=data scripts/data.ts ...\``,
    { cause: error },
  );
}

/** Stats `path`: null when it does not exist, a clear error when reading it is not permitted. */
async function statOrNull(path: string): Promise<Deno.FileInfo | null> {
  try {
    return await Deno.stat(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return null;
    if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
      throw readDenied(path, error);
    }
    throw error;
  }
}

/** Refuses a missing path or a folder with a message naming it. */
export async function requireFile(path: string): Promise<Deno.FileInfo> {
  const stat = await statOrNull(path);
  if (!stat?.isFile) {
    throw new DataFormatError({
      file: path,
      expected: "a file",
      found: stat ? "a directory or other non-file" : "nothing (no such path)",
      fix: "pass the path of the file itself",
    });
  }
  return stat;
}

/** Refuses a missing path or a file where a folder is expected, naming it. */
export async function requireDirectory(path: string): Promise<void> {
  const stat = await statOrNull(path);
  if (!stat?.isDirectory) {
    throw new DataFormatError({
      file: path,
      expected: "a folder",
      found: stat ? "a file" : "nothing (no such path)",
      fix: "pass the folder that holds the four MNIST IDX files",
    });
  }
}

/** Inflates the gzip file at `gz`, refusing output past `maxBytes`. */
export async function gunzipBounded(gz: string, maxBytes: number): Promise<Uint8Array> {
  using file = await Deno.open(gz, { read: true });
  const parts: Uint8Array[] = [];
  let total = 0;
  const compressed = new ReadableStream<BufferSource>({
    async pull(controller) {
      const buffer = new Uint8Array(READ_CHUNK);
      const n = await file.read(buffer);
      if (n === null) return controller.close();
      controller.enqueue(buffer.subarray(0, n));
    },
  });
  const reader = compressed.pipeThrough(new DecompressionStream("gzip")).getReader();
  try {
    while (true) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) throw tooLarge(gz, maxBytes, "more once inflated (a gzip bomb?)");
      parts.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof DataFormatError || !(error instanceof TypeError)) throw error;
    throw new DataFormatError({
      file: gz,
      expected: "a complete gzip stream",
      found: `corrupt or truncated data (${error.message})`,
      fix: "download the file again",
    });
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function tooLarge(file: string, maxBytes: number, found: string): DataFormatError {
  return new DataFormatError({
    file,
    expected: `at most ${maxBytes} bytes (the official file's size)`,
    found,
    fix: "pass the official file",
  });
}
