/**
 * Training metrics (c): macro F1 on the validation split per epoch.
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
 * Macro-averaged F1 on the validation split per epoch, mean over seeds.
 *
 * @returns figure `fig02c_f1` (13c CIFAR-100, 24c STL-10)
 */
export function f1Figure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  const o = normalizeOptions(options);
  const kinds = modelsIn(results);
  return makeFigure(results, {
    id: figureId(results.dataset.name, "training", "c"),
    name: "f1",
    what: "validation macro F1",
    caption: "Macro-averaged F1 score on the validation split after each epoch (unweighted " +
      "mean over classes), mean over seeds; faint lines are single seeds.",
    legend: modelLegend(kinds),
    panels: [
      epochChart(
        results,
        kinds,
        [{ get: (h) => h.valF1 }],
        {
          label: "validation macro F1 (%)",
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
