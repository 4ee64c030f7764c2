/**
 * Rasterising figure SVGs to PNG with resvg (needs `--allow-ffi` and
 * `--allow-sys=networkInterfaces`, which resvg-js's loader reads), with the
 * DejaVu fonts installed on the machine. resvg is imported on first use, so
 * SVG-only callers (notebooks) need neither permission.
 *
 * @module
 */

/** Where Debian's fonts-dejavu-core installs its fonts. */
export const FONT_DIRS = ["/usr/share/fonts/truetype/dejavu"];
/** Family used for text whose font is not found. */
export const DEFAULT_FONT_FAMILY = "DejaVu Sans";

/** Options of {@link toPNG}. */
export interface PngOptions {
  /** Pixels per SVG unit. @default 2 */
  scale?: number;
}

/** A rendered PNG and its pixel size. */
export interface RenderedPNG {
  png: Uint8Array;
  width: number;
  height: number;
}

/**
 * Renders `svg` to a PNG at `scale` pixels per SVG unit on a white background.
 *
 * @returns the PNG bytes and pixel size
 */
export async function toPNG(
  svg: string,
  { scale = 2 }: PngOptions = {},
): Promise<RenderedPNG> {
  if (!(scale > 0)) throw new RangeError(`Scale must be > 0 but found ${scale}`);
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    background: "#ffffff",
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: false, fontDirs: FONT_DIRS, defaultFontFamily: DEFAULT_FONT_FAMILY },
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}
