/**
 * A tiny PNG decoder for tests (8-bit gray, RGB, RGBA; non-interlaced), written
 * independently of the encoder so round trips check real PNG semantics.
 *
 * @module
 */
import { unzlibSync } from "fflate";

/** Decoded pixels, RGBA, row-major. */
export interface DecodedPNG {
  width: number;
  height: number;
  rgba: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a PNG file; throws on anything it does not support. */
export function decodePNG(bytes: Uint8Array): DecodedPNG {
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!signature.every((b, i) => bytes[i] === b)) throw new TypeError("Not a PNG signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Uint8Array[] = [];
  while (offset < bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      if (body[8] !== 8 || body[10] !== 0 || body[11] !== 0 || body[12] !== 0) {
        throw new TypeError("Unsupported PNG");
      }
      channels = CHANNELS[body[9]!] ?? 0;
      if (!channels) throw new TypeError(`Unsupported colour type ${body[9]}`);
    } else if (type === "IDAT") data.push(body);
    else if (type === "IEND") break;
    offset += 12 + length;
  }
  const joined = new Uint8Array(data.reduce((a, d) => a + d.length, 0));
  let o = 0;
  for (const d of data) {
    joined.set(d, o);
    o += d.length;
  }
  const raw = unzlibSync(joined);
  const stride = width * channels;
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (predictor === undefined) throw new TypeError(`Unknown PNG filter ${filter}`);
      out[y * stride + x] = (v + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const p = out.subarray(i * channels, (i + 1) * channels);
    rgba[4 * i] = p[0]!;
    rgba[4 * i + 1] = channels === 1 ? p[0]! : p[1]!;
    rgba[4 * i + 2] = channels === 1 ? p[0]! : p[2]!;
    rgba[4 * i + 3] = channels === 4 ? p[3]! : 255;
  }
  return { width, height, rgba };
}
