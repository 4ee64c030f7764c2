/**
 * PennyLane-style text diagrams of circuits.
 *
 * @module
 */
import type { CompiledCircuit } from "./ops.ts";
import type { Step } from "./compile.ts";
import { itemSpan, layout, type LayoutOptions, measurementLabels } from "./_layout.ts";

/** Options of `Circuit.draw()`. */
export type DrawOptions = LayoutOptions;

function cell(
  wire: number,
  item: { controls: number[]; targets: number[]; label: string; kind: string; gate: string | null },
): string {
  const [lo, hi] = itemSpan(item as never);
  const multi = lo !== hi;
  const corner = !multi ? "" : wire === lo ? "╭" : wire === hi ? "╰" : "├";
  if (item.controls.includes(wire)) return `${corner}●`;
  if (!item.targets.includes(wire)) return "│";
  if (item.gate === "SWAP") return `${corner}SWAP`;
  return `${corner}${item.label}`;
}

/**
 * Renders a circuit as text, one line per wire, columns of gates, measurements at the right.
 *
 * @returns Lines joined with "\n".
 */
export function drawText(c: CompiledCircuit, steps: Step[], options: DrawOptions = {}): string {
  const items = layout(c, steps, options);
  const columns = items.reduce((m, i) => Math.max(m, i.column + 1), 0);
  const lines = Array.from({ length: c.wires }, (_, w) => `${w}: ─`);
  for (let col = 0; col < columns; col++) {
    const here = items.filter((i) => i.column === col);
    const cells = new Array<string>(c.wires).fill("");
    for (const item of here) {
      const [lo, hi] = itemSpan(item);
      for (let w = lo; w <= hi; w++) cells[w] = cell(w, item);
    }
    const width = Math.max(...cells.map((s) => [...s].length));
    for (let w = 0; w < c.wires; w++) {
      const s = cells[w]!;
      lines[w] += s + "─".repeat(width - [...s].length) + "─";
    }
  }
  const labels = measurementLabels(c);
  return lines.map((l, w) => (labels[w] ? `${l}┤  ${labels[w]}` : `${l}┤`)).join("\n");
}
