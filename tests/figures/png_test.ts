import assert from "node:assert/strict";
import {
  crc32,
  encodePNG,
  lossFigure,
  type Region,
  samplePredictionsFigure,
  toPNG,
} from "../../lib/figures/mod.ts";
import { fixtureAnalysis, fixtureResults } from "../results/fixture.ts";
import { decodePNG } from "./_png_decode.ts";

/** Channel value below which a pixel counts as drawn on the white background. */
const INK_THRESHOLD = 200;
/** Fewest drawn pixels expected in a title or legend region at scale 2. */
const MIN_INK_PIXELS = 200;

function inkIn(png: { width: number; rgba: Uint8Array }, region: Region, scale: number): number {
  let ink = 0;
  for (let y = Math.floor(region.y * scale); y < (region.y + region.height) * scale; y++) {
    for (let x = Math.floor(region.x * scale); x < (region.x + region.width) * scale; x++) {
      const i = 4 * (y * png.width + x);
      if (Math.min(png.rgba[i]!, png.rgba[i + 1]!, png.rgba[i + 2]!) < INK_THRESHOLD) ink++;
    }
  }
  return ink;
}

Deno.test("crc32() matches the standard check value", () => {
  assert.equal(crc32(new TextEncoder().encode("123456789")), 0xcbf43926);
});

Deno.test("encodePNG() round-trips gray and RGB pixels through an independent decoder", () => {
  const gray = Uint8Array.from({ length: 5 * 3 }, (_, i) => (i * 37) % 256);
  const g = decodePNG(encodePNG(gray, { width: 5, height: 3, channels: 1 }));
  assert.equal(g.width, 5);
  assert.equal(g.height, 3);
  assert.deepEqual([...g.rgba.filter((_, i) => i % 4 === 0)], [...gray]);
  const rgb = Uint8Array.from({ length: 4 * 4 * 3 }, (_, i) => (i * 11) % 256);
  const c = decodePNG(encodePNG(rgb, { width: 4, height: 4, channels: 3 }));
  assert.deepEqual([...c.rgba.filter((_, i) => i % 4 !== 3)], [...rgb]);
});

Deno.test("encodePNG() rejects a pixel buffer of the wrong size", () => {
  assert.throws(() => encodePNG(new Uint8Array(5), { width: 2, height: 2, channels: 1 }), {
    name: "RangeError",
    message: "Pixels must have 4 bytes (2x2x1) but found 5",
  });
});

Deno.test("toPNG() yields a decodable PNG of the expected size with visible title and legend", async () => {
  const results = fixtureResults("cifar100");
  const figure = lossFigure(results, fixtureAnalysis("cifar100"));
  const scale = 2;
  const { png, width, height } = await toPNG(figure.svg, { scale });
  const decoded = decodePNG(png);
  assert.equal(decoded.width, figure.width * scale);
  assert.equal(decoded.height, figure.height * scale);
  assert.equal(width, decoded.width);
  assert.equal(height, decoded.height);
  assert.ok(inkIn(decoded, figure.regions.title, scale) > MIN_INK_PIXELS, "title text rendered");
  assert.ok(inkIn(decoded, figure.regions.legend!, scale) > MIN_INK_PIXELS, "legend rendered");
  // The red stand-in warning line sits between title and legend.
  const warning = figure.regions.warning!;
  let red = 0;
  for (let y = warning.y * scale; y < (warning.y + warning.height) * scale; y++) {
    for (let x = 0; x < decoded.width; x++) {
      const i = 4 * (y * decoded.width + x);
      if (decoded.rgba[i]! > 150 && decoded.rgba[i + 1]! < 100) red++;
    }
  }
  assert.ok(red > MIN_INK_PIXELS, "red stand-in warning rendered");
  // Only a white background is left outside the drawn regions' bottom margin.
  const corner = decoded.rgba.subarray(0, 4);
  assert.deepEqual([...corner], [255, 255, 255, 255]);
});

Deno.test("toPNG() renders embedded images from data URIs", async () => {
  const results = fixtureResults("mnist");
  const figure = samplePredictionsFigure(results, undefined, { kind: "hybrid" });
  const decoded = decodePNG((await toPNG(figure.svg, { scale: 1 })).png);
  // The body holds the images: some of their dark pixels must show up.
  const body = figure.regions.body;
  assert.ok(inkIn(decoded, { ...body, height: 60 }, 1) > MIN_INK_PIXELS);
});
