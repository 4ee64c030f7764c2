/**
 * The figures' MNIST fixture with its per-model summaries computed (the fixture leaves
 * them empty), so that tables read real statistics of its seeded runs.
 *
 * @module
 */

import { MODEL_KINDS, type Results, summarizeRuns } from "../../lib/results/mod.ts";
import { fixtureResults } from "../results/fixture.ts";

/** `fixtureResults("mnist")` with `summary` filled by `summarizeRuns`. */
export function summarizedFixture(): Results {
  const results = fixtureResults("mnist");
  for (const kind of MODEL_KINDS) {
    const model = results.models[kind];
    if (model !== undefined) model.summary = summarizeRuns(model.runs);
  }
  return results;
}
