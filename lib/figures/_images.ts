/**
 * Image grids drawn from real pixels (PNG data URIs) with captions under each
 * image, shared by the sample-image and sample-prediction figures.
 *
 * @module
 */
import type { ImageSample } from "../results/mod.ts";
import type { Panel } from "./_plot.ts";
import { esc, num, text } from "./_svg.ts";
import { encodePNG, fromBase64, toBase64 } from "./png_encode.ts";

/** One image of a grid and the lines under it. */
export interface GridImage {
  index: number;
  lines: { text: string; color: string }[];
  /** Frame colour (e.g. red for a mistake); none when absent. */
  frame?: string;
}

/** Smallest on-screen size of an image; small images are upscaled to it. */
const MIN_IMAGE_PX = 64;
const LINE = 13;
const GAP = 10;

/** A data URI of one image of `sample`. */
export function imageDataURI(sample: ImageSample, index: number): string {
  const bytes = fromBase64(sample.images[index]!);
  const png = encodePNG(bytes, sample);
  return `data:image/png;base64,${toBase64(png)}`;
}

/** Lays out `items` of `sample` in a grid at most `width` px wide. */
export function imageGrid(sample: ImageSample, items: readonly GridImage[], width: number): Panel {
  const scale = Math.max(1, Math.ceil(MIN_IMAGE_PX / Math.max(sample.width, sample.height)));
  const w = sample.width * scale;
  const h = sample.height * scale;
  const lines = Math.max(1, ...items.map((i) => i.lines.length));
  const cellW = Math.max(w, 96) + GAP;
  const cellH = h + lines * LINE + GAP + 4;
  const cols = Math.max(1, Math.min(items.length, Math.floor(width / cellW)));
  const rows = Math.ceil(items.length / cols);
  const panelW = cols * cellW;
  const panelH = rows * cellH;
  const parts = items.map((item, k) => {
    const x = (k % cols) * cellW + (cellW - w) / 2;
    const y = Math.floor(k / cols) * cellH;
    const frame = item.frame
      ? `<rect x="${num(x - 2)}" y="${num(y - 2)}" width="${w + 4}" height="${
        h + 4
      }" fill="none" stroke="${item.frame}" stroke-width="3"/>`
      : `<rect x="${num(x - 0.5)}" y="${num(y - 0.5)}" width="${w + 1}" height="${
        h + 1
      }" fill="none" stroke="#cccccc"/>`;
    const captions = item.lines.map((line, j) =>
      text(line.text, {
        x: x + w / 2,
        y: y + h + 4 + LINE * (j + 1) - 2,
        size: 11,
        anchor: "middle",
        fill: line.color,
      })
    );
    return `<image x="${num(x)}" y="${
      num(y)
    }" width="${w}" height="${h}" image-rendering="optimizeSpeed"` +
      ` style="image-rendering:pixelated" preserveAspectRatio="none" href="${
        esc(imageDataURI(sample, item.index))
      }"/>` +
      frame + captions.join("");
  });
  return {
    svg: `<svg width="${panelW}" height="${panelH}" viewBox="0 0 ${panelW} ${panelH}">${
      parts.join("")
    }</svg>`,
    width: panelW,
    height: panelH,
  };
}

/** Shortens a class name to fit under an image. */
export function shortName(name: string, max = 14): string {
  return name.length <= max ? name : `${name.slice(0, max - 1)}…`;
}
