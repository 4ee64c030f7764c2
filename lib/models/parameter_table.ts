/**
 * The parameter-count table of lib/models/README.md, computed from the built models.
 * Run `deno run --allow-read --allow-env --allow-ffi=node_modules lib/models/parameter_table.ts`
 * to print it; a test checks that the README holds exactly this table.
 *
 * @module
 */
import type { DatasetName, ModelKind } from "../results/mod.ts";
import { buildModel } from "./build_model.ts";
import type { DatasetSpec } from "./spec.ts";
import { summarizeModel } from "./summarize.ts";

/** Specs of the paper's data sets (normalization does not change counts). */
export const PAPER_SPECS: Readonly<Record<DatasetName, DatasetSpec>> = {
  mnist: { name: "mnist", height: 28, width: 28, channels: 1, classes: 10, mean: [0], std: [1] },
  cifar100: {
    name: "cifar100",
    height: 32,
    width: 32,
    channels: 3,
    classes: 100,
    mean: [0, 0, 0],
    std: [1, 1, 1],
  },
  stl10: {
    name: "stl10",
    height: 96,
    width: 96,
    channels: 3,
    classes: 10,
    mean: [0, 0, 0],
    std: [1, 1, 1],
  },
};

const KINDS: readonly ModelKind[] = ["classical", "hybrid", "control", "frozen"];

/** Total and trainable parameters of one model. */
export interface ParameterCount {
  total: number;
  trainable: number;
}

/** Parameter counts per data set and model kind, with the paper circuit. */
export function parameterCounts(): Record<DatasetName, Record<ModelKind, ParameterCount>> {
  const counts = {} as Record<DatasetName, Record<ModelKind, ParameterCount>>;
  for (const name of Object.keys(PAPER_SPECS) as DatasetName[]) {
    counts[name] = {} as Record<ModelKind, ParameterCount>;
    for (const kind of KINDS) {
      const model = buildModel(kind, PAPER_SPECS[name], { seed: 0 });
      const summary = summarizeModel(model);
      counts[name][kind] = {
        total: summary.parameterCount,
        trainable: summary.trainableParameterCount,
      };
      model.dispose();
    }
  }
  return counts;
}

function percent(x: number): string {
  return `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} %`;
}

/**
 * The markdown table: parameters of each model and the hybrid's and control's difference (the frozen hybrid has the hybrid's weights, 8 of them not trained)
 * from the classical model.
 */
export function parameterTable(): string {
  const counts = parameterCounts();
  const lines = [
    "| data set | classical | hybrid | control | frozen (trainable) | hybrid vs classical | control vs classical |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [name, c] of Object.entries(counts)) {
    const ratio = (k: ModelKind) => percent(c[k].total / c.classical.total - 1);
    lines.push(
      `| ${name} | ${c.classical.total} | ${c.hybrid.total} | ${c.control.total} | ` +
        `${c.frozen.total} (${c.frozen.trainable}) | ${ratio("hybrid")} | ${ratio("control")} |`,
    );
  }
  return lines.join("\n");
}

if (import.meta.main) console.log(parameterTable());
