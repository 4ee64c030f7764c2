/**
 * Headless Debian Chromium for the site tests: a gate (run, skip with the install
 * command, or fail under CI=true), a static file server on 127.0.0.1, and a crawler
 * that opens every page of a site over the DevTools protocol and reports every broken
 * link and every image that does not decode.
 *
 * @module
 */

import { extname, join, normalize } from "node:path";

/** How to install what these tests need. */
export const CHROMIUM_INSTALL = "apt-get install -y chromium";
/** Flags for a quiet, offline, throw-away headless browser. */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--remote-debugging-port=0",
];
/** Seconds to wait for the browser to start and for a page to load. */
const START_TIMEOUT_MS = 30_000, LOAD_TIMEOUT_MS = 30_000;

async function probe(): Promise<string | null> {
  try {
    const { success } = await new Deno.Command("chromium", {
      args: ["--version"],
      stdout: "null",
      stderr: "null",
    }).output();
    return success ? null : `chromium --version failed: ${CHROMIUM_INSTALL}`;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      return `Chromium is not installed: ${CHROMIUM_INSTALL}`;
    }
    if (error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied) {
      return "running chromium is not permitted: add --allow-run=chromium";
    }
    throw error;
  }
}

/** Why the browser tests cannot run here, or `null` when they can. */
export const CHROMIUM_MISSING: string | null = await probe();

function inCI(): boolean {
  return (Deno.env.get("CI") ?? "").toLowerCase() === "true";
}

/**
 * Registers a test that needs Chromium: skipped with the install command in its name
 * when it is missing, failing instead under `CI=true`.
 */
export function chromiumTest(name: string, fn: () => Promise<void>): void {
  if (CHROMIUM_MISSING === null) {
    Deno.test({ name, fn, sanitizeResources: false, sanitizeOps: false });
  } else if (inCI()) {
    Deno.test(name, () => {
      throw new Error(`CI=true but the browser tests cannot run: ${CHROMIUM_MISSING}`);
    });
  } else {
    Deno.test({ name: `${name} (skipped: ${CHROMIUM_MISSING})`, ignore: true, fn });
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".ipynb": "application/json",
  ".md": "text/markdown; charset=utf-8",
};

/** Serves `root` read-only on 127.0.0.1 at a free port. */
export function serveFolder(root: string): { origin: string; close: () => Promise<void> } {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (request) => {
    const path = normalize(decodeURIComponent(new URL(request.url).pathname));
    if (path.includes("..")) return new Response("bad path", { status: 400 });
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    try {
      const body = await Deno.readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      return new Response(body, { headers: { "content-type": type } });
    } catch {
      return new Response("not found", { status: 404 });
    }
  });
  const { port } = server.addr as Deno.NetAddr;
  return { origin: `http://127.0.0.1:${port}`, close: () => server.shutdown() };
}

interface Pending {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

/** A headless Chromium driven over the DevTools protocol. */
export class Browser {
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #listeners: ((message: Record<string, unknown>) => void)[] = [];

  private constructor(
    readonly process: Deno.ChildProcess,
    readonly socket: WebSocket,
    readonly profileDir: string,
  ) {
    socket.onmessage = (event) => {
      const message = JSON.parse(String(event.data)) as Record<string, unknown>;
      const id = message.id as number | undefined;
      if (id !== undefined && this.#pending.has(id)) {
        const pending = this.#pending.get(id)!;
        this.#pending.delete(id);
        const error = message.error as { message: string } | undefined;
        if (error) pending.reject(new Error(error.message));
        else pending.resolve((message.result ?? {}) as Record<string, unknown>);
      } else {
        for (const listener of this.#listeners) listener(message);
      }
    };
  }

  /** Starts a browser with a fresh profile folder. */
  static async launch(): Promise<Browser> {
    const profileDir = await Deno.makeTempDir({ prefix: "hqc-chromium-" });
    const process = new Deno.Command("chromium", {
      args: [...FLAGS, `--user-data-dir=${profileDir}`, "about:blank"],
      stdout: "null",
      stderr: "null",
    }).spawn();
    const deadline = Date.now() + START_TIMEOUT_MS;
    let active = "";
    while (Date.now() < deadline) {
      active = await Deno.readTextFile(join(profileDir, "DevToolsActivePort")).catch(() => "");
      if (active.includes("\n")) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const [port, path] = active.trim().split("\n");
    if (!port || !path) {
      process.kill();
      throw new Error(`Expected Chromium to open a DevTools port within 30 s but it did not`);
    }
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    await new Promise<void>((resolve, reject) => {
      socket.onopen = () => resolve();
      socket.onerror = () => reject(new Error("Could not connect to Chromium's DevTools socket"));
    });
    return new Browser(process, socket, profileDir);
  }

  /** Sends one DevTools command (to a page when `sessionId` is given). */
  send(method: string, params: object = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.#nextId++;
    this.socket.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject }));
  }

