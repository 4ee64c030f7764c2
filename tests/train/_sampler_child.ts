/** Run by resources_test.ts under narrowed permissions: takes one resource sample and prints it (test-only). */
import { ResourceSampler } from "../../lib/train/mod.ts";

const sampler = new ResourceSampler({ intervalSeconds: 0 });
sampler.beginEpoch(1);
console.log(JSON.stringify(sampler.sample()));
