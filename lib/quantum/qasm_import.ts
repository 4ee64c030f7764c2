/**
 * OpenQASM 2.0 import: the qelib1.inc gates this library has (or equals up to a global phase),
 * with gate arguments that are constant expressions (numbers, `pi`, + - * / and parentheses) or
 * bare names. A name is a named trainable parameter (one weight each, shared where a name
 * repeats), except input names, which read input columns: by default `x0`, `x1`, ... read
 * columns 0, 1, ...; pass `inputs` to choose the names. `measure` statements become `probs` of
 * the measured qubits (in classical-bit order); `barrier` is ignored. Anything else is a
 * `SyntaxError` naming the line.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { Circuit } from "./circuit.ts";
 * const c = Circuit.fromQASM('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nry(x0) q[0];\nrx(theta) q[1];\ncx q[0],q[1];\n');
 * deepEqual(c.parameterNames, ["theta"]);
 * deepEqual([c.inputSize, c.wires], [1, 2]);
 * ```
 *
 * @module
 */
import type { Circuit } from "./circuit.ts";
import type { GateParam } from "./compile.ts";
import type { GateName } from "./gates.ts";

/** Options of `Circuit.fromQASM`. */
export interface FromQASMOptions {
  /** Names that read input columns (the i-th name reads column i). @default {x0, x1, ... by number} */
  inputs?: string[];
}

type Arg = number | { name: string };

/** How a qelib1.inc gate maps onto ours: gate name and the order of its arguments. */
interface Mapping {
  gate: GateName | null;
  args: number;
  qubits: number;
  /** Our parameters from the QASM arguments. */
  params: (a: Arg[]) => Arg[];
}

const same = (a: Arg[]) => a;
const HALF_PI = Math.PI / 2;

// u3(theta, phi, lambda) = RZ(phi) RY(theta) RZ(lambda) up to a global phase = Rot(lambda, theta, phi).
const GATE_MAP: Record<string, Mapping> = {
  rx: { gate: "RX", args: 1, qubits: 1, params: same },
  ry: { gate: "RY", args: 1, qubits: 1, params: same },
  rz: { gate: "RZ", args: 1, qubits: 1, params: same },
  u1: { gate: "PhaseShift", args: 1, qubits: 1, params: same },
  p: { gate: "PhaseShift", args: 1, qubits: 1, params: same },
  u3: { gate: "Rot", args: 3, qubits: 1, params: (a) => [a[2]!, a[0]!, a[1]!] },
  u: { gate: "Rot", args: 3, qubits: 1, params: (a) => [a[2]!, a[0]!, a[1]!] },
  U: { gate: "Rot", args: 3, qubits: 1, params: (a) => [a[2]!, a[0]!, a[1]!] },
  u2: { gate: "Rot", args: 2, qubits: 1, params: (a) => [a[1]!, HALF_PI, a[0]!] },
  h: { gate: "Hadamard", args: 0, qubits: 1, params: same },
  x: { gate: "PauliX", args: 0, qubits: 1, params: same },
  y: { gate: "PauliY", args: 0, qubits: 1, params: same },
  z: { gate: "PauliZ", args: 0, qubits: 1, params: same },
  s: { gate: "S", args: 0, qubits: 1, params: same },
  t: { gate: "T", args: 0, qubits: 1, params: same },
  sdg: { gate: "PhaseShift", args: 0, qubits: 1, params: () => [-HALF_PI] },
  tdg: { gate: "PhaseShift", args: 0, qubits: 1, params: () => [-Math.PI / 4] },
  id: { gate: null, args: 0, qubits: 1, params: same },
  cx: { gate: "CNOT", args: 0, qubits: 2, params: same },
  CX: { gate: "CNOT", args: 0, qubits: 2, params: same },
  cz: { gate: "CZ", args: 0, qubits: 2, params: same },
  crx: { gate: "CRX", args: 1, qubits: 2, params: same },
  cry: { gate: "CRY", args: 1, qubits: 2, params: same },
  crz: { gate: "CRZ", args: 1, qubits: 2, params: same },
  swap: { gate: "SWAP", args: 0, qubits: 2, params: same },
  rzz: { gate: "MultiRZ", args: 1, qubits: 2, params: same },
};

