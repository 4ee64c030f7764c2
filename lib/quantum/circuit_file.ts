/**
 * Circuits from files: the JSON of `Circuit.toJSON()`, or OpenQASM 2.0 (detected by its
 * `OPENQASM` header), so that a circuit designed elsewhere can be trained here.
 *
 * @module
 */
import { Circuit } from "./circuit.ts";

/**
 * Parses a circuit file's text. A QASM program without `measure` statements gets Pauli-Z
 * expectations on every wire (what a hybrid model's head reads).
 *
 * @param text The file's contents.
 * @param name The file's name, for messages.
 * @throws {SyntaxError} When the text is neither circuit JSON nor OpenQASM 2.0, or the QASM has an unsupported statement (named by line).
 * @example
 * ```ts
 * import { equal } from "node:assert/strict";
 * const c = parseCircuit('OPENQASM 2.0;\nqreg q[2];\nry(x0) q[0];\nry(x1) q[1];\ncx q[0],q[1];\nrx(a) q[1];\n', "two.qasm");
 * equal(c.outputSize, 2);
 * ```
 */
export function parseCircuit(text: string, name: string): Circuit {
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (/^(\/\/[^\n]*\n\s*)*OPENQASM\b/.test(body)) {
    try {
      const c = Circuit.fromQASM(body);
      return c.outputSize === 0 ? c.expval("Z") : c;
    } catch (e) {
      throw new SyntaxError(`In ${name}: ${(e as Error).message}`);
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new SyntaxError(
      `Expected circuit JSON (Circuit.toJSON()) or OpenQASM 2.0 in ${name} but found neither: start a QASM file with "OPENQASM 2.0;"`,
    );
  }
  return Circuit.fromJSON(json);
}

/**
 * Reads and parses a circuit file (see {@linkcode parseCircuit}).
 *
 * @throws {Deno.errors.NotFound} When the file does not exist.
 */
export async function loadCircuitFile(path: string): Promise<Circuit> {
  return parseCircuit(await Deno.readTextFile(path), path);
}
