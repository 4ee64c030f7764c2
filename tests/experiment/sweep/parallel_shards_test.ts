import assert from "node:assert/strict";
import { runShardsInParallel, ShardProcessError } from "../../../lib/experiment/sweep/mod.ts";

Deno.test("runShardsInParallel() waits for every shard and names each failed one with its log", async () => {
  const started: string[] = [];
  const logs: string[] = [];
  // bash stands in for deno: `bash task reproduce ...` fails, as a broken shard would.
  const error = await runShardsInParallel({
    jobs: 2,
    deno: "bash",
    log: (text) => logs.push(text),
    argsFor: (shard) => {
      started.push(`${shard.index}/${shard.count}`);
      return ["--shard", `${shard.index}/${shard.count}`];
    },
  }).then(() => null, (e) => e);
  assert.deepEqual(started, ["1/2", "2/2"]);
  assert.ok(error instanceof ShardProcessError, String(error));
  assert.equal(
    error.message,
    "Expected every shard to succeed but 2 of 2 failed (shard 1/2, exit 127; shard 2/2, exit 127; " +
      "their output is above): fix the cause and run again with --resume, which reuses finished cells",
  );
  assert.equal(logs.length, 2);
  assert.match(logs[0]!, /^--- shard 1\/2 \(exit 127\):\n.*task: No such file/);
  assert.match(logs[1]!, /^--- shard 2\/2 \(exit 127\):/);
});
