/**
 * What every published page says about where its numbers come from: the profile, the
 * data, the commit and the kernel path of the run, and when and from which commit the
 * site was built.
 *
 * @module
 */

import { kernelPathOf, PROFILE_DESCRIPTIONS, type Results } from "../results/mod.ts";

/** Provenance of one published run, as printed on every page. */
export interface SiteProvenance {
  dataset: string;
  /** Profile name, e.g. `converged`. */
  profile: string;
  /** The profile's one-line description, when the profile is known to this code. */
  profileDescription: string;
  /** Epochs, batch size, learning rate, seeds, attacked images, as recorded. */
  protocol: string;
  /** `official` or `synthetic stand-in`, with the split sizes. */
  data: string;
  /** When the run finished (results.json `createdAt`). */
  runDate: string;
  /** Commit the run was made from, or "not recorded" for runs that predate recording it. */
  runCommit: string;
  /** Kernel path and threads the run trained with, e.g. `wasm, 2 threads`. */
  kernelPath: string;
  /** Machine the run trained on. */
  machine: string;
  /** When the site was built. */
  builtAt: string;
  /** Commit of the code that built the site, or "unknown" outside a git tree. */
  builtFrom: string;
}

/** Options of {@link siteProvenance}. */
export interface SiteProvenanceOptions {
  /** Commit of the code building the site. @default "unknown" */
  commit?: string | null;
  /** Build time. @default now */
  builtAt?: string;
}

/**
 * Collects the provenance lines of a run.
 *
 * @param results The run's results.
 * @param options The building commit and time.
 * @returns The lines every page prints.
 */
export function siteProvenance(
  results: Results,
  { commit, builtAt = new Date().toISOString() }: SiteProvenanceOptions = {},
): SiteProvenance {
  const { config, dataset, environment } = results;
  const known = (PROFILE_DESCRIPTIONS as Record<string, string | undefined>)[results.profile];
  const sizes = dataset.sizes;
  const kernel = kernelPathOf(environment);
  const recordedCommit = environment.commit;
  return {
    dataset: dataset.name,
    profile: results.profile,
    profileDescription: known ?? "a profile this code does not define",
    protocol:
      `${config.epochs} epoch${
        config.epochs === 1 ? "" : "s"
      }, batch ${config.batchSize}, learning rate ` +
      `${config.learningRate}, seeds ${config.seeds.join(", ")}, models ` +
      `${config.models.join(", ")}, ${config.attackCount} attacked test images`,
    data: `${dataset.name} (${dataset.provenance}): ${sizes.train} train / ${sizes.val} ` +
      `validation / ${sizes.test} test images` +
      (dataset.provenance === "official"
        ? ""
        : `; fetch the real data with ${dataset.fetchCommand}`),
    runDate: results.createdAt,
    runCommit: typeof recordedCommit === "string" ? recordedCommit : "not recorded",
    kernelPath: `${kernel.path}, ${kernel.threads} thread${kernel.threads === 1 ? "" : "s"}`,
    machine: `${environment.cpuModel}, ${environment.cores} cores, ${environment.os}; Deno ` +
      `${environment.deno}, tfjs ${environment.tfjs}`,
    builtAt,
    builtFrom: commit ?? "unknown",
  };
}

/** Labels of the provenance lines, in the order pages print them. */
export const PROVENANCE_LABELS: Readonly<Record<keyof SiteProvenance, string>> = {
  dataset: "Data set",
  profile: "Profile",
  profileDescription: "Profile means",
  protocol: "Protocol",
  data: "Data",
  runDate: "Run finished",
  runCommit: "Run commit",
  kernelPath: "Kernel path",
  machine: "Machine",
  builtAt: "Site built",
  builtFrom: "Site commit",
};
