/**
 * Training metrics (a): train and validation loss per epoch.
 *
 * @module
 */
import type { Analysis, Results } from "../results/mod.ts";
import { epochFigure } from "./_curves.ts";
import type { Figure } from "./figure.ts";
import type { FigureOptions } from "./options.ts";

/**
 * Loss per epoch: training (solid) and validation (dashed) cross-entropy of
 * every model, mean over seeds (faint lines: single seeds).
 *
 * @param results a run's results
 * @param _analysis unused; every figure takes the same arguments
 * @returns figure `fig02a_loss` (MNIST; 13a CIFAR-100, 24a STL-10)
 */
export function lossFigure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  return epochFigure(results, options, {
    letter: "a",
    name: "loss",
    what: "training and validation loss",
    caption: "Cross-entropy loss per epoch on the training split (solid) and the validation " +
      "split (dashed), mean over seeds; faint lines are single seeds.",
    series: [{ get: (h) => h.trainLoss }, { get: (h) => h.valLoss, dashed: true }],
    axis: { label: "loss (cross-entropy)" },
    extraLegend: [
      { label: "training", color: "#333333", shape: "line" },
      { label: "validation", color: "#333333", shape: "dashed" },
    ],
  });
}
