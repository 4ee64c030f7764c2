/**
 * Network architecture: each model as a row of boxes, CNN trunk -> dense ->
 * (embedding -> circuit -> measurement) -> classifier, with parameter counts.
 *
 * @module
 */
import type { Analysis, LayerSummary, ModelKind, Results } from "../results/mod.ts";
import { makeFigure, modelLegend, modelsIn, normalizeOptions } from "./_common.ts";
import type { Panel } from "./_plot.ts";
import { num, text, textWidth } from "./_svg.ts";
import type { Figure } from "./figure.ts";
import type { FigureOptions } from "./options.ts";
import { figureId } from "./numbering.ts";
import { MODEL_COLORS, MODEL_LABELS } from "./palette.ts";

/** A box of the diagram. */
interface Box {
  title: string;
  lines: string[];
  quantum?: boolean;
}

const QUANTUM_FILL = "#efe7f7";
const BOX_H = 74;
const BOX_W = 122;
const ROW_GAP = 12;
const ROW_LABEL = 22;
const ARROW = 18;

function shape(s: (number | null)[]): string {
  return s.filter((d): d is number => d !== null).join("x");
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** Facts about the circuit from its JSON (tolerant of other shapes). */
function circuitFacts(circuit: unknown) {
  const c = (circuit ?? {}) as {
    wires?: number;
    steps?: { type?: string; layers?: number; rotation?: string; features?: number }[];
    measurements?: { type?: string; pauli?: string }[];
  };
  const wires = c.wires ?? 4;
  const embed = c.steps?.find((s) => s.type?.endsWith("Embedding"));
  const layers = c.steps?.find((s) => s.type?.endsWith("Layers"));
  const m = c.measurements?.[0];
  return {
    wires,
    embedding: embed?.type === "amplitudeEmbedding"
      ? `amplitude, ${embed.features ?? 2 ** wires} features`
      : embed?.type?.replace("Embedding", " embedding") ?? "embedding",
    layers: layers
      ? `${layers.layers ?? "?"}x ${
        layers.type === "basicEntanglerLayers" ? "BasicEntangler" : "StronglyEntangling"
      }` +
        `${layers.rotation ? ` (${layers.rotation})` : ""}`
      : "parameterized circuit",
    measurement: m ? `⟨${m.pauli ?? "Z"}⟩ on ${wires} wires` : `⟨Z⟩ on ${wires} wires`,
  };
}

/** Groups a model's layers into the boxes of the diagram. */
export function architectureBoxes(
  layers: readonly LayerSummary[],
  circuit: unknown,
  { frozen = false }: { frozen?: boolean } = {},
): Box[] {
  const boxes: Box[] = [];
  const first = layers[0];
  if (first) boxes.push({ title: "input", lines: [shape(first.outputShape.slice(1))] });
  const lastDense = layers.map((l) => l.className).lastIndexOf("Dense");
  let trunk: LayerSummary[] = [];
  const flush = () => {
    if (!trunk.length) return;
    const convs = trunk.filter((l) => /conv/i.test(l.className)).length;
    const pools = trunk.filter((l) => /pool/i.test(l.className)).length;
    boxes.push({
      title: "CNN trunk",
      lines: [
        `${convs} conv, ${pools} pool`,
        `${count(trunk.reduce((a, l) => a + l.parameters, 0))} params`,
        `-> ${shape(trunk[trunk.length - 1]!.outputShape)}`,
      ],
    });
    trunk = [];
  };
  layers.forEach((layer, i) => {
    if (/quantum/i.test(layer.className)) {
      flush();
      const facts = circuitFacts(circuit);
      boxes.push(
        {
          title: "embedding",
          lines: [facts.embedding, `into ${facts.wires} qubits`],
          quantum: true,
        },
        {
          title: "circuit",
          lines: [facts.layers, `${count(layer.parameters)} params${frozen ? ", frozen" : ""}`],
          quantum: true,
        },
        {
          title: "measurement",
          lines: [facts.measurement, `-> ${shape(layer.outputShape)}`],
          quantum: true,
        },
      );
    } else if (layer.className === "L2Normalization") {
      flush();
      boxes.push({ title: "L2 norm", lines: ["x / |x|", "no params"] });
    } else if (layer.className === "Dense") {
      flush();
      const last = i === lastDense;
      boxes.push({
        title: last ? "classifier" : "dense",
        lines: [
          last
            ? `softmax, ${shape(layer.outputShape)} classes`
            : `${layer.name}: ${shape(layer.outputShape)} units`,
          `${count(layer.parameters)} params`,
        ],
      });
    } else if (i > 0 || !/normali/i.test(layer.className)) {
      trunk.push(layer);
    }
  });
  flush();
  return boxes;
}

function row(kind: ModelKind, boxes: Box[], total: number, top: number): string {
  const color = MODEL_COLORS[kind];
  const boxW = BOX_W;
  const size = 10;
  const parts = [
    text(`${MODEL_LABELS[kind]}: ${count(total)} parameters`, {
      x: 0,
      y: top + 14,
      size: 13,
      weight: "bold",
      fill: color,
    }),
  ];
  const y = top + ROW_LABEL;
  boxes.forEach((box, i) => {
    const x = 2 + i * (boxW + ARROW);
    parts.push(
      `<rect x="${num(x)}" y="${num(y)}" width="${num(boxW)}" height="${BOX_H}" rx="6" fill="${
        box.quantum ? QUANTUM_FILL : "#ffffff"
      }" stroke="${color}" stroke-width="1.5"/>`,
      text(box.title, {
        x: x + boxW / 2,
        y: y + 16,
        size: size + 1,
        weight: "bold",
        anchor: "middle",
      }),
      ...box.lines.map((line, j) =>
        text(fit(line, boxW, size), {
          x: x + boxW / 2,
          y: y + 32 + j * 13,
          size,
          anchor: "middle",
          fill: "#333333",
        })
      ),
    );
    if (i > 0) {
      const ax = x - ARROW;
      const ay = y + BOX_H / 2;
      parts.push(
        `<line x1="${num(ax + 1)}" y1="${ay}" x2="${
          num(x - 4)
        }" y2="${ay}" stroke="#333333" stroke-width="1.3"/>`,
        `<path d="M${num(x - 1)},${ay}L${num(x - 6)},${ay - 3.5}L${num(x - 6)},${
          ay + 3.5
        }Z" fill="#333333"/>`,
      );
    }
  });
  return parts.join("");
}

function fit(line: string, width: number, size: number): string {
  let s = line;
  while (s.length > 4 && textWidth(s, size) > width - 8) s = s.slice(0, -2) + "…";
  return s;
}

/**
 * The architecture of every model of the run, from `results.models[*].layers`:
 * one row per model with its parameter count; quantum stages are shaded.
 *
 * @returns `fig01_architecture` (figure 1 for every data set)
 */
export function architectureFigure(
  results: Results,
  _analysis?: Analysis,
  options?: FigureOptions,
): Figure {
  const o = normalizeOptions(options);
  const kinds = modelsIn(results);
  const boxes = kinds.map((k) => {
    const m = results.models[k]!;
    return architectureBoxes(m.layers, results.circuit, {
      frozen: m.trainableParameterCount < m.parameterCount,
    });
  });
  const most = Math.max(1, ...boxes.map((b) => b.length));
  const width = Math.max(o.width - 24, most * (BOX_W + ARROW) - ARROW + 4);
  const step = ROW_LABEL + BOX_H + ROW_GAP;
  const height = kinds.length * step - ROW_GAP + 4;
  const rows = kinds.map((kind, i) =>
    row(kind, boxes[i]!, results.models[kind]!.parameterCount, 2 + i * step)
  );
  const panel: Panel = {
    svg: `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${
      rows.join("")
    }</svg>`,
    width,
    height,
  };
  const counts = kinds.map((k) => `${MODEL_LABELS[k]} ${count(results.models[k]!.parameterCount)}`);
  return makeFigure(results, {
    id: figureId(results.dataset.name, "architecture"),
    name: "architecture",
    what: "network architecture",
    caption: `The models compared, left to right from input to output: a CNN trunk (the same for ` +
      `all models), dense layers, then for the hybrid model an amplitude embedding, the ` +
      `parameterized circuit and Pauli-Z measurements (shaded, simulated), and a softmax ` +
      `classifier. The width-matched control replaces the circuit by the same L2 normalisation ` +
      `and a dense layer of the same widths; the frozen hybrid keeps the circuit at its random ` +
      `initial weights. ` +
      `Parameter counts: ${counts.join("; ")}.`,
    legend: [...modelLegend(kinds), { label: "simulated quantum stage", color: QUANTUM_FILL }],
    panels: [panel],
    options: o,
  });
}
