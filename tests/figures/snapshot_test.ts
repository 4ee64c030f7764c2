/**
 * Snapshot tests in Observable Plot's manner: the seeded fixture of each data
 * set renders every figure to SVG, compared with the stored snapshot in
 * `__snapshots__/<dataset>/<id>_<name>.svg`. Embedded PNG data URIs are stored
 * as their SHA-256 so snapshots stay small while still pinning the pixels.
 *
 * Update deliberately after an intended change, then review the diff:
 *   UPDATE_SNAPSHOTS=1 deno task test tests/figures/
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import type { DatasetName } from "../../lib/results/mod.ts";
import { allFigures } from "../../lib/figures/mod.ts";
import { fixtureAnalysis, fixtureResults } from "../results/fixture.ts";

const UPDATE = Deno.env.get("UPDATE_SNAPSHOTS") === "1";
const DIR = new URL("./__snapshots__/", import.meta.url);

/** Replaces each embedded PNG by its SHA-256 (deterministic, compact). */
export function normalizeSnapshot(svg: string): string {
  return svg.replace(
    /data:image\/png;base64,([A-Za-z0-9+/=]+)/g,
    (_, data: string) => `data:image/png;sha256,${createHash("sha256").update(data).digest("hex")}`,
  );
}

/** Figure stems every data set must produce (paper kinds plus control extras). */
function expectedStems(name: DatasetName): string[] {
  const first = { mnist: 2, cifar100: 13, stl10: 24 }[name];
  const n = (k: number) => String(first + k).padStart(2, "0");
  return [
    "fig01_architecture",
    `fig${n(0)}a_loss`,
    `fig${n(0)}b_accuracy`,
    `fig${n(0)}c_f1`,
    `fig${n(0)}d_robustness`,
    `fig${n(1)}a_time`,
    `fig${n(1)}b_cpu`,
    `fig${n(1)}c_memory`,
    `fig${n(2)}_test_metrics`,
    `fig${n(3)}_metric_comparison`,
    `fig${n(4)}a_confusion_hybrid`,
    `fig${n(4)}b_confusion_classical`,
    `fig${n(4)}c_confusion_control`,
    `fig${n(4)}d_confusion_frozen`,
    `fig${n(5)}a_pca_hybrid`,
    `fig${n(5)}b_pca_classical`,
    `fig${n(5)}c_tsne_hybrid`,
    `fig${n(5)}d_tsne_classical`,
    `fig${n(5)}e_umap_hybrid`,
    `fig${n(5)}f_umap_classical`,
    `fig${n(5)}g_pca_control`,
    `fig${n(5)}h_tsne_control`,
    `fig${n(5)}i_umap_control`,
    `fig${n(5)}j_pca_frozen`,
    `fig${n(5)}k_tsne_frozen`,
    `fig${n(5)}l_umap_frozen`,
    // the fixture's features are 16- and 24-D, so every model gets the 4-D view
    `fig${n(5)}m_tsne4_classical`,
    `fig${n(5)}n_tsne4_hybrid`,
    `fig${n(5)}o_tsne4_control`,
    `fig${n(5)}p_tsne4_frozen`,
    `fig${n(6)}a_decision_hybrid`,
    `fig${n(6)}b_decision_classical`,
    `fig${n(6)}c_decision_control`,
    `fig${n(6)}d_decision_frozen`,
    `fig${n(7)}a_samples_train`,
    `fig${n(7)}b_samples_val`,
    `fig${n(7)}c_samples_test`,
    `fig${n(8)}_class_distribution`,
    `fig${n(9)}a_predictions_hybrid`,
    `fig${n(9)}b_predictions_classical`,
    `fig${n(9)}c_predictions_control`,
    `fig${n(9)}d_predictions_frozen`,
    `fig${n(10)}_circuit`,
  ];
}

for (const name of ["mnist", "cifar100", "stl10"] as const) {
  Deno.test(`allFigures() renders every figure kind of ${name} like its snapshot`, async () => {
    const results = fixtureResults(name);
    const figures = allFigures(results, fixtureAnalysis(name));
    assert.deepEqual(figures.map((f) => f.fileStem).sort(), expectedStems(name).sort());
    const dir = new URL(`${name}/`, DIR);
    if (UPDATE) await Deno.mkdir(dir, { recursive: true });
    const mismatches: string[] = [];
    for (const figure of figures) {
      const file = new URL(`${figure.fileStem}.svg`, dir);
      const actual = normalizeSnapshot(figure.svg);
      if (UPDATE) {
        await Deno.writeTextFile(file, actual);
        continue;
      }
      let expected: string;
      try {
        expected = await Deno.readTextFile(file);
      } catch {
        mismatches.push(`${figure.fileStem} (no snapshot)`);
        continue;
      }
      if (expected !== actual) mismatches.push(figure.fileStem);
    }
    assert.deepEqual(
      mismatches,
      [],
      "run UPDATE_SNAPSHOTS=1 deno task test tests/figures/ if intended",
    );
  });
}
