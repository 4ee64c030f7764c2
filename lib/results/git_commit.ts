/**
 * The commit a working tree is at, read from the `.git` files themselves (no `git`
 * subprocess, so it needs only read permission), for provenance lines.
 *
 * @module
 */

import { join, resolve } from "node:path";

async function readText(path: string): Promise<string | null> {
  try {
    return (await Deno.readTextFile(path)).trim();
  } catch {
    return null;
  }
}

/** The git directory of the tree holding `start` (walking up), following a worktree's `.git` file. */
async function gitDirOf(start: string): Promise<string | null> {
  let dir = resolve(start);
  while (true) {
    const dotGit = join(dir, ".git");
    const stat = await Deno.stat(dotGit).catch(() => null);
    if (stat?.isDirectory) return dotGit;
    if (stat?.isFile) {
      const pointer = /^gitdir:\s*(.+)$/m.exec((await readText(dotGit)) ?? "");
      return pointer === null ? null : resolve(dir, pointer[1]!);
    }
    const parent = resolve(dir, "..");
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Looks a ref up in loose refs, then in `packed-refs`, in the worktree's and the common git dir. */
async function resolveRef(gitDir: string, ref: string): Promise<string | null> {
  const common = await readText(join(gitDir, "commondir"));
  const dirs = common === null ? [gitDir] : [gitDir, resolve(gitDir, common)];
  for (const dir of dirs) {
    const loose = await readText(join(dir, ref));
    if (loose !== null && /^[0-9a-f]{40}$/.test(loose)) return loose;
  }
  for (const dir of dirs) {
    for (const line of ((await readText(join(dir, "packed-refs"))) ?? "").split("\n")) {
      const [hash, name] = line.split(" ");
      if (name === ref && hash !== undefined && /^[0-9a-f]{40}$/.test(hash)) return hash;
    }
  }
  return null;
}

/**
 * The commit checked out in the git working tree that holds `dir`.
 *
 * @param dir Any folder inside the working tree. @default the current working directory
 * @returns The 40-hex commit, or `null` when `dir` is not in a git tree (a tarball, say).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const commit = await gitCommit("/");
 * assert.ok(commit === null || /^[0-9a-f]{40}$/.test(commit));
 * ```
 */
export async function gitCommit(dir: string = Deno.cwd()): Promise<string | null> {
  const gitDir = await gitDirOf(dir);
  if (gitDir === null) return null;
  const head = await readText(join(gitDir, "HEAD"));
  if (head === null) return null;
  if (/^[0-9a-f]{40}$/.test(head)) return head;
  const ref = /^ref:\s*(\S+)$/.exec(head);
  return ref === null ? null : await resolveRef(gitDir, ref[1]!);
}
