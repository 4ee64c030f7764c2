/**
 * Training metrics (b): validation accuracy per epoch.
 *
 * @module
 */
import type { Analysis, Results } from "../results/mod.ts";
import { epochFigure } from "./_curves.ts";
import type { Figure } from "./figure.ts";
import type { FigureOptions } from "./options.ts";

/**
 * Validation accuracy per epoch of every model, mean over seeds.
 *
 * @returns figure `fig02b_accuracy` (13b CIFAR-100, 24b STL-10)
 */
export function accuracyFigure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  return epochFigure(results, options, {
    letter: "b",
    name: "accuracy",
    what: "validation accuracy",
    caption: "Accuracy on the validation split after each epoch, mean over seeds; faint lines " +
      "are single seeds.",
    series: [{ get: (h) => h.valAccuracy }],
    axis: { label: "validation accuracy (%)", domain: [0, 1], percent: true },
  });
}