function fail(line: number, text: string, why: string, fix: string): never {
  throw new SyntaxError(`Line ${line}: ${why} in "${text}": ${fix}`);
}

/** Parses a gate argument: a constant expression, or a bare name. */
function parseArg(src: string, line: number, text: string): Arg {
  const s = src.trim();
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && s !== "pi") return { name: s };
  const tokens =
    s.match(/\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const expr = (): number => {
    let v = term();
    while (peek() === "+" || peek() === "-") v = tokens[i++] === "+" ? v + term() : v - term();
    return v;
  };
  const term = (): number => {
    let v = unary();
    while (peek() === "*" || peek() === "/") v = tokens[i++] === "*" ? v * unary() : v / unary();
    return v;
  };
  const unary = (): number => {
    if (peek() === "-") {
      i++;
      return -unary();
    }
    if (peek() === "+") {
      i++;
      return unary();
    }
    return atom();
  };
  const atom = (): number => {
    const t = tokens[i++];
    if (t === "(") {
      const v = expr();
      if (tokens[i++] !== ")") fail(line, text, "unbalanced parentheses", "close every (");
      return v;
    }
    if (t === "pi") return Math.PI;
    if (t !== undefined && /^[\d.]/.test(t)) return Number(t);
    if (t !== undefined && /^[A-Za-z_]/.test(t)) {
      fail(
        line,
        text,
        `parameter expression "${s}" combines the name ${t} with arithmetic`,
        "use a bare name or a constant expression",
      );
    }
    return fail(
      line,
      text,
      `unexpected "${t ?? "end"}" in parameter "${s}"`,
      "write a number, pi or a name",
    );
  };
  const v = expr();
  if (i !== tokens.length || !Number.isFinite(v)) {
    fail(line, text, `cannot read parameter "${s}"`, "write a number, pi or a name");
  }
  return v;
}

/** Splits on commas outside parentheses. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Builds a circuit from OpenQASM 2.0 text.
 *
 * @param make Creates an empty circuit with the given number of wires.
 * @throws {SyntaxError} Naming the line of an unsupported or malformed statement.
 */