  /** Resolves at the next event `method` of `sessionId`, or rejects after the load timeout. */
  waitFor(method: string, sessionId: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#listeners = this.#listeners.filter((l) => l !== listener);
        reject(new Error(`Timed out waiting for ${method}`));
      }, LOAD_TIMEOUT_MS);
      const listener = (m: Record<string, unknown>) => {
        if (m.method === method && m.sessionId === sessionId) {
          clearTimeout(timer);
          this.#listeners = this.#listeners.filter((l) => l !== listener);
          resolve();
        }
      };
      this.#listeners.push(listener);
    });
  }

  /** Opens a tab; returns its session id. */
  async newPage(): Promise<string> {
    const { targetId } = await this.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await this.send("Target.attachToTarget", { targetId, flatten: true });
    await this.send("Page.enable", {}, sessionId as string);
    return sessionId as string;
  }

  /** Loads `url` in the tab and waits for its load event; returns Chromium's error text, if any. */
  async navigate(sessionId: string, url: string): Promise<string | null> {
    const loaded = this.waitFor("Page.loadEventFired", sessionId);
    const result = await this.send("Page.navigate", { url }, sessionId);
    if (typeof result.errorText === "string" && result.errorText !== "") {
      loaded.catch(() => {});
      return result.errorText;
    }
    await loaded;
    return null;
  }

  /** Evaluates an expression in the tab (promises awaited) and returns its JSON value. */
  async evaluate<T>(sessionId: string, expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send("Runtime.evaluate", {
      expression,
      awaitPromise: true,
      returnByValue: true,
    }, sessionId);
    if (exceptionDetails) {
      throw new Error(`Page script failed: ${JSON.stringify(exceptionDetails)}`);
    }
    return (result as { value: T }).value;
  }

  /** Closes the browser and removes its profile. */
  async close(): Promise<void> {
    await this.send("Browser.close").catch(() => {});
    this.socket.close();
    await this.process.status;
    await Deno.remove(this.profileDir, { recursive: true }).catch(() => {});
  }
}

/** What the browser saw on one page. */
interface PageView {
  status: number;
  links: string[];
  ids: string[];
  images: { src: string; width: number; height: number }[];
}

const PAGE_SCRIPT = `(async () => {
  const images = [...document.images];
  await Promise.all(images.map((i) => i.decode().catch(() => null)));
  return {
    links: [...document.querySelectorAll("a[href]")].map((a) => a.href),
    ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
    images: images.map((i) => ({ src: i.currentSrc || i.src, width: i.naturalWidth,
      height: i.naturalHeight })),
  };
})()`;

function decodeScript(url: string): string {
  return `(async () => { const i = new Image(); i.src = ${JSON.stringify(url)};
    try { await i.decode(); } catch { return [0, 0]; } return [i.naturalWidth, i.naturalHeight]; })()`;
}

/** The outcome of a crawl. */
export interface CrawlReport {
  /** HTML pages opened in the browser. */
  pages: string[];
  /** Images (inline `<img>` and linked `.svg`/`.png` files) that decoded with a non-zero size. */
  images: number;
  /** Other files linked and found (`.json`, `.md`, `.ipynb`). */
  files: number;
  /** Links to other origins, not followed (the site must work offline). */
  external: string[];
  /** One line per problem: a link that does not resolve, an image that does not decode. */
  broken: string[];
}

const IMAGE_EXTENSIONS = new Set([".svg", ".png"]);

/**
 * Opens `start` and every same-origin page it links to (transitively) in the browser;
 * checks every `<a href>` resolves (files answer 200, pages load, `#fragments` exist)
 * and every `<img>` and linked image decodes with a non-zero size.
 */
export async function crawlSite(browser: Browser, start: string): Promise<CrawlReport> {
  const origin = new URL(start).origin;
  const report: CrawlReport = { pages: [], images: 0, files: 0, external: [], broken: [] };
  const session = await browser.newPage();
  const queue = [start];
  const seen = new Set<string>([start]);
  const checkedFiles = new Set<string>();
  const fragments: { page: string; href: string }[] = [];
  const ids = new Map<string, Set<string>>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    const status = (await fetch(url, { method: "HEAD" })).status;
    if (status !== 200) {
      report.broken.push(`${url}: HTTP ${status}`);
      continue;
    }
    const error = await browser.navigate(session, url);
    if (error !== null) {
      report.broken.push(`${url}: ${error}`);
      continue;
    }
    report.pages.push(url);
    const view = await browser.evaluate<Omit<PageView, "status">>(session, PAGE_SCRIPT);
    ids.set(url, new Set(view.ids));
    for (const image of view.images) {
      if (image.width > 0 && image.height > 0) report.images += 1;
      else report.broken.push(`${url}: image ${image.src} does not decode`);
    }
    for (const href of view.links) {
      const target = new URL(href);
      if (target.origin !== origin) {
        if (!report.external.includes(href)) report.external.push(href);
        continue;
      }
      if (target.hash !== "") fragments.push({ page: url, href });
      target.hash = "";
      const file = target.href;
      if (file.endsWith(".html") || file.endsWith("/")) {
        if (!seen.has(file)) {
          seen.add(file);
          queue.push(file);
        }
      } else if (!checkedFiles.has(file)) {
        checkedFiles.add(file);
        const response = await fetch(file);
        await response.body?.cancel();
        if (response.status !== 200) {
          report.broken.push(`${url}: link ${file} answers HTTP ${response.status}`);
        } else if (IMAGE_EXTENSIONS.has(extname(target.pathname))) {
          const [width, height] = await browser.evaluate<[number, number]>(
            session,
            decodeScript(file),
          );
          if (width > 0 && height > 0) report.images += 1;
          else report.broken.push(`${url}: linked image ${file} does not decode`);
        } else {
          report.files += 1;
        }
      }
    }
  }
  for (const { page, href } of fragments) {
    const target = new URL(href);
    const id = decodeURIComponent(target.hash.slice(1));
    target.hash = "";
    const known = ids.get(target.href);
    if (known !== undefined && !known.has(id)) {
      report.broken.push(`${page}: link ${href} points to no element with id "${id}"`);
    }
  }
  return report;
}
