/**
 * Sample images of each split, drawn from the real pixels saved with the results.
 *
 * @module
 */
import type { Analysis, Results } from "../results/mod.ts";
import { makeFigure, normalizeOptions } from "./_common.ts";
import { imageGrid, shortName } from "./_images.ts";
import { messagePanel } from "./_plot.ts";
import type { Figure } from "./figure.ts";
import type { FigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";

/** A data split. */
export type Split = "train" | "val" | "test";
const LETTERS: Record<Split, string> = { train: "a", val: "b", test: "c" };
const SPLIT_LABELS: Record<Split, string> = { train: "training", val: "validation", test: "test" };

/** Options of {@linkcode sampleImagesFigure}: which split's sample to draw. */
export interface SampleImagesOptions extends FigureOptions {
  /** The split whose stored sample is drawn. */
  split: Split;
}

/**
 * Up to `maxImages` images of `split` with their class names, at native
 * resolution (small images upscaled with square pixels).
 *
 * @returns `fig09a_samples_train` (b val, c test; 20 CIFAR-100, 31 STL-10)
 */
export function sampleImagesFigure(
  results: Results,
  _analysis: Analysis | undefined,
  { split, ...options }: SampleImagesOptions,
): Figure {
  const o = normalizeOptions(options);
  const sample = results.dataset.samples[split];
  const names = results.dataset.classNames;
  const count = Math.min(o.maxImages, sample.images.length);
  const items = Array.from({ length: count }, (_, index) => ({
    index,
    lines: [{
      text: shortName(names[sample.labels[index]!] ?? String(sample.labels[index])),
      color: "#000000",
    }],
  }));
  const d = results.dataset;
  return makeFigure(results, {
    id: figureId(d.name, "samples", LETTERS[split]),
    name: `samples_${split}`,
    what: `sample images, ${SPLIT_LABELS[split]} split`,
    caption: `${count} images of the ${SPLIT_LABELS[split]} split (${d.sizes[split]} images, ` +
      `${d.width}x${d.height}x${d.channels}) with their class names, drawn from the stored pixels.`,
    panels: [
      count
        ? imageGrid(sample, items, o.width - 24)
        : messagePanel("No images saved", o.width - 24, 120),
    ],
    options: o,
  });
}
