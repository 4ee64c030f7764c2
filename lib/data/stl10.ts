/**
 * Parser for the STL-10 binary version (`*_X.bin` images, `*_y.bin` labels).
 *
 * @module
 */
import { planarColumnMajorToHwc } from "./_layout.ts";
import { DataFormatError } from "./errors.ts";
import type { LabeledImages } from "./types.ts";

/** Side of an STL-10 image in pixels. */
export const STL10_SIZE = 96;
/** Bytes of one STL-10 image: 3 channels of 96x96, each stored column by column. */
export const STL10_RECORD_BYTES = 3 * STL10_SIZE * STL10_SIZE;
/** Label given to images of the unlabeled split (no label file). */
export const UNLABELED = 255;
const STL10_CLASS_COUNT = 10;

/** Options of {@link parseStl10}. */
export interface Stl10ParseOptions {
  /**
   * Image file name used in error messages.
   * @default {"<images>"}
   */
  imagesFile?: string;
  /**
   * Label file name used in error messages.
   * @default {"<labels>"}
   */
  labelsFile?: string;
  /** Records to keep, in this order; default: every record. */
  indices?: ArrayLike<number>;
}

/**
 * Validates STL-10 label bytes (1..10 on disk) and returns them 0-based.
 *
 * @throws {DataFormatError} when a label is outside 1..10 or the count differs from `count`.
 */
export function parseStl10Labels(
  labelBytes: Uint8Array,
  count: number | undefined,
  file = "<labels>",
): Uint8Array {
  if (count !== undefined && labelBytes.length !== count) {
    throw new DataFormatError({
      file,
      expected: `${count} labels (one byte per image)`,
      found: `${labelBytes.length} bytes`,
    });
  }
  const labels = new Uint8Array(labelBytes.length);
  for (let i = 0; i < labelBytes.length; i++) {
    const l = labelBytes[i]!;
    if (l < 1 || l > STL10_CLASS_COUNT) {
      throw new DataFormatError({
        file,
        expected: `labels in 1..${STL10_CLASS_COUNT}`,
        found: `label ${l} at index ${i}`,
      });
    }
    labels[i] = l - 1;
  }
  return labels;
}

/**
 * Checks that `byteLength` is a positive whole number of STL-10 image records.
 *
 * @returns the number of records.
 * @throws {DataFormatError} otherwise.
 */
export function stl10RecordCount(byteLength: number, file = "<images>"): number {
  if (byteLength === 0 || byteLength % STL10_RECORD_BYTES !== 0) {
    throw new DataFormatError({
      file,
      expected: `a positive whole number of ${STL10_RECORD_BYTES}-byte STL-10 images`,
      found: `${byteLength} bytes (${(byteLength / STL10_RECORD_BYTES).toFixed(3)} images)`,
    });
  }
  return byteLength / STL10_RECORD_BYTES;
}

/**
 * Parses STL-10 binary images (per image: R, G, B planes of 96x96, each plane
 * column-major) and optional labels (1..10 on disk, returned as 0..9).
 *
 * @param imageBytes the whole `*_X.bin` file (or a whole number of records of it).
 * @param labelBytes the matching `*_y.bin` file; omit for the unlabeled split (labels become {@link UNLABELED}).
 * @param options file names for error messages and `indices` to keep only some records.
 * @returns RGB images `[n, 96, 96, 3]` in HWC order and 0-based labels.
 * @throws {DataFormatError} on a partial record, a count mismatch or a label outside 1..10.
 *
 * @example
 * ```ts
 * import { parseStl10 } from "./stl10.ts";
 * const image = new Uint8Array(3 * 96 * 96);
 * image[96] = 9; // R plane, column 1, row 0
 * const parsed = parseStl10(image, new Uint8Array([3]));
 * if (parsed.labels[0] !== 2 || parsed.images[1 * 3] !== 9) throw new Error();
 * ```
 */
export function parseStl10(
  imageBytes: Uint8Array,
  labelBytes?: Uint8Array,
  { imagesFile = "<images>", labelsFile = "<labels>", indices }: Stl10ParseOptions = {},
): LabeledImages {
  const total = stl10RecordCount(imageBytes.length, imagesFile);
  const allLabels = labelBytes
    ? parseStl10Labels(labelBytes, total, labelsFile)
    : new Uint8Array(total).fill(UNLABELED);
  const count = indices ? indices.length : total;
  const images = new Uint8Array(count * STL10_RECORD_BYTES);
  const labels = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k]! : k;
    if (!(i >= 0 && i < total)) {
      throw new RangeError(
        `Record index must be in 0..${total - 1} but found ${i}: pass valid indices`,
      );
    }
    labels[k] = allLabels[i]!;
    planarColumnMajorToHwc(imageBytes, images, {
      srcOffset: i * STL10_RECORD_BYTES,
      outOffset: k * STL10_RECORD_BYTES,
      size: STL10_SIZE,
      channels: 3,
    });
  }
  return { images, labels, count, height: STL10_SIZE, width: STL10_SIZE, channels: 3 };
}
