/**
 * Sample predictions: test images with true and predicted labels, mistakes in red.
 *
 * @module
 */
import type { Analysis, ModelKind, Results } from "../results/mod.ts";
import { firstRun, makeFigure, modelLegend, normalizeOptions } from "./_common.ts";
import { imageGrid, shortName } from "./_images.ts";
import { messagePanel } from "./_plot.ts";
import type { Figure } from "./figure.ts";
import type { ModelFigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";
import { ALERT_COLOR, MODEL_LABELS } from "./palette.ts";

const LETTERS: Record<ModelKind, string> = {
  hybrid: "a",
  classical: "b",
  control: "c",
  frozen: "d",
};

/**
 * Test images with their true class and `kind`'s prediction (first seed);
 * mistakes are framed and labelled in red.
 *
 * @returns `fig11a_predictions_hybrid` (b classical, c control, d frozen; 22 CIFAR-100, 33 STL-10)
 */
export function samplePredictionsFigure(
  results: Results,
  _analysis: Analysis | undefined,
  { kind, ...options }: ModelFigureOptions,
): Figure {
  const o = normalizeOptions(options);
  const run = firstRun(results, kind);
  const sample = run.predictions;
  const names = results.dataset.classNames;
  const name = (c: number | undefined) =>
    shortName(c === undefined ? "?" : names[c] ?? String(c), 12);
  const count = Math.min(o.maxImages, sample.images.length);
  let wrong = 0;
  const items = Array.from({ length: count }, (_, index) => {
    const truth = sample.labels[index]!;
    const predicted = sample.predictions?.[index];
    const mistake = predicted !== truth;
    if (mistake) wrong++;
    return {
      index,
      frame: mistake ? ALERT_COLOR : undefined,
      lines: [
        { text: `true: ${name(truth)}`, color: "#000000" },
        { text: `pred: ${name(predicted)}`, color: mistake ? ALERT_COLOR : "#1a7f37" },
      ],
    };
  });
  return makeFigure(results, {
    id: figureId(results.dataset.name, "predictions", LETTERS[kind]),
    name: `predictions_${kind}`,
    what: `sample predictions, ${MODEL_LABELS[kind]}`,
    caption: `${count} test images with true class and the ${MODEL_LABELS[kind]} model's ` +
      `prediction (seed ${run.seed}); ${wrong} mistakes are framed and labelled in red.`,
    legend: [
      ...modelLegend([kind]),
      { label: "correct", color: "#1a7f37" },
      { label: "mistake", color: ALERT_COLOR, shape: "outline" },
    ],
    panels: [
      count
        ? imageGrid(sample, items, o.width - 24)
        : messagePanel("No images saved", o.width - 24, 120),
    ],
    options: o,
  });
}
