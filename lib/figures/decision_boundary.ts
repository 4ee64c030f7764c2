/**
 * Decision boundaries: class regions in the PCA plane of a model's features.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Analysis, ModelKind, Results } from "../results/mod.ts";
import { makeFigure, modelLegend, normalizeOptions } from "./_common.ts";
import { messagePanel, plotPanel } from "./_plot.ts";
import { classLegend } from "./feature_space.ts";
import type { Figure } from "./figure.ts";
import type { ModelFigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";
import { classColor, MODEL_LABELS } from "./palette.ts";

const LETTERS: Record<ModelKind, string> = {
  hybrid: "a",
  classical: "b",
  control: "c",
  frozen: "d",
};

/**
 * Class regions of `kind` in the PCA plane of its features: grid cells take the
 * majority of the k nearest projected test images' predicted classes; dots are
 * the images, coloured by true class. Runs of equal cells are merged into one
 * rectangle per row to keep the SVG small.
 *
 * @returns `fig08a_decision_hybrid` (b classical, c control, d frozen; 19 CIFAR-100, 30 STL-10)
 */
export function decisionBoundaryFigure(
  results: Results,
  analysis: Analysis,
  { kind, ...options }: ModelFigureOptions,
): Figure {
  const o = normalizeOptions(options);
  const model = analysis.models[kind];
  const n = results.dataset.classNames.length;
  const size = Math.min(o.width - 24, o.height + 80);
  let panel;
  let caption;
  if (!model) {
    panel = messagePanel(`No saved features for the ${MODEL_LABELS[kind]} model`, size, size);
    caption = `Decision regions of the ${MODEL_LABELS[kind]} model: no features were saved.`;
  } else {
    const g = model.decision;
    const rects: { x1: number; x2: number; y1: number; y2: number; fill: string }[] = [];
    g.ys.forEach((y, iy) => {
      let start = 0;
      for (let ix = 1; ix <= g.xs.length; ix++) {
        const c = g.classes[iy * g.xs.length + start]!;
        if (ix < g.xs.length && g.classes[iy * g.xs.length + ix] === c) continue;
        rects.push({
          x1: g.xs[start]! - g.cellWidth / 2,
          x2: g.xs[ix - 1]! + g.cellWidth / 2,
          y1: y - g.cellHeight / 2,
          y2: y + g.cellHeight / 2,
          fill: classColor(c, n),
        });
        start = ix;
      }
    });
    const dots = model.pca.points.map(([x, y], i) => ({
      x,
      y,
      fill: classColor(model.pca.labels[i]!, n),
    }));
    panel = plotPanel(
      {
        marginLeft: 48,
        marginBottom: 40,
        x: {
          label: "PC1",
          domain: [g.xs[0]! - g.cellWidth / 2, g.xs[g.xs.length - 1]! + g.cellWidth / 2],
        },
        y: {
          label: "PC2",
          domain: [g.ys[0]! - g.cellHeight / 2, g.ys[g.ys.length - 1]! + g.cellHeight / 2],
        },
        color: { type: "identity" },
        marks: [
          Plot.rect(rects, {
            x1: "x1",
            x2: "x2",
            y1: "y1",
            y2: "y2",
            fill: "fill",
            fillOpacity: 0.3,
          }),
          Plot.dot(dots, {
            x: "x",
            y: "y",
            fill: "fill",
            stroke: "#ffffff",
            strokeWidth: 0.7,
            r: 3.5,
          }),
        ],
      },
      size,
      size,
    );
    caption =
      `Decision regions of the ${MODEL_LABELS[kind]} model (seed ${model.runSeed}) in the ` +
      `plane of the first two principal components of its features. Each of the ` +
      `${g.xs.length} x ${g.ys.length} grid cells is shaded by the ${g.method} (${g.k} nearest ` +
      `of ${model.pca.points.length} projected test images, voting with the model's predicted ` +
      `classes); dots are those images coloured by true class. This approximates the model's ` +
      `decisions in the plane; it is not the network evaluated on the grid. ` +
      `${(100 * g.agreement).toFixed(0)} % of images fall in a cell of their own predicted class.`;
  }
  return makeFigure(results, {
    id: figureId(results.dataset.name, "decision", LETTERS[kind]),
    name: `decision_${kind}`,
    what: `decision boundaries, ${MODEL_LABELS[kind]}`,
    caption,
    legend: [...modelLegend([kind]), ...classLegend(results)],
    panels: [panel],
    options: o,
  });
}
