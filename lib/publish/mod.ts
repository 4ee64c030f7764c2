/**
 * Publishing a finished run as a static site (`deno task publish`): an index with the
 * answer table, the report, a page per figure, the rendered notebooks and the raw
 * results, each page carrying the run's provenance and profile.
 *
 * @example
 * ```ts ignore
 * import { publishSite } from "./mod.ts";
 * import { gitCommit } from "../results/mod.ts";
 * const site = await publishSite("data/runs/smoke/mnist", {
 *   outDir: "/tmp/site",
 *   commit: await gitCommit(),
 * });
 * console.log(site.pages.length);
 * ```
 *
 * @module
 */

export { findResults } from "./find_results.ts";
export { escapeHtml, provenanceBox, sitePage, withProvenance } from "./pages.ts";
export {
  PROVENANCE_LABELS,
  type SiteProvenance,
  siteProvenance,
  type SiteProvenanceOptions,
} from "./provenance.ts";
export {
  MANIFEST_FILE,
  type PublishedSite,
  type PublishOptions,
  publishSite,
} from "./publish_site.ts";
export {
  README_BLOCK_END,
  README_BLOCK_START,
  readmeBlockOf,
  renderReadmeBlock,
  replaceReadmeBlock,
} from "./readme_block.ts";
