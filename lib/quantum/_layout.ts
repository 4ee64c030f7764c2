// Private: the drawing model shared by the text and SVG renderers: items (gates or blocks)
// placed in columns so that no two items in a column overlap vertically.
import { GATES } from "./gates.ts";
import type { CompiledCircuit, Measurement, ParamRef } from "./ops.ts";
import { type Step, stepLabel } from "./compile.ts";

/** One drawn element. */
export interface DrawItem {
  /** Wires with a control dot. */
  controls: number[];
  /** Wires with a box (or a target symbol). */
  targets: number[];
  /** Box text, e.g. "RX(w3)". */
  label: string;
  /** "gate" for primitive gates, "block" for templates and embeddings drawn whole. */
  kind: "gate" | "block";
  /** Gate name for symbol choice (CNOT target, SWAP), or null for blocks. */
  gate: string | null;
  column: number;
}

/** Options shared by the text and SVG drawings. */
export interface LayoutOptions {
  /** Draw templates as their primitive gates (true) or as one labelled block (false). @default {true} */
  expand?: boolean;
  /** Decimals of constant parameters. @default {2} */
  decimals?: number;
}

function paramText(p: ParamRef, c: CompiledCircuit, decimals: number): string {
  const blocks = c.weightShapes.length;
  if (p.kind === "const") return p.value.toFixed(decimals);
  if (p.kind === "input") return p.times === undefined ? `x${p.index}` : `x${p.index}*x${p.times}`;
  if (p.block === c.namedBlock) return c.parameterNames[p.index] ?? `w${p.index}`;
  return blocks > 1 ? `w${p.block}.${p.index}` : `w${p.index}`;
}

function span(item: DrawItem): [number, number] {
  const all = [...item.controls, ...item.targets];
  return [Math.min(...all), Math.max(...all)];
}

/** Builds and places the items of a circuit. */
export function layout(
  c: CompiledCircuit,
  steps: Step[],
  { expand = true, decimals = 2 }: LayoutOptions = {},
): DrawItem[] {
  const items: DrawItem[] = [];
  const drawnSteps = new Set<number>();
  for (const op of c.ops) {
    const step = steps[op.step]!;
    const asBlock = op.kind !== "gate" ||
      (!expand && step.type !== "gate" && step.type !== "angleEmbedding");
    if (asBlock) {
      if (drawnSteps.has(op.step)) continue;
      drawnSteps.add(op.step);
      const wires = "wires" in step ? step.wires : [...Array(c.wires).keys()];
      items.push({
        controls: [],
        targets: wires,
        label: stepLabel(step),
        kind: "block",
        gate: null,
        column: 0,
      });
      continue;
    }
    const info = GATES[op.name];
    const args = op.params.map((p) => paramText(p, c, decimals)).join(", ");
    const label = args.length > 0 ? `${info.label}(${args})` : info.label;
    items.push({
      controls: op.wires.slice(0, info.controls),
      targets: op.wires.slice(info.controls),
      label,
      kind: "gate",
      gate: op.name,
      column: 0,
    });
  }
  const level = new Array<number>(c.wires).fill(0);
  for (const item of items) {
    const [lo, hi] = span(item);
    let col = 0;
    for (let w = lo; w <= hi; w++) col = Math.max(col, level[w]!);
    item.column = col;
    for (let w = lo; w <= hi; w++) level[w] = col + 1;
  }
  return items;
}

/** Wire span (inclusive) of an item. */
export function itemSpan(item: DrawItem): [number, number] {
  return span(item);
}

/** Per-wire measurement labels at the right edge ("" for unmeasured wires). */
export function measurementLabels(c: CompiledCircuit): string[] {
  const labels: string[][] = Array.from({ length: c.wires }, () => []);
  c.measurements.forEach((m: Measurement) => {
    if (m.type === "expval") { for (const w of m.wires) labels[w]!.push(`<${m.pauli}>`); }
    else if (m.type === "var") { for (const w of m.wires) labels[w]!.push(`Var[${m.pauli}]`); }
    else if (m.type === "probs") { for (const w of m.wires) labels[w]!.push("Probs"); }
    else {
      const text = `<${m.wires.map((w, i) => `${m.word[i]}${w}`).join("@")}>`;
      for (const w of m.wires) labels[w]!.push(text);
    }
  });
  return labels.map((l) => l.join(" "));
}
