/**
 * Training metrics (c): macro F1 on the validation split per epoch.
 *
 * @module
 */
import type { Analysis, Results } from "../results/mod.ts";
import { epochFigure } from "./_curves.ts";
import type { Figure } from "./figure.ts";
import type { FigureOptions } from "./options.ts";

/**
 * Macro-averaged F1 on the validation split per epoch, mean over seeds.
 *
 * @returns figure `fig02c_f1` (13c CIFAR-100, 24c STL-10)
 */
export function f1Figure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  return epochFigure(results, options, {
    letter: "c",
    name: "f1",
    what: "validation macro F1",
    caption: "Macro-averaged F1 score on the validation split after each epoch (unweighted " +
      "mean over classes), mean over seeds; faint lines are single seeds.",
    series: [{ get: (h) => h.valF1 }],
    axis: { label: "validation macro F1 (%)", domain: [0, 1], percent: true },
  });
}
