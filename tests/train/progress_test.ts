import assert from "node:assert/strict";
import {
  consoleProgress,
  formatDuration,
  type Progress,
  progressLine,
} from "../../lib/train/mod.ts";

function batchEvent(batch: number, batches = 8): Progress {
  return {
    kind: "batch",
    epoch: 1,
    epochs: 2,
    batch,
    batches,
    seen: batch * 64,
    total: batches * 64,
    loss: 0.123456,
    accuracy: 0.9,
    samplesPerSecond: 321.4,
    etaSeconds: 75,
  };
}

Deno.test("progressLine() shows the bar, loss, accuracy, rate and ETA", () => {
  assert.equal(
    progressLine(batchEvent(4), { label: "hybrid", width: 8 }),
    "hybrid epoch 1/2 [####....] 4/8 loss 0.1235 acc 0.9000 321 img/s ETA 1:15",
  );
});

Deno.test("consoleProgress() redraws one line in place on a terminal", () => {
  const out: string[] = [];
  const onProgress = consoleProgress({ inPlace: true, write: (t) => out.push(t), width: 4 });
  onProgress(batchEvent(1));
  onProgress(batchEvent(2));
  assert.equal(out.length, 2);
  if (!out.every((t) => t.startsWith("\r") && !t.includes("\n"))) {
    throw new Error(JSON.stringify(out));
  }
});

Deno.test("consoleProgress() prints a few whole lines per epoch elsewhere", () => {
  const out: string[] = [];
  const onProgress = consoleProgress({ inPlace: false, write: (t) => out.push(t), lineEvery: 0.5 });
  for (let b = 1; b <= 8; b++) onProgress(batchEvent(b));
  // lines at 1/8 (first), then at >= 1/8 + 1/2 = 5/8
  assert.equal(out.length, 2);
  if (!out.every((t) => t.endsWith("\n") && !t.includes("\r"))) {
    throw new Error(JSON.stringify(out));
  }
});

Deno.test("formatDuration() writes m:ss and h:mm:ss", () => {
  assert.equal(formatDuration(5), "0:05");
  assert.equal(formatDuration(3725), "1:02:05");
  assert.equal(formatDuration(Infinity), "--:--");
});
