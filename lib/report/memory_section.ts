/**
 * Memory as measured: peak tensor memory inside a training step against the
 * weights-plus-Adam floor, and peak RSS of a fresh process per model. What was not measured
 * says so.
 *
 * @module
 */

import { MODEL_KINDS, type Results, type SeedRun } from "../results/mod.ts";
import type { Block } from "./document.ts";
import { datasetLabel, type ReportInput } from "./report_sections.ts";

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function mib(x: number, digits = 2): string {
  return `${x.toFixed(digits)} MiB`;
}

/** One model's memory row cells: in-step peak, floor, ratio, fresh-process RSS and wasm heap. */
export function memoryCells(runs: readonly SeedRun[]): string[] {
  const measured = runs.flatMap((r) => r.memory ? [r.memory] : []);
  if (measured.length === 0) {
    return ["not measured", "not measured", "-", "not measured", "not measured"];
  }
  const step = mean(measured.map((m) => m.stepPeakTensorMB));
  const floor = mean(measured.map((m) => m.floorMB));
  const fresh = measured.flatMap((m) => "peakRssMB" in m.freshProcess ? [m.freshProcess] : []);
  const why = measured.flatMap((m) =>
    "notMeasured" in m.freshProcess ? [m.freshProcess.notMeasured] : []
  );
  const rss = fresh.length > 0
    ? `${mib(mean(fresh.map((f) => f.peakRssMB)), 1)} (${fresh.length} process${
      fresh.length === 1 ? "" : "es"
    }, ${fresh[0]!.steps} steps)`
    : `not measured: ${why[0] ?? "no probe"}`;
  const heap = fresh.length > 0 ? mib(mean(fresh.map((f) => f.wasmHeapMB)), 1) : "not measured";
  return [
    step > 0 ? mib(step) : "not measured",
    mib(floor),
    step > 0 ? `${(step / floor).toFixed(1)}x` : "-",
    rss,
    heap,
  ];
}

function table(r: Results): Block {
  const header = [
    "data",
    "model",
    "peak tensor memory in a step",
    "weights + Adam moments",
    "step / floor",
    "peak RSS, fresh process",
    "wasm heap, fresh process",
  ];
  const rows = MODEL_KINDS.flatMap((kind) => {
    const m = r.models[kind];
    return m === undefined ? [] : [[datasetLabel(r), kind, ...memoryCells(m.runs)]];
  });
  return { type: "table", header, rows };
}

/** The section's blocks. */
export function memorySection(inputs: readonly ReportInput[]): Block[] {
  return [
    {
      type: "heading",
      level: 2,
      text: "Memory, measured inside a training step and per fresh process",
    },
    {
      type: "paragraph",
      text:
        "**Peak tensor memory in a step**: the first training step of every epoch runs under `tf.profile`, whose " +
        "peakBytes is the tfjs tensor memory after each kernel of the forward pass, the backward pass (activations kept " +
        "for it, gradients) and the Adam update; the table shows the maximum over epochs, averaged over seeds. It sits " +
        "above the **weights + Adam moments** floor (4 bytes per weight, plus 8 per trainable weight), which is all that " +
        "sampling between steps can see. Scratch memory inside a wasm kernel is not a tensor and is not in this number; " +
        "the wasm heap column covers it. **Peak RSS, fresh process**: each model is trained for a few steps in a process " +
        "of its own that loads the runtime and the same data (the largest RSS sampled after each step, which keeps the step's wasm peak because wasm memory is never returned, and the size of the wasm " +
        "linear memory, which only grows), so no model inherits another's heap. The RSS sampled during the main run, " +
        "where all models share one process and later models inherit earlier ones' heap, is not used for any verdict. " +
        'Where a number could not be measured the table says "not measured".',
    },
    ...inputs.flatMap((
      { results: r },
    ) => [{ type: "heading" as const, level: 3 as const, text: datasetLabel(r) }, table(r)]),
  ];
}
