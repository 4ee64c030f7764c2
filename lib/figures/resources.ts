/**
 * Resources (a-c): training time, CPU utilisation and memory per epoch.
 *
 * @module
 */
import type { Analysis, EpochRecord, Results } from "../results/mod.ts";
import { epochMeans, makeFigure, modelLegend, modelsIn, normalizeOptions } from "./_common.ts";
import { epochChart, type Series } from "./_curves.ts";
import type { Figure } from "./figure.ts";
import type { LegendItem } from "./frame.ts";
import type { FigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";
import { MODEL_LABELS } from "./palette.ts";

interface ResourceSpec {
  letter: string;
  name: string;
  what: string;
  axis: string;
  caption: string;
  series: Series[];
  styles?: LegendItem[];
  /** The quantity summarised in the caption (mean over epochs and seeds). */
  headline: (h: EpochRecord) => number;
  unit: string;
}

function resourceFigure(
  results: Results,
  spec: ResourceSpec,
  options?: FigureOptions,
): Figure {
  const o = normalizeOptions(options);
  const kinds = modelsIn(results);
  const means = kinds.map((k) => {
    const per = epochMeans(results, k, spec.headline);
    const m = per.length === 0 ? NaN : per.reduce((a, p) => a + p.value, 0) / per.length;
    return Number.isFinite(m)
      ? `${MODEL_LABELS[k]} ${m.toFixed(1)} ${spec.unit}`
      : `${MODEL_LABELS[k]} not measured`;
  });
  return makeFigure(results, {
    id: figureId(results.dataset.name, "resources", spec.letter),
    name: spec.name,
    what: spec.what,
    caption: `${spec.caption} Mean over epochs and seeds: ${means.join("; ")}. Measured on ` +
      `${results.environment.cpuModel} (${results.environment.cores} cores, tfjs backend ` +
      `${results.environment.backend}, ${results.environment.threads} threads).`,
    legend: [...modelLegend(kinds), ...(spec.styles ?? [])],
    panels: [epochChart(results, {
      kinds,
      series: spec.series,
      axis: { label: spec.axis },
      width: o.width - 24,
      height: o.height,
    })],
    options: o,
  });
}

/**
 * Wall time of each epoch's training pass (validation excluded).
 *
 * @returns figure `fig03a_time` (14a CIFAR-100, 25a STL-10)
 */
export function timeFigure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  return resourceFigure(results, {
    letter: "a",
    name: "time",
    what: "training time per epoch",
    axis: "seconds per epoch",
    caption: "Wall-clock seconds of each epoch's training pass (validation excluded), mean over " +
      "seeds.",
    series: [{ get: (h) => h.seconds }],
    headline: (h) => h.seconds,
    unit: "s",
  }, options);
}

/**
 * CPU utilisation per epoch: process CPU time over wall time and cores (solid)
 * and system-wide busy percentage (dashed).
 *
 * @returns figure `fig03b_cpu` (14b CIFAR-100, 25b STL-10)
 */
export function cpuFigure(results: Results, _analysis?: Analysis, options?: FigureOptions): Figure {
  return resourceFigure(results, {
    letter: "b",
    name: "cpu",
    what: "CPU utilisation per epoch",
    axis: "CPU utilisation (%)",
    caption: "CPU utilisation during each epoch: the process's CPU time divided by wall time and " +
      "core count (solid) and the whole machine's busy share (dashed), mean of the samples " +
      "taken during the epoch, mean over seeds.",
    series: [{ get: (h) => h.cpuProcessPercent }, { get: (h) => h.cpuSystemPercent, dashed: true }],
    styles: [
      { label: "process", color: "#333333", shape: "line" },
      { label: "system", color: "#333333", shape: "dashed" },
    ],
    headline: (h) => h.cpuProcessPercent,
    unit: "% (process)",
  }, options);
}

/**
 * Memory per epoch: peak resident set size (solid) and peak tfjs tensor memory
 * (dashed).
 *
 * @returns figure `fig03c_memory` (14c CIFAR-100, 25c STL-10)
 */
export function memoryFigure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  return resourceFigure(results, {
    letter: "c",
    name: "memory",
    what: "memory use per epoch",
    axis: "tensor memory (MiB)",
    caption: "Peak tfjs tensor memory inside the first training step of each epoch (solid: " +
      "activations kept for the backward pass, gradients and the Adam update included, read " +
      "with tf.profile) and tensor memory between steps (dashed: weights plus Adam moments, " +
      "the floor), MiB, mean over seeds. Peak RSS per model, measured in a fresh process, is " +
      "in the report; the RSS of the shared run process is not shown because later models " +
      "inherit earlier ones' heap.",
    series: [{ get: (h) => h.stepTensorMB ?? NaN }, { get: (h) => h.tensorMB, dashed: true }],
    styles: [
      { label: "inside a step", color: "#333333", shape: "line" },
      { label: "between steps", color: "#333333", shape: "dashed" },
    ],
    headline: (h) => h.stepTensorMB ?? NaN,
    unit: "MiB (in a step)",
  }, options);
}
