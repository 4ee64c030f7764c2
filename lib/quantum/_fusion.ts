// Private: grouping input-independent gates into blocks on few wires, so that each block
// becomes one unitary applied to the whole batch with one matmul.
import type { GateOp } from "./ops.ts";

/** Gates (in order) that act only on `wires`. */
export interface Block {
  wires: number[];
  ops: GateOp[];
}

/**
 * Greedy fusion: a gate joins the earliest block at or after the last block touching any of
 * its wires (later blocks share no wire with it, so it commutes past them) whose wire set
 * stays within `maxWires`; otherwise it opens a new block at the end.
 */
export function planBlocks(ops: GateOp[], maxWires: number): Block[] {
  const blocks: Block[] = [];
  const last = new Map<number, number>();
  for (const op of ops) {
    const after = Math.max(-1, ...op.wires.map((w) => last.get(w) ?? -1));
    let target = -1;
    for (let b = Math.max(after, 0); b < blocks.length; b++) {
      if (b < after) continue;
      const union = new Set([...blocks[b]!.wires, ...op.wires]);
      if (union.size <= maxWires) {
        target = b;
        break;
      }
    }
    if (target === -1) {
      blocks.push({ wires: [], ops: [] });
      target = blocks.length - 1;
    }
    const block = blocks[target]!;
    for (const w of op.wires) if (!block.wires.includes(w)) block.wires.push(w);
    block.ops.push(op);
    for (const w of op.wires) last.set(w, target);
  }
  for (const b of blocks) b.wires.sort((x, y) => x - y);
  return blocks;
}
