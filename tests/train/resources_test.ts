import assert from "node:assert/strict";
import { ResourceSampler } from "../../lib/train/mod.ts";

function spin(ms: number): void {
  const end = performance.now() + ms;
  let x = 0;
  while (performance.now() < end) x += Math.sqrt(x + 1);
  if (x < 0) throw new Error("unreachable");
}

Deno.test("ResourceSampler.maybeSample() samples during an epoch once the interval has passed", () => {
  const sampler = new ResourceSampler({ intervalSeconds: 0.05, cores: 1 });
  sampler.beginEpoch(1);
  assert.equal(sampler.maybeSample(), null);
  spin(80);
  const s = sampler.maybeSample();
  assert.ok(s);
  assert.equal(s.epoch, 1);
  // a busy loop used CPU time (how much of the core it got depends on other load)
  if (!(s.cpuProcessPercent > 0 && s.cpuProcessPercent <= 100)) {
    throw new Error(`cpu ${s.cpuProcessPercent}`);
  }
  if (!(s.cpuSystemPercent >= 0 && s.cpuSystemPercent <= 100)) {
    throw new Error(`system ${s.cpuSystemPercent}`);
  }
});

Deno.test("ResourceSampler.endEpoch() averages CPU and takes peak memory over the epoch's samples", () => {
  const sampler = new ResourceSampler({ intervalSeconds: 0, cores: 1 });
  sampler.beginEpoch(1);
  spin(20);
  sampler.sample();
  sampler.beginEpoch(2);
  spin(20);
  sampler.sample();
  const summary = sampler.endEpoch();
  const mine = sampler.samples.filter((s) => s.epoch === 2);
  assert.equal(mine.length, 2);
  const mean = (mine[0]!.cpuProcessPercent + mine[1]!.cpuProcessPercent) / 2;
  assert.equal(summary.cpuProcessPercent, mean);
  assert.equal(summary.rssMB, Math.max(mine[0]!.rssMB, mine[1]!.rssMB));
  if (!sampler.samples.every((s, i, all) => i === 0 || s.t >= all[i - 1]!.t)) {
    throw new Error("time went back");
  }
});

async function sampleWith(permissions: string[]): Promise<{ code: number; out: string }> {
  const repo = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
  const output = await new Deno.Command("deno", {
    args: [
      "run",
      "--no-prompt",
      ...permissions.map((p) => p.replace("REPO", repo)),
      new URL("./_sampler_child.ts", import.meta.url).pathname,
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: output.code, out: decode(output.stdout) + decode(output.stderr) };
}

Deno.test("ResourceSampler reports a denied loadavg instead of a silent 0 % system CPU", async () => {
  const denied = await sampleWith(["--allow-read=REPO"]);
  assert.notEqual(denied.code, 0);
  assert.match(
    denied.out,
    /Expected the system load average but found --allow-sys=loadavg denied: add loadavg to --allow-sys/,
  );
  const granted = await sampleWith(["--allow-read=REPO", "--allow-sys=loadavg"]);
  assert.equal(granted.code, 0, granted.out);
  assert.ok(JSON.parse(granted.out).cpuSystemPercent >= 0);
});
