import assert from "node:assert/strict";
import { runShardsInParallel, ShardProcessError } from "../../../lib/experiment/sweep/mod.ts";

Deno.test("runShardsInParallel() waits for every shard and names each failed one with its log", async () => {
  const started: string[] = [];
  // bash stands in for deno: `bash task reproduce ...` fails, as a broken shard would.
  const error = await runShardsInParallel({
    jobs: 2,
    deno: "bash",
    argsFor: (shard) => {
      started.push(`${shard.index}/${shard.count}`);
      return ["--shard", `${shard.index}/${shard.count}`];
    },
  }).then(() => null, (e) => e);
  assert.deepEqual(started, ["1/2", "2/2"]);
  assert.ok(error instanceof ShardProcessError, String(error));
  assert.match(error.message, /^Expected every shard to succeed but 2 of 2 failed:\n/);
  assert.match(error.message, /--- shard 1\/2 \(exit 127\):\n.*task: No such file/);
  assert.match(error.message, /--- shard 2\/2 \(exit 127\):/);
  assert.match(error.message, /run again with --resume: finished cells are reused$/);
});
