/**
 * IDX file parser (the format of the MNIST distribution) and the MNIST pairing of
 * an image file with a label file.
 *
 * @module
 */
import { DataFormatError } from "./errors.ts";
import type { LabeledImages } from "./types.ts";

/** Element types of the IDX format, by their type byte. */
const IDX_TYPES = {
  0x08: { name: "uint8", size: 1 },
  0x09: { name: "int8", size: 1 },
  0x0b: { name: "int16", size: 2 },
  0x0c: { name: "int32", size: 4 },
  0x0d: { name: "float32", size: 4 },
  0x0e: { name: "float64", size: 8 },
} as const;

/** Name of an IDX element type. */
export type IdxDtype = (typeof IDX_TYPES)[keyof typeof IDX_TYPES]["name"];

/** A parsed IDX array: its element type, dimensions and row-major values. */
export interface IdxArray {
  dtype: IdxDtype;
  dims: number[];
  data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

/** Options naming the file in error messages. */
export interface ParseOptions {
  /**
   * Name of the file the bytes came from, used in error messages.
   * @default {"<bytes>"}
   */
  file?: string;
}

/** Largest number of dimensions an IDX header can declare. */
const MAX_IDX_DIMS = 255;

/**
 * Parses an IDX file (magic `0x0000 <type> <ndims>`, big-endian `uint32` sizes, then data).
 *
 * @param bytes the whole file.
 * @param options `file` names the source in error messages.
 * @returns the element type, dimensions and values (uint8 data is a view of `bytes`).
 * @throws {DataFormatError} on a bad magic number, unknown type, or a size that does not match.
 *
 * @example
 * ```ts
 * import { parseIdx } from "./idx.ts";
 * const bytes = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 2, 7, 9]);
 * const { dims, data } = parseIdx(bytes);
 * if (dims[0] !== 2 || data[1] !== 9) throw new Error();
 * ```
 */
export function parseIdx(bytes: Uint8Array, { file = "<bytes>" }: ParseOptions = {}): IdxArray {
  if (bytes.length < 4) {
    throw new DataFormatError({
      file,
      expected: "an IDX header of at least 4 bytes",
      found: `${bytes.length} bytes (truncated file)`,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const typeByte = bytes[2]!;
  const ndims = bytes[3]!;
  const type = IDX_TYPES[typeByte as keyof typeof IDX_TYPES];
  if (bytes[0] !== 0 || bytes[1] !== 0 || type === undefined || ndims === 0) {
    throw new DataFormatError({
      file,
      expected: "IDX magic 0x0000 followed by a type in 08/09/0B/0C/0D/0E and 1-255 dimensions",
      found: `magic 0x${view.getUint32(0).toString(16).padStart(8, "0")}`,
    });
  }
  const headerBytes = 4 + 4 * ndims;
  if (ndims > MAX_IDX_DIMS || bytes.length < headerBytes) {
    throw new DataFormatError({
      file,
      expected: `an IDX header of ${headerBytes} bytes`,
      found: `${bytes.length} bytes (truncated file)`,
    });
  }
  const dims: number[] = [];
  for (let d = 0; d < ndims; d++) dims.push(view.getUint32(4 + 4 * d));
  const elements = dims.reduce((a, b) => a * b, 1);
  const expectedBytes = headerBytes + elements * type.size;
  if (bytes.length !== expectedBytes) {
    throw new DataFormatError({
      file,
      expected: `${expectedBytes} bytes for dimensions [${dims.join(", ")}] of ${type.name}`,
      found: `${bytes.length} bytes${bytes.length < expectedBytes ? " (truncated file)" : ""}`,
    });
  }
  return { dtype: type.name, dims, data: readElements(view, headerBytes, elements, type.name) };
}

function readElements(
  view: DataView,
  offset: number,
  n: number,
  dtype: IdxDtype,
): IdxArray["data"] {
  const base = view.byteOffset + offset;
  switch (dtype) {
    case "uint8":
      return new Uint8Array(view.buffer, base, n);
    case "int8":
      return new Int8Array(view.buffer, base, n);
    case "int16": {
      const out = new Int16Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt16(offset + 2 * i);
      return out;
    }
    case "int32": {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt32(offset + 4 * i);
      return out;
    }
    case "float32": {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(offset + 4 * i);
      return out;
    }
    case "float64": {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(offset + 8 * i);
      return out;
    }
  }
}

/** Number of MNIST classes (labels must lie in 0..9). */
const MNIST_CLASS_COUNT = 10;

/**
 * Pairs an MNIST image file (`idx3-ubyte`, `[n, rows, cols]`) with its label file
 * (`idx1-ubyte`, `[n]`).
 *
 * @param imageBytes the whole image file.
 * @param labelBytes the whole label file.
 * @param options `imagesFile` and `labelsFile` name the sources in error messages.
 * @returns gray images `[n, rows, cols, 1]` (the bytes are copied) and labels 0..9.
 * @throws {DataFormatError} when a file is malformed, counts differ, or a label is out of range.
 *
 * @example
 * ```ts
 * import { parseMnist } from "./idx.ts";
 * const images = new Uint8Array([0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 10, 20]);
 * const labels = new Uint8Array([0, 0, 8, 1, 0, 0, 0, 1, 7]);
 * const mnist = parseMnist(images, labels);
 * if (mnist.width !== 2 || mnist.labels[0] !== 7) throw new Error();
 * ```
 */
export function parseMnist(
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  { imagesFile = "<images>", labelsFile = "<labels>" }: {
    imagesFile?: string;
    labelsFile?: string;
  } = {},
): LabeledImages {
  const images = parseIdx(imageBytes, { file: imagesFile });
  const labels = parseIdx(labelBytes, { file: labelsFile });
  if (images.dtype !== "uint8" || images.dims.length !== 3) {
    throw new DataFormatError({
      file: imagesFile,
      expected: "a uint8 IDX array with 3 dimensions [count, rows, cols]",
      found: `${images.dtype} with dimensions [${images.dims.join(", ")}]`,
    });
  }
  if (labels.dtype !== "uint8" || labels.dims.length !== 1) {
    throw new DataFormatError({
      file: labelsFile,
      expected: "a uint8 IDX array with 1 dimension [count]",
      found: `${labels.dtype} with dimensions [${labels.dims.join(", ")}]`,
    });
  }
  const [count, height, width] = images.dims as [number, number, number];
  if (labels.dims[0] !== count) {
    throw new DataFormatError({
      file: labelsFile,
      expected: `${count} labels (one per image of ${imagesFile})`,
      found: `${labels.dims[0]} labels`,
    });
  }
  const labelData = labels.data as Uint8Array;
  const bad = labelData.findIndex((l) => l >= MNIST_CLASS_COUNT);
  if (bad >= 0) {
    throw new DataFormatError({
      file: labelsFile,
      expected: `labels in 0..${MNIST_CLASS_COUNT - 1}`,
      found: `label ${labelData[bad]} at index ${bad}`,
    });
  }
  return {
    images: (images.data as Uint8Array).slice(),
    labels: labelData.slice(),
    count,
    height,
    width,
    channels: 1,
  };
}
