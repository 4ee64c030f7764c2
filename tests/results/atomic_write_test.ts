import assert from "node:assert/strict";
import { writeFileAtomic, writeJsonAtomic } from "../../lib/results/mod.ts";

async function listing(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  return names.sort();
}

Deno.test("writeJsonAtomic() writes the value and leaves no temporary file", async () => {
  const dir = await Deno.makeTempDir();
  await writeJsonAtomic(`${dir}/a/b/results.json`, { x: [1, 2] });
  assert.deepEqual(JSON.parse(await Deno.readTextFile(`${dir}/a/b/results.json`)), { x: [1, 2] });
  assert.deepEqual(await listing(`${dir}/a/b`), ["results.json"]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("writeFileAtomic() replaces an existing file whole", async () => {
  const dir = await Deno.makeTempDir();
  await writeFileAtomic(`${dir}/f.txt`, "a much longer first version");
  await writeFileAtomic(`${dir}/f.txt`, new TextEncoder().encode("short"));
  assert.equal(await Deno.readTextFile(`${dir}/f.txt`), "short");
  assert.deepEqual(await listing(dir), ["f.txt"]);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("writeFileAtomic() removes its temporary file when the rename fails", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(`${dir}/target`); // a non-empty folder cannot be replaced by a file
  await Deno.writeTextFile(`${dir}/target/keep`, "x");
  await assert.rejects(() => writeFileAtomic(`${dir}/target`, "data"));
  assert.deepEqual(await listing(dir), ["target"]);
  await Deno.remove(dir, { recursive: true });
});
