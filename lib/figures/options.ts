/**
 * Option normalisation for every figure: one place that fills in defaults and
 * validates sizes, so figure files only read normalised values.
 *
 * @module
 */
import type { ModelKind } from "../results/mod.ts";

/** Options accepted by every figure function. */
export interface FigureOptions {
  /** Width of the whole figure in px. @default 720 */
  width?: number;
  /** Height of the plot area (below title and legend) in px. @default 360 */
  height?: number;
  /** Most images drawn by image-grid figures. @default 16 */
  maxImages?: number;
}

/** Options of the figures drawn for one model (`confusionFigure(results, analysis, { kind })`). */
export interface ModelFigureOptions extends FigureOptions {
  /** The model whose figure to draw. */
  kind: ModelKind;
}

/** {@link FigureOptions} with every default filled in. */
export interface NormalizedOptions {
  width: number;
  height: number;
  maxImages: number;
}

/** Font stack written into every SVG (DejaVu Sans is what the PNG renderer loads). */
export const FONT_FAMILY = "DejaVu Sans, Verdana, Arial, sans-serif";
/** Smallest figure width that leaves room for titles and legends. */
export const MIN_WIDTH = 320;
/** Smallest plot-area height. */
export const MIN_HEIGHT = 120;

/**
 * Fills in defaults and validates figure options.
 *
 * @throws {RangeError} for a size below the minimum or a non-integer image count
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { normalizeOptions } from "./options.ts";
 * ok(normalizeOptions({ width: 500 }).height === 360);
 * ```
 */
export function normalizeOptions(options: FigureOptions = {}): NormalizedOptions {
  const { width = 720, height = 360, maxImages = 16 } = options;
  if (!(width >= MIN_WIDTH)) {
    throw new RangeError(`Figure width must be >= ${MIN_WIDTH} px but found ${width}`);
  }
  if (!(height >= MIN_HEIGHT)) {
    throw new RangeError(`Figure height must be >= ${MIN_HEIGHT} px but found ${height}`);
  }
  if (!Number.isInteger(maxImages) || maxImages < 1) {
    throw new RangeError(`maxImages must be a positive integer but found ${maxImages}`);
  }
  return { width: Math.round(width), height: Math.round(height), maxImages };
}
