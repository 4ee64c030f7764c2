import assert from "node:assert/strict";
import { makeResults } from "../../results/fixture.ts";
import { deterministicPart } from "./_deterministic.ts";

Deno.test({
  name: "deterministicPart() keeps metrics and drops only times, CPU and memory",
  fn: () => {
    const a = makeResults({ seeds: [1] });
    const b = structuredClone(a);
    b.createdAt = "2030-01-01T00:00:00Z";
    b.totalSeconds += 5;
    b.models.hybrid!.runs[0]!.history[0]!.seconds += 1;
    b.models.hybrid!.summary.rssMB!.mean += 1;
    b.models.hybrid!.runs[0]!.samples = [];
    assert.deepEqual(deterministicPart(b), deterministicPart(a));
    b.models.hybrid!.runs[0]!.test.accuracy += 0.01;
    assert.notDeepEqual(deterministicPart(b), deterministicPart(a));
  },
});
