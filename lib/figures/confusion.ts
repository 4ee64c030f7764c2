/**
 * Confusion matrices of the test split, one figure per model.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Analysis, ModelKind, Results } from "../results/mod.ts";
import { firstRun, makeFigure, modelLegend, normalizeOptions } from "./_common.ts";
import { plotPanel } from "./_plot.ts";
import type { Figure } from "./figure.ts";
import type { ModelFigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";
import { MODEL_LABELS } from "./palette.ts";

/** Most classes whose names label the axes and whose cells show counts. */
const MAX_LABELLED_CLASSES = 12;
const LETTERS: Record<ModelKind, string> = {
  hybrid: "a",
  classical: "b",
  control: "c",
  frozen: "d",
};

/**
 * The test-split confusion matrix of `kind`'s first seed: rows are true
 * classes, columns predictions, cells shaded by the row-normalised share
 * (per-class recall on the diagonal) with counts printed for up to 12 classes.
 *
 * @returns figure `fig06a_confusion_hybrid` (b classical, c control, d frozen; 17 CIFAR-100, 28 STL-10)
 */
export function confusionFigure(
  results: Results,
  _analysis: Analysis | undefined,
  { kind, ...options }: ModelFigureOptions,
): Figure {
  const o = normalizeOptions(options);
  const run = firstRun(results, kind);
  const names = results.dataset.classNames;
  const matrix = run.test.confusion;
  const n = matrix.length;
  const cells = matrix.flatMap((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count, p) => ({ t, p, count, share: total ? count / total : 0 }));
  });
  const labelled = n <= MAX_LABELLED_CLASSES;
  const tick = (i: number) => (labelled ? names[i] ?? String(i) : String(i));
  const ticks = labelled
    ? undefined
    : Array.from({ length: n }, (_, i) => i).filter((i) => i % 10 === 0);
  const side = Math.min(o.width - 24, o.height + 80);
  const panel = plotPanel(
    {
      marginLeft: labelled ? 80 : 40,
      marginBottom: labelled ? 60 : 36,
      x: {
        label: "predicted class",
        domain: [...Array(n).keys()],
        tickFormat: tick,
        ticks,
        tickRotate: labelled ? -35 : 0,
      },
      y: { label: "true class", domain: [...Array(n).keys()], tickFormat: tick, ticks },
      color: { type: "linear", domain: [0, 1], range: ["#ffffff", "#08306b"] },
      marks: [
        // Empty cells stay white (the background): drawing them would bloat large matrices.
        Plot.frame({ stroke: "#dddddd" }),
        Plot.cell(cells.filter((c) => c.count > 0), {
          x: "p",
          y: "t",
          fill: "share",
          inset: labelled ? 0.5 : 0,
        }),
        ...(labelled
          ? [Plot.text(cells.filter((c) => c.count > 0), {
            x: "p",
            y: "t",
            text: "count",
            fontSize: 10,
            fill: (d) => (d.share > 0.5 ? "#ffffff" : "#000000"),
          })]
          : []),
      ],
    },
    side,
    side,
  );
  const acc = (100 * run.test.accuracy).toFixed(1);
  return makeFigure(results, {
    id: figureId(results.dataset.name, "confusion", LETTERS[kind]),
    name: `confusion_${kind}`,
    what: `confusion matrix, ${MODEL_LABELS[kind]}`,
    caption: `Confusion matrix of the ${MODEL_LABELS[kind]} model (seed ${run.seed}) on the test ` +
      `split (accuracy ${acc} %): rows are true classes, columns predicted classes; shading is ` +
      `the share of the row (white 0, dark blue 1)${labelled ? ", numbers are counts" : ""}.` +
      (labelled ? "" : ` Axes show class indices (${n} classes, every 10th labelled).`),
    legend: [
      ...modelLegend([kind]),
      { label: "0 % of row", color: "#999999", shape: "outline" },
      { label: "100 % of row", color: "#08306b" },
    ],
    panels: [panel],
    options: o,
  });
}
