/**
 * Class distribution: label counts in the training split used.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Analysis, Results } from "../results/mod.ts";
import { makeFigure, normalizeOptions } from "./_common.ts";
import { shortName } from "./_images.ts";
import { plotPanel } from "./_plot.ts";
import type { Figure } from "./figure.ts";
import type { FigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";
import { NEUTRAL_COLOR } from "./palette.ts";

/** Most classes whose names label the x axis horizontally. */
const MAX_FLAT_LABELS = 10;

/**
 * Number of training images per class, as used by the run (after subsetting).
 *
 * @returns `fig10_class_distribution` (21 CIFAR-100, 32 STL-10)
 */
export function classDistributionFigure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  const o = normalizeOptions(options);
  const d = results.dataset;
  const rows = d.trainClassCounts.map((count, i) => ({
    i,
    name: shortName(d.classNames[i] ?? String(i)),
    count,
  }));
  const many = rows.length > MAX_FLAT_LABELS;
  const total = rows.reduce((a, r) => a + r.count, 0);
  const min = Math.min(...rows.map((r) => r.count));
  const max = Math.max(...rows.map((r) => r.count));
  const panel = plotPanel(
    {
      marginLeft: 52,
      marginBottom: many ? 90 : 40,
      x: {
        label: many ? null : "class",
        domain: rows.map((r) => r.i),
        tickFormat: (i: number) => rows[i]?.name ?? String(i),
        tickRotate: many ? -90 : 0,
        tickSize: many ? 2 : 6,
      },
      y: { label: "training images", grid: true },
      marks: [
        Plot.barY(rows, { x: "i", y: "count", fill: NEUTRAL_COLOR }),
        Plot.ruleY([0]),
        ...(many
          ? []
          : [Plot.text(rows, { x: "i", y: "count", text: "count", dy: -6, fontSize: 10 })]),
      ],
      style: many ? { fontSize: "7px" } : undefined,
    },
    o.width - 24,
    o.height + (many ? 60 : 0),
  );
  return makeFigure(results, {
    id: figureId(d.name, "classes"),
    name: "class_distribution",
    what: "class distribution of the training split",
    caption: `Images per class in the training split used by this run (${total} images, ` +
      `${rows.length} classes, ${min}-${max} per class).`,
    panels: [panel],
    options: o,
  });
}
