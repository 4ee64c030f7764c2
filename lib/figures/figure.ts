/**
 * `Figure`: one rendered figure with its id, file name, caption and SVG, which
 * displays itself inline in Deno's Jupyter kernel.
 *
 * @module
 */
import type { Framed, Region } from "./frame.ts";

/** Fields of a {@link Figure}. */
export interface FigureInit {
  /** Paper numbering, e.g. `fig02a` (MNIST loss) or `fig13a` (CIFAR-100 loss). */
  id: string;
  /** Short snake_case name, e.g. `loss`. */
  name: string;
  /** One-paragraph caption (what is shown and how it was computed). */
  caption: string;
  framed: Framed;
}

/**
 * A rendered figure. `fileStem` is `<id>_<name>`; `svg` is a standalone SVG
 * document; `regions` locate the title and legend (for checks on the PNG).
 *
 * @example
 * ```ts ignore
 * const figure = lossFigure(results, analysis);
 * figure; // in a notebook cell: shows the SVG inline
 * ```
 */
export class Figure {
  readonly id: string;
  readonly name: string;
  readonly caption: string;
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly regions: { title: Region; warning?: Region; legend?: Region; body: Region };

  constructor({ id, name, caption, framed }: FigureInit) {
    this.id = id;
    this.name = name;
    this.caption = caption;
    this.svg = framed.svg;
    this.width = framed.width;
    this.height = framed.height;
    this.regions = framed.regions;
  }

  /** `<id>_<name>`, the file name without extension. */
  get fileStem(): string {
    return `${this.id}_${this.name}`;
  }

  /** Display bundle for Deno's Jupyter kernel. */
  [Symbol.for("Jupyter.display")](): Record<string, string> {
    return { "image/svg+xml": this.svg };
  }
}
