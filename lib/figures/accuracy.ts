/**
 * Training metrics (b): validation accuracy per epoch.
 *
 * @module
 */
import type { Analysis } from "../analysis/types.ts";
import type { Results } from "../experiment/results_schema.ts";
import { makeFigure, modelLegend, modelsIn, normalizeOptions } from "./_common.ts";
import { epochChart } from "./_curves.ts";
import type { Figure } from "./figure.ts";
import type { FigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";

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
  const o = normalizeOptions(options);
  const kinds = modelsIn(results);
  return makeFigure(results, {
    id: figureId(results.dataset.name, "training", "b"),
    name: "accuracy",
    what: "validation accuracy",
    caption: "Accuracy on the validation split after each epoch, mean over seeds; faint lines " +
      "are single seeds.",
    legend: modelLegend(kinds),
    panels: [
      epochChart(
        results,
        kinds,
        [{ get: (h) => h.valAccuracy }],
        {
          label: "validation accuracy (%)",
          domain: [0, 1],
          percent: true,
        },
        o.width - 24,
        o.height,
      ),
    ],
    options: o,
  });
}
