import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { encodeBase64, imageSample } from "../../lib/experiment/dataset_info.ts";

Deno.test("encodeBase64() agrees with Node's Buffer on bytes beyond one chunk", () => {
  const bytes = new Uint8Array(70_000).map((_, i) => (i * 7919) % 256);
  assert.equal(encodeBase64(bytes), Buffer.from(bytes).toString("base64"));
});

Deno.test("imageSample() stores the chosen images' bytes, labels and predictions", () => {
  const split = {
    images: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]),
    labels: new Uint8Array([0, 1]),
    count: 2,
    height: 2,
    width: 2,
    channels: 1,
  };
  const s = imageSample(split, [1], [0]);
  assert.deepEqual(s, {
    height: 2,
    width: 2,
    channels: 1,
    images: [Buffer.from([5, 6, 7, 8]).toString("base64")],
    labels: [1],
    predictions: [0],
  });
});
