/**
 * The one palette of the project: hybrid, classical, control and frozen always have
 * the same colours and names; classes get a categorical colour each.
 *
 * @module
 */
import type { ModelKind } from "../results/mod.ts";

/** Colour of each model kind on every figure. */
export const MODEL_COLORS: Readonly<Record<ModelKind, string>> = {
  hybrid: "#d95f02",
  classical: "#1b9e77",
  control: "#7570b3",
  frozen: "#e7298a",
};

/** Display name of each model kind on every figure. */
export const MODEL_LABELS: Readonly<Record<ModelKind, string>> = {
  hybrid: "Hybrid (quantum)",
  classical: "Classical",
  control: "Control (width-matched)",
  frozen: "Hybrid (frozen circuit)",
};

/** Colour of mistakes in prediction figures and of stand-in warnings. */
export const ALERT_COLOR = "#d62728";
/** Colour of secondary text. */
export const MUTED_COLOR = "#555555";
/** Colour of neutral bars (class counts). */
export const NEUTRAL_COLOR = "#4e79a7";

/** Tableau 10, used for up to ten classes. */
const CATEGORICAL = [
  "#4e79a7",
  "#f28e2c",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc949",
  "#af7aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ab",
];
/** Degrees between successive hues for many classes (the golden angle). */
const GOLDEN_ANGLE = 137.508;

/**
 * Colour of class `index` among `count` classes: Tableau 10 up to ten classes,
 * otherwise hues spaced by the golden angle (distinct neighbours, stable).
 *
 * @example
 * ```ts
 * import { ok } from "node:assert/strict";
 * import { classColor } from "./palette.ts";
 * ok(classColor(0, 10) === "#4e79a7");
 * ```
 */
export function classColor(index: number, count: number): string {
  if (count <= CATEGORICAL.length) return CATEGORICAL[index % CATEGORICAL.length]!;
  const hue = (index * GOLDEN_ANGLE) % 360;
  const light = 38 + (index % 3) * 10;
  return `hsl(${hue.toFixed(1)},70%,${light}%)`;
}