export function fromQASM(
  text: string,
  make: (wires: number) => Circuit,
  { inputs }: FromQASMOptions = {},
): Circuit {
  if (typeof text !== "string") {
    throw new TypeError(
      `Expected OpenQASM 2.0 text but found ${typeof text}: pass the file's text`,
    );
  }
  const qregs = new Map<string, { offset: number; size: number }>();
  const cregs = new Map<string, { offset: number; size: number }>();
  let qubits = 0;
  let clbits = 0;
  const gates: { line: number; text: string; gate: GateName; wires: number[]; params: Arg[] }[] =
    [];
  const measured: [number, number][] = [];
  // Statements end with ";"; remember the line each starts on.
  const statements: { line: number; text: string }[] = [];
  let buffer = "";
  let start = 0;
  text.split("\n").forEach((raw, index) => {
    const code = raw.replace(/\/\/.*$/, "");
    for (const ch of code) {
      if (buffer.trim() === "" && ch.trim() !== "") start = index + 1;
      // Braces end a statement too, so that a gate definition fails on its own line.
      if (ch === ";" || ch === "{" || ch === "}") {
        statements.push({ line: start, text: buffer.trim() });
        buffer = "";
      } else buffer += ch;
    }
    buffer += " ";
  });
  if (buffer.trim() !== "") fail(start, buffer.trim(), "missing ;", "end the statement with ;");

  const operand = (src: string, line: number, stmt: string, regs: typeof qregs): number[] => {
    const m = src.trim().match(/^([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d+)\])?$/);
    if (!m) fail(line, stmt, `cannot read operand "${src.trim()}"`, "write reg[index] or reg");
    const reg = regs.get(m[1]!);
    if (!reg) fail(line, stmt, `unknown register ${m[1]}`, "declare it with qreg or creg first");
    if (m[2] === undefined) return Array.from({ length: reg.size }, (_, i) => reg.offset + i);
    const k = Number(m[2]);
    if (k >= reg.size) {
      fail(line, stmt, `index ${k} outside ${m[1]}[${reg.size}]`, "use a smaller index");
    }
    return [reg.offset + k];
  };

  for (const { line, text: stmt } of statements) {
    if (stmt === "") continue;
    if (/^OPENQASM\s+2(\.0)?$/.test(stmt)) continue;
    if (/^OPENQASM\b/.test(stmt)) {
      fail(line, stmt, "only OpenQASM 2.0 is supported", "export as OpenQASM 2.0");
    }
    if (/^include\s+"qelib1\.inc"$/.test(stmt)) continue;
    if (/^barrier\b/.test(stmt)) continue;
    let m = stmt.match(/^(qreg|creg)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\[\s*(\d+)\s*\]$/);
    if (m) {
      const size = Number(m[3]);
      if (m[1] === "qreg") {
        qregs.set(m[2]!, { offset: qubits, size });
        qubits += size;
      } else {
        cregs.set(m[2]!, { offset: clbits, size });
        clbits += size;
      }
      continue;
    }
    m = stmt.match(/^measure\s+(.+?)\s*->\s*(.+)$/);
    if (m) {
      const q = operand(m[1]!, line, stmt, qregs);
      const c = operand(m[2]!, line, stmt, cregs);
      if (q.length !== c.length) {
        fail(line, stmt, "measure of unequal register sizes", "measure equal sizes");
      }
      q.forEach((w, i) => measured.push([c[i]!, w]));
      continue;
    }
    m = stmt.match(/^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((.*)\))?\s+(.+)$/s);
    const map = m ? GATE_MAP[m[1]!] : undefined;
    if (!m || !map) {
      const word = stmt.split(/[\s(]/)[0];
      fail(
        line,
        stmt,
        `unsupported statement ${word}`,
        `use gates from ${Object.keys(GATE_MAP).join(", ")}, measure or barrier`,
      );
    }
    if (measured.length > 0) {
      fail(line, stmt, "gate after a measurement", "measure at the end of the circuit only");
    }
    const args = m[2] === undefined || m[2].trim() === ""
      ? []
      : splitArgs(m[2]).map((a) => parseArg(a, line, stmt));
    if (args.length !== map.args) {
      fail(
        line,
        stmt,
        `${m[1]} takes ${map.args} parameters but found ${args.length}`,
        `pass ${map.args}`,
      );
    }
    const ops = splitArgs(m[3]!).map((o) => operand(o, line, stmt, qregs));
    if (ops.length !== map.qubits) {
      fail(
        line,
        stmt,
        `${m[1]} acts on ${map.qubits} qubits but found ${ops.length}`,
        `pass ${map.qubits}`,
      );
    }
    // Whole registers broadcast: one gate per index.
    const width = Math.max(...ops.map((o) => o.length));
    if (ops.some((o) => o.length !== 1 && o.length !== width)) {
      fail(line, stmt, "registers of different sizes", "use registers of equal size");
    }
    if (map.gate === null) continue;
    for (let k = 0; k < width; k++) {
      const wires = ops.map((o) => (o.length === 1 ? o[0]! : o[k]!));
      gates.push({ line, text: stmt, gate: map.gate, wires, params: map.params(args) });
    }
  }
  if (qubits === 0) fail(1, text.slice(0, 40), "no qreg declared", "declare qreg q[n]");

  const inputIndex = (name: string): number | null => {
    if (inputs !== undefined) {
      const i = inputs.indexOf(name);
      return i >= 0 ? i : null;
    }
    const x = name.match(/^x(\d+)$/);
    return x ? Number(x[1]) : null;
  };
  const circuit = make(qubits);
  for (const g of gates) {
    const params: GateParam[] = g.params.map((a) => {
      if (typeof a === "number") return a;
      const k = inputIndex(a.name);
      return k === null ? a.name : { input: k };
    });
    try {
      circuit.gate(g.gate, g.wires, params);
    } catch (e) {
      fail(g.line, g.text, (e as Error).message, "fix the statement");
    }
  }
  if (measured.length > 0) {
    circuit.probs({ wires: measured.sort((a, b) => a[0] - b[0]).map(([, w]) => w) });
  }
  return circuit;
}
