/**
 * Benchmark dispatcher: `deno task bench <name> [args]` runs `scripts/bench/<name>.ts`'s
 * exported `main(args)`. With no or an unknown name it lists the benchmarks.
 *
 * @module
 */

import { runMain, UsageError } from "../../lib/cli/mod.ts";

/** A benchmark module: `main` receives the arguments after the benchmark's name. */
interface BenchModule {
  main(args: string[]): Promise<void>;
}

function available(): string[] {
  const names: string[] = [];
  for (const entry of Deno.readDirSync(new URL(".", import.meta.url))) {
    if (entry.isFile && entry.name.endsWith(".ts") && entry.name !== "mod.ts") {
      if (!entry.name.startsWith("_")) names.push(entry.name.slice(0, -3));
    }
  }
  return names.sort();
}

async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const names = available();
  if (name === undefined || !names.includes(name)) {
    const found = name === undefined ? "no name" : `"${name}"`;
    throw new UsageError(
      `Expected a benchmark name but found ${found}: use one of ${names.join(", ")}`,
    );
  }
  const module = await import(new URL(`./${name}.ts`, import.meta.url).href) as BenchModule;
  await module.main(rest);
  return 0;
}

if (import.meta.main) await runMain(run);
