/**
 * Atomic file writes: the data goes to a temporary name beside the target and
 * is renamed into place, so a reader never sees half a file and an interrupted
 * run never leaves a damaged one.
 *
 * @module
 */
import { writeFileAtomic as writeSiblingAtomic } from "../data/mod.ts";

/** Directory part of a path ("." for a bare file name). */
export function dirnameOf(path: string): string {
  const i = path.lastIndexOf("/");
  if (i < 0) return ".";
  return i === 0 ? "/" : path.slice(0, i);
}

/**
 * Writes `data` to `path` atomically (temp file + rename), creating parent
 * folders. A failed write removes its temporary file.
 *
 * @param path Target file.
 * @param data Text or bytes.
 * @example
 * ```ts
 * import { writeFileAtomic } from "./atomic_write.ts";
 * await writeFileAtomic("/tmp/hqc-example.txt", "hello");
 * ```
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await Deno.mkdir(dirnameOf(path), { recursive: true });
  await writeSiblingAtomic(path, data);
}

/**
 * Writes a value as pretty-printed JSON atomically.
 *
 * @param path Target file.
 * @param value Anything JSON can hold.
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, 1) + "\n");
}
