/**
 * A small streaming reader of tar archives (ustar, GNU long names, pax paths)
 * that hands each file's bytes to a sink as they arrive (internal).
 */
import { DataFormatError } from "./errors.ts";

const BLOCK = 512;

/**
 * Largest GNU long-name or pax header accepted, in bytes. Real ones hold a path
 * and a few fields; a larger one is refused before any of it is buffered.
 */
export const MAX_META_BYTES = 64 * 1024;

/** A destination for one entry's bytes. */
export interface EntrySink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void> | void;
}

/** A tar entry header. */
export interface TarEntry {
  /** Full path inside the archive. */
  name: string;
  size: number;
  /** "file", "directory" or "other". */
  kind: "file" | "directory" | "other";
}

/** Decides per entry whether to keep it: return a sink, or null to skip its bytes. */
export type EntryHandler = (entry: TarEntry) => Promise<EntrySink | null>;

/** Parses a tar stream pushed chunk by chunk; `end()` checks it is not cut short. */
export class TarReader {
  #file: string;
  #onEntry: EntryHandler;
  #header = new Uint8Array(BLOCK);
  #headerFill = 0;
  #remaining = 0;
  #padding = 0;
  #sink: EntrySink | null = null;
  #meta: Uint8Array[] | null = null;
  #metaKind: "longname" | "pax" | null = null;
  #nextName: string | null = null;
  #inBody = false;
  #ended = false;
  #offset = 0;
  /** Names of every entry seen, in order. */
  readonly names: string[] = [];

  constructor(file: string, onEntry: EntryHandler) {
    this.#file = file;
    this.#onEntry = onEntry;
  }

  /** Consumes the next bytes of the archive. */
  async push(chunk: Uint8Array): Promise<void> {
    let at = 0;
    while (at < chunk.length && !this.#ended) {
      if (this.#inBody) {
        const n = Math.min(this.#remaining, chunk.length - at);
        const part = chunk.subarray(at, at + n);
        if (this.#sink) await this.#sink.write(part);
        if (this.#meta) this.#meta.push(part.slice());
        at += n;
        this.#remaining -= n;
        if (this.#remaining === 0) await this.#finishEntry();
      } else if (this.#padding > 0) {
        const n = Math.min(this.#padding, chunk.length - at);
        at += n;
        this.#padding -= n;
      } else {
        const n = Math.min(BLOCK - this.#headerFill, chunk.length - at);
        this.#header.set(chunk.subarray(at, at + n), this.#headerFill);
        this.#headerFill += n;
        at += n;
        if (this.#headerFill === BLOCK) {
          this.#headerFill = 0;
          await this.#startEntry();
        }
      }
    }
    this.#offset += chunk.length;
  }

  /** Checks that the archive did not stop inside a header or an entry. */
  async end(): Promise<void> {
    if (this.#inBody || this.#headerFill > 0) {
      await this.#sink?.close();
      throw new DataFormatError({
        file: this.#file,
        expected: "a complete tar archive",
        found: `the data ending inside ${
          this.#inBody ? "an entry" : "a header"
        } after ${this.#offset} bytes (truncated archive)`,
      });
    }
  }

  async #startEntry(): Promise<void> {
    const h = this.#header;
    if (h.every((b) => b === 0)) {
      this.#ended = true;
      return;
    }
    const stored = parseOctal(h.subarray(148, 156));
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    if (stored !== sum) {
      throw new DataFormatError({
        file: this.#file,
        expected: "a tar header (valid header checksum)",
        found: `bytes that are not a tar header at offset ${this.#offset} (not a tar archive)`,
      });
    }
    const size = (h[124]! & 0x80)
      ? parseBase256(h.subarray(124, 136))
      : parseOctal(h.subarray(124, 136));
    if (!Number.isSafeInteger(size) || size < 0) {
      throw new DataFormatError({
        file: this.#file,
        expected: "a tar header with a valid entry size",
        found: `a size field that does not parse as a whole number of bytes (damaged archive)`,
      });
    }
    const type = String.fromCharCode(h[156]!);
    let name = cString(h.subarray(0, 100));
    const prefix = cString(h.subarray(345, 500));
    if (cString(h.subarray(257, 262)) === "ustar" && prefix) name = `${prefix}/${name}`;
    if (this.#nextName !== null) {
      name = this.#nextName;
      this.#nextName = null;
    }
    this.#remaining = size;
    this.#padding = (BLOCK - (size % BLOCK)) % BLOCK;
    this.#sink = null;
    this.#meta = null;
    this.#metaKind = type === "L" ? "longname" : type === "x" ? "pax" : null;
    if (this.#metaKind) {
      if (size > MAX_META_BYTES) {
        throw new DataFormatError({
          file: this.#file,
          expected: `a ${
            this.#metaKind === "pax" ? "pax" : "GNU long-name"
          } header of at most ${MAX_META_BYTES} bytes`,
          found: `one declaring ${size} bytes (a crafted or damaged archive)`,
        });
      }
      this.#meta = [];
    } else {
      const kind = type === "0" || type === "\0" || type === "7"
        ? "file"
        : type === "5"
        ? "directory"
        : "other";
      this.names.push(name);
      if (kind === "file") this.#sink = await this.#onEntry({ name, size, kind });
    }
    this.#inBody = true;
    if (size === 0) await this.#finishEntry();
  }

  async #finishEntry(): Promise<void> {
    this.#inBody = false;
    if (this.#sink) {
      await this.#sink.close();
      this.#sink = null;
    }
    if (this.#meta) {
      const text = new TextDecoder().decode(concat(this.#meta));
      if (this.#metaKind === "longname") this.#nextName = text.replace(/\0.*$/s, "");
      else {
        const path = text.match(/\d+ path=([^\n]*)\n/);
        if (path) this.#nextName = path[1]!;
      }
      this.#meta = null;
    }
  }
}

function cString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}

function parseOctal(bytes: Uint8Array): number {
  const text = cString(bytes).trim();
  return text === "" ? 0 : parseInt(text, 8);
}

function parseBase256(bytes: Uint8Array): number {
  let value = bytes[0]! & 0x7f;
  for (let i = 1; i < bytes.length; i++) value = value * 256 + bytes[i]!;
  return value;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
