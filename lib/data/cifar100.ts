/**
 * Parser for the CIFAR-100 binary version (`train.bin`, `test.bin`).
 *
 * @module
 */
import { planarRowMajorToHwc } from "./_layout.ts";
import { DataFormatError } from "./errors.ts";
import type { Cifar100Images } from "./types.ts";

/** Side of a CIFAR image in pixels. */
export const CIFAR_SIZE = 32;
/** Bytes of one CIFAR-100 record: coarse label, fine label, 1024 R, 1024 G, 1024 B. */
export const CIFAR100_RECORD_BYTES = 2 + 3 * CIFAR_SIZE * CIFAR_SIZE;
const FINE_CLASSES = 100;
const COARSE_CLASSES = 20;

/** Options of {@link parseCifar100}. */
export interface Cifar100ParseOptions {
  /**
   * File name used in error messages.
   * @default {"<bytes>"}
   */
  file?: string;
  /** Records to keep, in this order (all labels are still validated); default: every record. */
  indices?: ArrayLike<number>;
}

/**
 * Parses CIFAR-100 binary records (per record: coarse label, fine label, then
 * 1024 R, 1024 G, 1024 B bytes, each plane row-major 32x32).
 *
 * @param bytes the whole file (`train.bin` or `test.bin`).
 * @param options `file` for error messages, `indices` to keep only some records.
 * @returns RGB images `[n, 32, 32, 3]` with fine `labels` and `coarseLabels`.
 * @throws {DataFormatError} when the size is not a whole, positive number of records or a label is out of range.
 *
 * @example
 * ```ts
 * import { parseCifar100 } from "./cifar100.ts";
 * const record = new Uint8Array(3074);
 * record[0] = 4; record[1] = 30; record[2 + 1024] = 200; // coarse, fine, G at row 0 col 0
 * const parsed = parseCifar100(record);
 * if (parsed.labels[0] !== 30 || parsed.coarseLabels[0] !== 4 || parsed.images[1] !== 200) throw new Error();
 * ```
 */
export function parseCifar100(
  bytes: Uint8Array,
  { file = "<bytes>", indices }: Cifar100ParseOptions = {},
): Cifar100Images {
  if (bytes.length === 0 || bytes.length % CIFAR100_RECORD_BYTES !== 0) {
    throw new DataFormatError({
      file,
      expected: `a positive whole number of ${CIFAR100_RECORD_BYTES}-byte CIFAR-100 records`,
      found: `${bytes.length} bytes (${(bytes.length / CIFAR100_RECORD_BYTES).toFixed(3)} records)`,
    });
  }
  const total = bytes.length / CIFAR100_RECORD_BYTES;
  for (let i = 0; i < total; i++) {
    const coarse = bytes[i * CIFAR100_RECORD_BYTES]!;
    const fine = bytes[i * CIFAR100_RECORD_BYTES + 1]!;
    if (coarse >= COARSE_CLASSES || fine >= FINE_CLASSES) {
      throw new DataFormatError({
        file,
        expected: `coarse labels in 0..${COARSE_CLASSES - 1} and fine labels in 0..${
          FINE_CLASSES - 1
        }`,
        found: `coarse ${coarse}, fine ${fine} in record ${i}`,
      });
    }
  }
  const keep = indices ?? { length: total };
  const count = keep.length;
  const pixels = 3 * CIFAR_SIZE * CIFAR_SIZE;
  const images = new Uint8Array(count * pixels);
  const labels = new Uint8Array(count);
  const coarseLabels = new Uint8Array(count);
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k]! : k;
    if (!(i >= 0 && i < total)) {
      throw new RangeError(
        `Record index must be in 0..${total - 1} but found ${i}: pass valid indices`,
      );
    }
    const at = i * CIFAR100_RECORD_BYTES;
    coarseLabels[k] = bytes[at]!;
    labels[k] = bytes[at + 1]!;
    planarRowMajorToHwc(bytes, images, {
      srcOffset: at + 2,
      outOffset: k * pixels,
      size: CIFAR_SIZE,
      channels: 3,
    });
  }
  return {
    images,
    labels,
    coarseLabels,
    count,
    height: CIFAR_SIZE,
    width: CIFAR_SIZE,
    channels: 3,
  };
}
