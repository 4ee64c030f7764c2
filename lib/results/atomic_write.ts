/**
 * The one atomic file writer: the data goes to a temporary name beside the
 * target and is renamed into place, so a reader never sees half a file and an
 * interrupted run never leaves a damaged one. Every file a run writes (data
 * cache, checkpoints, results, analysis, figures, report, benchmarks) goes
 * through {@link writeFileAtomic}.
 *
 * @module
 */

/** Directory part of a path ("." for a bare file name). */
export function dirnameOf(path: string): string {
  const i = path.lastIndexOf("/");
  if (i < 0) return ".";
  return i === 0 ? "/" : path.slice(0, i);
}

/** A temporary sibling name for `path`, unique per process and call. */
export function tempName(path: string): string {
  return `${path}.${Deno.pid}-${crypto.randomUUID().slice(0, 8)}.tmp`;
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
 * import { equal } from "node:assert/strict";
 * const path = await Deno.makeTempFile({ suffix: ".txt" });
 * await writeFileAtomic(path, "hello");
 * equal(await Deno.readTextFile(path), "hello");
 * await Deno.remove(path);
 * ```
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await Deno.mkdir(dirnameOf(path), { recursive: true });
  const tmp = tempName(path);
  try {
    if (typeof data === "string") await Deno.writeTextFile(tmp, data);
    else await Deno.writeFile(tmp, data);
    await Deno.rename(tmp, path);
  } catch (error) {
    await Deno.remove(tmp).catch(() => {});
    throw error;
  }
}

/**
 * Writes a value as JSON atomically.
 *
 * @param path Target file.
 * @param value Anything JSON can hold.
 * @param indent Spaces per level, 0 for one line. @default 1
 */
export async function writeJsonAtomic(path: string, value: unknown, indent = 1): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(value, null, indent) + (indent > 0 ? "\n" : ""));
}
