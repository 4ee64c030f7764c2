/**
 * Notebook 05's one step: train (or load) the hybrid model with each circuit of a list, probe
 * each circuit's gradient variance at initialisation, and tabulate the comparison.
 *
 * @module
 */

import type { DatasetName, SeedStatistic } from "../results/mod.ts";
import {
  type Circuit,
  circuitHash,
  type GradientVariance,
  gradientVariance,
} from "../quantum/mod.ts";
import type { CircuitComparisonEntry } from "../figures/mod.ts";
import type { NotebookConfig } from "./config.ts";
import { loadOrRun, type NotebookRun } from "./load_or_run.ts";
import { type DisplayTable, table } from "./table.ts";
import { experimentProgress, type ProgressRows } from "./experiment_progress.ts";
import { setupRuntime } from "../runtime/mod.ts";

/** One circuit of the comparison, named for tables and figures. */
export interface CircuitChoice {
  name: string;
  circuit: Circuit;
}

/** One compared circuit: its run and its gradient-variance probe. */
export interface ComparedCircuit extends CircuitChoice {
  hash: string;
  run: NotebookRun;
  gradientVariance: GradientVariance;
}

/** Options of {@link compareCircuits}. */
export interface CompareCircuitsOptions {
  config: NotebookConfig;
  /** Seeds (or how many) per circuit. @default the profile's */
  seeds?: number | number[];
  /** Random initialisations of the gradient-variance probe. @default 32 */
  varianceSamples?: number;
  /** Rows to show progress in (a `LiveProgress`): one per circuit and (model, seed). */
  progress?: ProgressRows;
}

/**
 * Trains (or loads, when a finished run of the same circuit, seeds and profile exists) the
 * hybrid model with each circuit, in its own results folder (`<dataset>-circuit-<hash>`).
 *
 * @param dataset The data set.
 * @param choices The circuits, each with a display name.
 * @returns One entry per circuit, in order.
 * @throws {TypeError} When two circuits share a name, or the list is empty.
 */
export async function compareCircuits(
  dataset: DatasetName,
  choices: readonly CircuitChoice[],
  { config, seeds, varianceSamples = 32, progress }: CompareCircuitsOptions,
): Promise<ComparedCircuit[]> {
  if (choices.length === 0) {
    throw new TypeError("Expected at least one circuit but found none: list circuits to compare");
  }
  const names = choices.map((c) => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined) {
    throw new TypeError(
      `Expected distinct circuit names but found "${duplicate}" twice: rename one of them`,
    );
  }
  // Loading trains nothing, so the probe below needs the backend set up here.
  await setupRuntime({ seed: 0 });
  const out: ComparedCircuit[] = [];
  for (const { name, circuit } of choices) {
    const rows: ProgressRows | undefined = progress && {
      set: (label, row) => progress.set(`${name}: ${label}`, row),
    };
    const run = await loadOrRun(dataset, {
      config: { ...config, resultsPath: undefined },
      circuit,
      models: ["hybrid"],
      ...(seeds === undefined ? {} : { seeds }),
      ...(rows === undefined ? {} : { onProgress: experimentProgress(rows) }),
    });
    const variance = gradientVariance(circuit, { samples: varianceSamples, seed: 0 });
    rows?.set(run.source, {
      fraction: 1,
      text: `${run.resultsPath} in ${run.seconds.toFixed(1)} s`,
    });
    out.push({ name, circuit, hash: circuitHash(circuit), run, gradientVariance: variance });
  }
  return out;
}

function meanCI(s: SeedStatistic | undefined, scale = 1, digits = 1): string {
  if (s === undefined) return "";
  const ci = s.ci95 > 0 ? ` ± ${(scale * s.ci95).toFixed(digits)}` : "";
  return `${(scale * s.mean).toFixed(digits)}${ci}`;
}

/** The entries the comparison figures read. */
export function comparisonEntries(compared: readonly ComparedCircuit[]): CircuitComparisonEntry[] {
  return compared.map((c) => ({
    name: c.name,
    hash: c.hash,
    results: c.run.results,
    gradientVariance: c.gradientVariance.mean,
  }));
}

/**
 * One row per circuit: wires, circuit weights, hybrid parameters, test and FGSM accuracy (mean
 * ± 95 % CI over seeds, %), seconds per epoch, gradient variance at init, and whether the run
 * was trained now or loaded.
 */
export function circuitComparisonTable(compared: readonly ComparedCircuit[]): DisplayTable {
  const rows = compared.map((c) => {
    const hybrid = c.run.results.models.hybrid;
    const s = hybrid?.summary ?? {};
    return {
      circuit: c.name,
      hash: c.hash,
      wires: c.circuit.wires,
      "circuit weights": c.circuit.weightShapes().reduce(
        (a, w) => a + w.reduce((x, y) => x * y, 1),
        0,
      ),
      "model parameters": hybrid?.trainableParameterCount ?? null,
      seeds: hybrid?.runs.length ?? 0,
      "test accuracy %": meanCI(s.testAccuracy, 100),
      "FGSM ε=0.1 %": meanCI(s.fgsmAccuracy, 100),
      "s / epoch": meanCI(s.epochSeconds, 1, 2),
      "grad variance": c.gradientVariance.mean.toExponential(2),
      source: c.run.source,
    };
  });
  const r = compared[0]?.run.results;
  return table(rows, {
    caption: r === undefined
      ? undefined
      : `${r.dataset.name}, profile ${r.profile}: the hybrid with each circuit`,
  });
}
