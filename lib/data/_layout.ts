/** Conversions from the on-disk pixel layouts to HWC (internal). */

/** Where one square image sits in the source and the destination, and its size. */
export interface LayoutOptions {
  /** Start of the image in `src`. */
  srcOffset: number;
  /** Start of the HWC copy in `out`. */
  outOffset: number;
  /** Height and width in pixels. */
  size: number;
  /** Channels (planes). */
  channels: number;
}

/**
 * Copies one channel-planar, row-major image (CIFAR: all R rows, then G, then B)
 * into `out` at `outOffset` in HWC order.
 */
export function planarRowMajorToHwc(
  src: Uint8Array,
  out: Uint8Array,
  { srcOffset, outOffset, size, channels }: LayoutOptions,
): void {
  const plane = size * size;
  for (let c = 0; c < channels; c++) {
    const from = srcOffset + c * plane;
    for (let p = 0; p < plane; p++) out[outOffset + p * channels + c] = src[from + p]!;
  }
}

/**
 * Copies one channel-planar, column-major image (STL-10: each channel stored
 * column by column, as MATLAB writes it) into `out` at `outOffset` in HWC order.
 */
export function planarColumnMajorToHwc(
  src: Uint8Array,
  out: Uint8Array,
  { srcOffset, outOffset, size, channels }: LayoutOptions,
): void {
  const plane = size * size;
  for (let c = 0; c < channels; c++) {
    const from = srcOffset + c * plane;
    for (let col = 0; col < size; col++) {
      const colStart = from + col * size;
      for (let row = 0; row < size; row++) {
        out[outOffset + (row * size + col) * channels + c] = src[colStart + row]!;
      }
    }
  }
}
