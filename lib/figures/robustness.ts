/**
 * Training metrics (d): adversarial robustness, the headline epsilon as bars and
 * accuracy against epsilon as curves.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Analysis, ModelKind, Results } from "../results/mod.ts";
import { makeFigure, modelLegend, modelsIn, normalizeOptions } from "./_common.ts";
import { plotPanel } from "./_plot.ts";
import type { Figure } from "./figure.ts";
import type { FigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";
import { MODEL_COLORS, MODEL_LABELS } from "./palette.ts";

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Mean over seeds of each curve point, per model and attack. */
function curveRows(results: Results, kinds: readonly ModelKind[]) {
  const rows: { kind: ModelKind; attack: string; epsilon: number; value: number }[] = [];
  for (const kind of kinds) {
    const runs = results.models[kind]!.runs;
    const epsilons = [...new Set(runs.flatMap((r) => r.robustness.curve.map((c) => c.epsilon)))]
      .sort((a, b) => a - b);
    for (const attack of ["fgsm", "pgd"] as const) {
      for (const epsilon of epsilons) {
        const values = runs.map((r) =>
          r.robustness.curve.find((c) => c.epsilon === epsilon)?.[attack]
        )
          .filter((v): v is number => typeof v === "number");
        if (values.length) {
          rows.push({ kind, attack: attack.toUpperCase(), epsilon, value: mean(values) });
        }
      }
    }
  }
  return rows;
}

/**
 * Robust accuracy under FGSM (and PGD where run): bars at the headline epsilon
 * (0.1 as in the paper) and the accuracy-epsilon curve, means over seeds.
 *
 * @returns figure `fig02d_robustness` (13d CIFAR-100, 24d STL-10)
 */
export function robustnessFigure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  const o = normalizeOptions(options);
  const kinds = modelsIn(results);
  const first = results.models[kinds[0]!]!.runs[0]!.robustness;
  const eps = first.epsilon;
  const bars: { kind: ModelKind; label: string; attack: string; value: number }[] = [];
  for (const kind of kinds) {
    const runs = results.models[kind]!.runs;
    bars.push({
      kind,
      label: MODEL_LABELS[kind],
      attack: "FGSM",
      value: mean(runs.map((r) => r.robustness.fgsmAccuracy)),
    });
    const pgd = runs.map((r) => r.robustness.pgdAccuracy).filter((v): v is number =>
      typeof v === "number"
    );
    if (pgd.length === runs.length) {
      bars.push({ kind, label: MODEL_LABELS[kind], attack: "PGD", value: mean(pgd) });
    }
  }
  const half = Math.floor((o.width - 36) / 2);
  const left = plotPanel(
    {
      marginLeft: 52,
      marginBottom: 30,
      fx: { label: null },
      x: { axis: null, domain: kinds.map((k) => MODEL_LABELS[k]) },
      y: { label: `accuracy at ε = ${eps} (%)`, domain: [0, 100], percent: true, grid: true },
      marks: [
        Plot.barY(bars, {
          fx: "attack",
          x: "label",
          y: "value",
          fill: (d) => MODEL_COLORS[d.kind as ModelKind],
        }),
        Plot.text(bars, {
          fx: "attack",
          x: "label",
          y: "value",
          text: (d) => `${(100 * d.value).toFixed(1)}`,
          dy: -6,
          fontSize: 10,
        }),
        Plot.ruleY([0]),
      ],
    },
    half,
    o.height,
  );
  const rows = curveRows(results, kinds);
  const right = plotPanel(
    {
      marginLeft: 52,
      marginBottom: 40,
      x: { label: "ε (pixel scale 0-1)" },
      y: { label: "robust accuracy (%)", domain: [0, 100], percent: true, grid: true },
      marks: kinds.flatMap((kind) =>
        ["FGSM", "PGD"].flatMap((attack) => {
          const data = rows.filter((r) => r.kind === kind && r.attack === attack);
          const dash = attack === "PGD" ? "5,3" : undefined;
          return [
            Plot.line(data, {
              x: "epsilon",
              y: "value",
              stroke: MODEL_COLORS[kind],
              strokeWidth: 2,
              strokeDasharray: dash,
            }),
            Plot.dot(data, { x: "epsilon", y: "value", fill: MODEL_COLORS[kind], r: 2.5 }),
          ];
        })
      ).concat([Plot.ruleX([eps], { stroke: "#999999", strokeDasharray: "2,2" })]),
    },
    half,
    o.height,
  );
  const hasPgd = rows.some((r) => r.attack === "PGD");
  return makeFigure(results, {
    id: figureId(results.dataset.name, "training", "d"),
    name: "robustness",
    what: `adversarial robustness (FGSM, ε = ${eps})`,
    caption: `Left: test accuracy under FGSM${hasPgd ? " and PGD" : ""} at ε = ${eps} ` +
      `(pixel values in [0, 1]), mean over seeds, on ${first.count} attacked test images. ` +
      `Right: robust accuracy against ε (ε = 0 is clean accuracy)` +
      `${hasPgd ? "; FGSM solid, PGD dashed" : ""}.`,
    legend: [
      ...modelLegend(kinds),
      { label: "FGSM", color: "#333333", shape: "line" },
      ...(hasPgd ? [{ label: "PGD", color: "#333333", shape: "dashed" as const }] : []),
    ],
    panels: [left, right],
    options: o,
  });
}
