import assert from "node:assert/strict";
import { MergeError, mergeRunDir, mergeShards } from "../../lib/experiment/merge.ts";
import { shardFileName } from "../../lib/experiment/shard.ts";
import { writeJsonAtomic } from "../../lib/results/mod.ts";
import { loadResults } from "../../lib/results/mod.ts";
import { makeResults } from "../results/fixture.ts";
import { splitIntoShards } from "./_shards.ts";

Deno.test("mergeShards() rebuilds the complete results with recomputed summaries", () => {
  const full = makeResults({ seeds: [1, 2, 3] });
  const partials = splitIntoShards(full, 4);
  assert.equal(partials.length, 4);
  const merged = mergeShards(partials);
  assert.equal(merged.shard, undefined);
  assert.deepEqual(merged.models, full.models);
  assert.equal(merged.totalSeconds, 10 + 20 + 30 + 40);
  assert.deepEqual(merged.config, full.config);
});

Deno.test("mergeShards() reports missing cells with what to run", () => {
  // Grid order h1 h2 c1 c2 k1 k2: shard 3 of 3 holds cells 2 and 5 (0-based).
  const partials = splitIntoShards(makeResults({ seeds: [1, 2] }), 3);
  assert.throws(() => mergeShards(partials.slice(0, 2)), {
    name: "MergeError",
    message: "Expected every (model, seed) of mnist in the shards but found 2 missing " +
      "(classical seed 1, control seed 2): run the remaining shards of 3",
  });
});

Deno.test("mergeShards() rejects shards with different configurations", () => {
  const partials = splitIntoShards(makeResults(), 2);
  partials[1] = { ...partials[1]!, config: { ...partials[1]!.config, epochs: 7 } };
  assert.throws(() => mergeShards(partials, ["a.json", "b.json"]), (e: unknown) => {
    assert.ok(e instanceof MergeError);
    assert.match(e.message, /^Expected b\.json to share the configuration of a\.json but found/);
    assert.match(e.message, /: rerun the odd shard with the same flags$/);
    return true;
  });
});

Deno.test("mergeShards() rejects a cell present in two shards", () => {
  const partials = splitIntoShards(makeResults(), 2);
  const duplicate = { ...partials[0]!, shard: { ...partials[0]!.shard!, index: 2 } };
  assert.throws(() => mergeShards([partials[0]!, duplicate], ["1-of-2.json", "2-of-2.json"]), {
    name: "MergeError",
    message: "Expected hybrid seed 1 in one shard but found it in 1-of-2.json and 2-of-2.json: " +
      "delete the stale shard file",
  });
});

Deno.test("mergeRunDir() merges shard files on disk into results.json", async () => {
  const dir = await Deno.makeTempDir();
  const full = makeResults({ seeds: [1, 2] });
  for (const p of splitIntoShards(full, 3)) {
    await writeJsonAtomic(`${dir}/shards/${shardFileName(p.shard!)}`, p);
  }
  const merged = await mergeRunDir(dir);
  const loaded = await loadResults(`${dir}/results.json`);
  assert.deepEqual(loaded, merged);
  assert.deepEqual(loaded.models, full.models);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("mergeRunDir() says how to create shards when there are none", async () => {
  const dir = await Deno.makeTempDir();
  await assert.rejects(() => mergeRunDir(dir), {
    name: "MergeError",
    message: `Expected shard files in ${dir}/shards but found none: run ` +
      "`deno task reproduce --shard k/N` first",
  });
  await Deno.remove(dir, { recursive: true });
});
