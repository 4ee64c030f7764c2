/**
 * The deep shape of `analysis.json` (internal): projections with one finite
 * point, label and prediction per projected row, decision grids of
 * `ys.length x xs.length` cells, statistics of finite values.
 */
import { DATASET_NAMES, MODEL_KINDS } from "./names.ts";
import { arr, type Mismatch, num, obj, record, type Rule, str } from "./_shape.ts";

const finite = num();
const count = num({ int: true, min: 0 });
const fraction = num({ min: 0, max: 1 });

function projection(method: "pca" | "tsne" | "umap"): Rule {
  const fields: Record<string, Rule> = {
    method: str([method]),
    rows: arr(count),
    labels: arr(count),
    predictions: arr(count),
    points: arr(arr(finite, 2)),
    parameters: record(finite),
  };
  if (method === "pca") fields.explainedVariance = arr(fraction, 2);
  const shape = obj(fields);
  return (v, path) => {
    const m = shape(v, path);
    if (m) return m;
    const p = v as { rows: number[]; labels: number[]; predictions: number[]; points: unknown[] };
    for (const key of ["labels", "predictions", "points"] as const) {
      if (p[key].length !== p.rows.length) {
        return {
          path: `${path}.${key}`,
          expected: `${p.rows.length} entries, one per projected row`,
          value: p[key],
        };
      }
    }
    return null;
  };
}

const decisionShape = obj({
  method: str(),
  k: num({ int: true, min: 1 }),
  xs: arr(finite),
  ys: arr(finite),
  cellWidth: num({ min: 0 }),
  cellHeight: num({ min: 0 }),
  classes: arr(count),
  agreement: fraction,
  projection: str(["pca"]),
  votedLabels: str(["predictions"]),
});

const decision: Rule = (v, path) => {
  const m = decisionShape(v, path);
  if (m) return m;
  const g = v as { xs: number[]; ys: number[]; classes: number[] };
  const cells = g.xs.length * g.ys.length;
  return g.classes.length === cells ? null : {
    path: `${path}.classes`,
    expected: `${cells} cells (ys.length x xs.length)`,
    value: g.classes,
  };
};

const model = obj({
  kind: str(MODEL_KINDS),
  runSeed: num({ int: true }),
  layer: str(),
  dim: num({ int: true, min: 1 }),
  pca: projection("pca"),
  tsne: projection("tsne"),
  umap: projection("umap"),
  decision,
});

const statistic = obj({ values: arr(finite), mean: finite, ci95: num({ min: 0 }) });

const analysis = obj({
  dataset: str(DATASET_NAMES),
  resultsCreatedAt: str(),
  seed: num({ int: true }),
  models: record(model, MODEL_KINDS),
  statistics: record(record(statistic), MODEL_KINDS),
});

/** The first place where `value` departs from the analysis format (its version already checked), or null. */
export function analysisMismatch(value: unknown): Mismatch | null {
  return analysis(value, "");
}
