/**
 * The quantum circuit of the hybrid model, drawn by `CircuitBuilder.toSVG()` (tfjs-free).
 *
 * @module
 */
import type { Analysis, Results } from "../results/mod.ts";
import { CircuitBuilder } from "../quantum/drawing.ts";
import { makeFigure, modelLegend, normalizeOptions } from "./_common.ts";
import { messagePanel, type Panel } from "./_plot.ts";
import { svgSize } from "./_svg.ts";
import type { Figure } from "./figure.ts";
import type { FigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";

/**
 * The circuit stored in `results.circuit` (`Circuit.toJSON()`), rebuilt with
 * `CircuitBuilder.fromJSON` (lib/quantum/drawing.ts, which never loads tfjs) and drawn with
 * `toSVG()`.
 *
 * @returns `fig12_circuit` (23 CIFAR-100, 34 STL-10)
 */
export function circuitFigure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  const o = normalizeOptions(options);
  let panel: Panel;
  let caption: string;
  try {
    const c = CircuitBuilder.fromJSON(results.circuit);
    const svg = c.toSVG();
    const { width, height } = svgSize(svg);
    const scale = Math.min(1.6, (o.width - 24) / width);
    const w = Math.round(width * scale);
    const h = Math.round(height * scale);
    panel = {
      svg: `<svg width="${w}" height="${h}" viewBox="0 0 ${width} ${height}">` +
        svg.replace(/^<\?xml[^>]*>/, "").replace(/<svg\b[^>]*>/, "").replace(/<\/svg>\s*$/, "") +
        `</svg>`,
      width: w,
      height: h,
    };
    const weights = c.weightShapes().map((s) => s.join("x")).join(", ");
    caption = `The hybrid model's circuit: ${c.wires} qubits, ${c.inputSize} input features, ` +
      `trainable weights of shape ${weights || "none"}, ${c.outputSize} outputs. Drawn from the ` +
      `circuit saved with the run (Circuit.toSVG()); simulated exactly as a statevector.`;
  } catch (error) {
    panel = messagePanel("No circuit saved with this run", o.width - 24, 160);
    caption = `The hybrid model's circuit could not be drawn: ${(error as Error).message}.`;
  }
  return makeFigure(results, {
    id: figureId(results.dataset.name, "circuit"),
    name: "circuit",
    what: "quantum circuit of the hybrid model",
    caption,
    legend: modelLegend(["hybrid"]),
    panels: [panel],
    options: o,
  });
}
