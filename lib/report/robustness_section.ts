/**
 * Robustness beyond one white-box FGSM: FGSM in pixel space and in normalised-input space,
 * PGD with random restarts, and transfer attacks between models, with a statement per data set
 * of whether the hybrid's robustness survives them.
 *
 * @module
 */

import { MODEL_KINDS, type ModelKind, type Results } from "../results/mod.ts";
import { compareModels, MIN_SEEDS, UNDERPOWERED } from "./compare.ts";
import type { Block } from "./document.ts";
import { datasetLabel, type ReportInput, summaryCell } from "./report_sections.ts";
import { formatComparison } from "./verdicts.ts";

/**
 * Transfer accuracy below white-box accuracy by more than this (5 pp) is read as a sign of
 * gradient masking: a black-box attack should not beat a white-box one.
 */
export const MASKING_GAP = 0.05;

function pct(x: number): string {
  return `${(x * 100).toFixed(2)} %`;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Mean over seeds of a target's accuracy on examples crafted on a source. */
export function transferAccuracy(
  results: Results,
  source: ModelKind,
  target: ModelKind,
  attack: "fgsm" | "pgd",
): { accuracy: number; seeds: number } | undefined {
  const rows = (results.transfer ?? []).filter((t) =>
    t.source === source && t.target === target && t.attack === attack
  );
  return rows.length === 0
    ? undefined
    : { accuracy: mean(rows.map((t) => t.accuracy)), seeds: rows.length };
}

function whiteBoxTable(r: Results): Block {
  const header = [
    "data",
    "model",
    "clean (attacked sample)",
    "FGSM, pixel",
    "FGSM, normalised input",
    "PGD",
  ];
  const rows = MODEL_KINDS.flatMap((kind) => {
    const m = r.models[kind];
    if (m === undefined) return [];
    const clean = mean(
      m.runs.map((run) => run.robustness.curve.find((p) => p.epsilon === 0)?.fgsm ?? NaN),
    );
    const settings = m.runs[0]?.robustness.pgd;
    return [[
      datasetLabel(r),
      kind,
      Number.isFinite(clean) ? pct(clean) : "not measured",
      summaryCell(r, kind, "fgsmAccuracy", "fgsmAccuracy"),
      summaryCell(r, kind, "fgsmNormAccuracy", "fgsmNormAccuracy"),
      summaryCell(r, kind, "pgdAccuracy", "pgdAccuracy") +
      (settings ? ` (${settings.steps} steps x ${settings.restarts} restarts)` : ""),
    ]];
  });
  return { type: "table", header, rows };
}

function transferTable(r: Results): Block {
  const header = [
    "data",
    "crafted on -> evaluated on",
    "FGSM transfer",
    "PGD transfer",
    "target's white-box FGSM",
  ];
  const kinds = MODEL_KINDS.filter((k) => r.models[k] !== undefined);
  const rows: string[][] = [];
  for (const source of kinds) {
    for (const target of kinds) {
      if (source === target) continue;
      if (source !== "classical" && target !== "classical") continue;
      const f = transferAccuracy(r, source, target, "fgsm");
      const p = transferAccuracy(r, source, target, "pgd");
      const white = r.models[target]?.summary.fgsmAccuracy?.mean;
      rows.push([
        datasetLabel(r),
        `${source} -> ${target}`,
        f ? `${pct(f.accuracy)} (${f.seeds} seed${f.seeds === 1 ? "" : "s"})` : "not measured",
        p ? pct(p.accuracy) : "not measured",
        white === undefined ? "not measured" : pct(white),
      ]);
    }
  }
  return { type: "table", header, rows };
}

/** Whether the hybrid's advantage over the classical model survives PGD and transfer, in words. */
export function survivalStatement(r: Results): string {
  const label = datasetLabel(r);
  if (!r.models.hybrid || !r.models.classical) {
    return `${label}: hybrid or classical model not run, nothing to say.`;
  }
  const facts: string[] = [];
  const fgsm = compareModels(r, { metric: "fgsmAccuracy", a: "hybrid", b: "classical" });
  const norm = compareModels(r, { metric: "fgsmNormAccuracy", a: "hybrid", b: "classical" });
  const pgd = compareModels(r, { metric: "pgdAccuracy", a: "hybrid", b: "classical" });
  for (
    const [name, c] of [["FGSM pixel", fgsm], ["FGSM normalised", norm], ["PGD", pgd]] as const
  ) {
    facts.push(`${name} ${typeof c === "string" ? c : formatComparison(c)}`);
  }
  const transfer = transferAccuracy(r, "classical", "hybrid", "fgsm");
  const white = r.models.hybrid.summary.fgsmAccuracy?.mean;
  let masking = "transfer attack not measured";
  let masked = false;
  if (transfer && white !== undefined) {
    masked = transfer.accuracy < white - MASKING_GAP;
    masking = `hybrid under FGSM crafted on the classical model ${pct(transfer.accuracy)} vs ${
      pct(white)
    } under its own white-box FGSM: ${
      masked
        ? "the black-box attack is stronger, a sign of gradient masking"
        : "no sign of gradient masking"
    }`;
  }
  const seeds = typeof pgd === "string" ? 0 : pgd.seeds;
  let verdict: string;
  if (typeof pgd === "string") {
    verdict = "PGD not run: not testable here";
  } else if (seeds < MIN_SEEDS || pgd.interval95 === undefined) {
    verdict = `${UNDERPOWERED} (${seeds} seed${seeds === 1 ? "" : "s"})${
      masked ? "; already now the transfer attack points to gradient masking" : ""
    }`;
  } else if (pgd.interval95[0] > 0 && !masked) {
    verdict = "the hybrid's advantage survives PGD and the transfer attack";
  } else if (masked) {
    verdict = "does not survive: gradient masking (transfer beats white-box)";
  } else {
    verdict = "does not survive: under PGD the hybrid is not significantly more robust";
  }
  return `**${label}: ${verdict}.** hybrid - classical: ${facts.join("; ")}. ${masking}.`;
}

/** The section's blocks. */
export function robustnessSection(inputs: readonly ReportInput[]): Block[] {
  const blocks: Block[] = [
    {
      type: "heading",
      level: 2,
      text: "Robustness: FGSM in both spaces, PGD and transfer attacks",
    },
    {
      type: "paragraph",
      text:
        "Our models take pixels in [0, 1] and standardise inside their first layer. **FGSM, pixel** perturbs pixels by " +
        "eps = 0.1 (our default). **FGSM, normalised input** perturbs the standardised tensor by eps = 0.1, as a PyTorch " +
        "pipeline that attacks the normalised tensor does: a pixel step of 0.1 x std per channel (about 3x weaker on MNIST). " +
        "The paper does not say which it used, so its numbers are compared with both in the claims table. **PGD** iterates " +
        "signed-gradient steps of 2.5 eps / steps from random starts in the eps-ball; an image counts as robust only if every " +
        "restart fails. **Transfer**: examples crafted (FGSM and PGD, white-box) on one model and evaluated on another; " +
        `a bounded, normalised quantum layer can mask gradients, and then transfer beats white-box (we flag a gap over ${
          MASKING_GAP * 100
        } pp).`,
    },
  ];
  for (const { results: r } of inputs) {
    blocks.push(
      { type: "heading", level: 3, text: datasetLabel(r) },
      whiteBoxTable(r),
      transferTable(r),
      { type: "paragraph", text: survivalStatement(r) },
    );
  }
  return blocks;
}
