/**
 * A minimal PNG encoder for 8-bit gray, RGB or RGBA pixels (zlib via fflate),
 * used to embed real dataset pixels in SVGs as data URIs.
 *
 * @module
 */
import { zlibSync } from "fflate";

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const COLOR_TYPES: Record<number, number> = { 1: 0, 3: 2, 4: 6 };

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE) as used by PNG chunks. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Encodes HWC uint8 pixels as a PNG file.
 *
 * @param pixels `height * width * channels` bytes, row-major HWC
 * @param size `width`, `height` and `channels`: 1 (gray), 3 (RGB) or 4 (RGBA)
 * @returns the PNG bytes
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { encodePNG } from "./png_encode.ts";
 * const png = encodePNG(new Uint8Array([0, 255, 255, 0]), { width: 2, height: 2, channels: 1 });
 * ok(png[1] === 0x50); // "P"
 * ```
 */
export function encodePNG(
  pixels: Uint8Array,
  { width, height, channels }: { width: number; height: number; channels: number },
): Uint8Array {
  const colorType = COLOR_TYPES[channels];
  if (colorType === undefined) {
    throw new RangeError(`Channels must be 1, 3 or 4 but found ${channels}`);
  }
  if (pixels.length !== width * height * channels) {
    throw new RangeError(
      `Pixels must have ${
        width * height * channels
      } bytes (${height}x${width}x${channels}) but found ${pixels.length}`,
    );
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, colorType, 0, 0, 0], 8);
  const stride = width * channels;
  const raw = new Uint8Array(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const parts = [
    new Uint8Array(SIGNATURE),
    chunk("IHDR", header),
    chunk("IDAT", zlibSync(raw, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(s);
}

/** Bytes of base64 text. */
export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
