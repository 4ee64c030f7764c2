/**
 * Feature space: PCA, t-SNE and UMAP of a model's penultimate features.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Analysis, ModelKind, Projection, Results } from "../results/mod.ts";
import { makeFigure, modelLegend, normalizeOptions } from "./_common.ts";
import { messagePanel, plotPanel } from "./_plot.ts";
import type { Figure } from "./figure.ts";
import type { LegendItem } from "./frame.ts";
import type { ModelFigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";
import { ALERT_COLOR, classColor, MODEL_LABELS } from "./palette.ts";

/** Kinds of projection. */
export type ProjectionMethod = "pca" | "tsne" | "umap" | "tsne4";

const METHOD_LABELS: Record<ProjectionMethod, string> = {
  pca: "PCA",
  tsne: "t-SNE",
  umap: "UMAP",
  tsne4: "t-SNE at 4-D",
};
/** Letters: the paper's 7a-d are PCA and t-SNE of hybrid and classical; UMAP and control follow. */
const LETTERS: Record<ProjectionMethod, Partial<Record<ModelKind, string>>> = {
  pca: { hybrid: "a", classical: "b", control: "g", frozen: "j" },
  tsne: { hybrid: "c", classical: "d", control: "h", frozen: "k" },
  umap: { hybrid: "e", classical: "f", control: "i", frozen: "l" },
  // Only wider-than-4 features get an equal-width view (the classical model's).
  tsne4: { classical: "m", hybrid: "n", control: "o", frozen: "p" },
};
/** Most classes listed one by one in the legend. */
export const MAX_CLASS_LEGEND = 10;

/** Options of {@linkcode featureSpaceFigure}: the model and the projection. */
export interface FeatureSpaceOptions extends ModelFigureOptions {
  /** Which projection of the analysis to draw. */
  method: ProjectionMethod;
}

/** Legend entries for classes (or a note when there are too many). */
export function classLegend(results: Results): LegendItem[] {
  const names = results.dataset.classNames;
  if (names.length > MAX_CLASS_LEGEND) return [];
  return names.map((name, i) => ({
    label: name,
    color: classColor(i, names.length),
    shape: "dot",
  }));
}

function describe(p: Projection, method: ProjectionMethod): string {
  if (method === "pca") return "principal component analysis (centred, unscaled)";
  if (method === "tsne4") {
    return `PCA to ${p.parameters.width} dimensions (the hybrid's width), then t-SNE (tsne-js, ` +
      `exact, perplexity ${p.parameters.perplexity?.toFixed(1)}, ${p.parameters.iterations} ` +
      `iterations, seed ${p.parameters.seed}), so the picture is not a dimensionality effect`;
  }
  if (method === "tsne") {
    return `t-SNE (tsne-js, exact, perplexity ${p.parameters.perplexity?.toFixed(1)}, ` +
      `${p.parameters.iterations} iterations, seed ${p.parameters.seed})`;
  }
  return `UMAP (umap-js, ${p.parameters.nNeighbors} neighbours, seed ${p.parameters.seed})`;
}

/**
 * A 2-D projection of `kind`'s penultimate-layer features of test images:
 * points coloured by true class; misclassified points ringed in red.
 *
 * @returns e.g. `fig07a_pca_hybrid`, `fig07d_tsne_classical`, `fig07e_umap_hybrid`
 */
export function featureSpaceFigure(
  results: Results,
  analysis: Analysis,
  { kind, method, ...options }: FeatureSpaceOptions,
): Figure {
  const o = normalizeOptions(options);
  const model = analysis.models[kind];
  const n = results.dataset.classNames.length;
  const label = METHOD_LABELS[method];
  const size = Math.min(o.width - 24, o.height + 80);
  let caption: string;
  let panel;
  const projection = model?.[method];
  if (!model || !projection) {
    panel = messagePanel(`No saved features for the ${MODEL_LABELS[kind]} model`, size, size);
    caption = model
      ? `${label} of the ${MODEL_LABELS[kind]} model's features: they are already ${model.dim}-D.`
      : `${label} of the ${MODEL_LABELS[kind]} model's features: none were saved in this run.`;
  } else {
    const p = projection;
    const rows = p.points.map(([x, y], i) => ({
      x,
      y,
      fill: classColor(p.labels[i]!, n),
      wrong: p.labels[i] !== p.predictions[i],
    }));
    const axes = method === "pca"
      ? model.pca.explainedVariance.map((v, i) =>
        `PC${i + 1} (${(100 * v).toFixed(1)} % of variance)`
      )
      : [`${label} 1`, `${label} 2`];
    panel = plotPanel(
      {
        marginLeft: 48,
        marginBottom: 40,
        x: { label: axes[0], nice: true },
        y: { label: axes[1], nice: true },
        color: { type: "identity" },
        marks: [
          Plot.frame({ stroke: "#dddddd" }),
          Plot.dot(rows, { x: "x", y: "y", fill: "fill", r: 3, fillOpacity: 0.85 }),
          Plot.dot(rows.filter((r) => r.wrong), {
            x: "x",
            y: "y",
            r: 5,
            stroke: ALERT_COLOR,
            strokeWidth: 1,
          }),
        ],
      },
      size,
      size,
    );
    caption = `${label} of the ${MODEL_LABELS[kind]} model's ${model.dim}-dimensional features ` +
      `(layer "${model.layer}", seed ${model.runSeed}) for ${p.points.length} test images, by ` +
      `${describe(p, method)}. Points are coloured by true class` +
      `${n > MAX_CLASS_LEGEND ? ` (${n} classes, hues by class index)` : ""}; red rings mark ` +
      `images the model misclassified.`;
  }
  return makeFigure(results, {
    id: figureId(results.dataset.name, "features", LETTERS[method][kind]),
    name: `${method}_${kind}`,
    what: `${label} of features, ${MODEL_LABELS[kind]}`,
    caption,
    legend: [
      ...modelLegend([kind]),
      { label: "misclassified", color: ALERT_COLOR, shape: "outline" },
      ...classLegend(results),
    ],
    panels: [panel],
    options: o,
  });
}
