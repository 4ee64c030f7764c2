// Private: rebuilding a circuit from its JSON by replaying the builder calls, so that every
// step is validated exactly as when it was first added.
import type { CircuitJSON } from "./compile.ts";
import type { CircuitBuilder } from "./builder.ts";

/** Replays `json` onto a fresh circuit made by `make`. */
export function replayJSON<C extends CircuitBuilder>(json: unknown, make: (wires: number) => C): C {
  const j = json as Partial<CircuitJSON> | null;
  if (j === null || typeof j !== "object" || j.format !== "hqc-circuit" || j.version !== 1) {
    const found = JSON.stringify(j)?.slice(0, 80);
    throw new TypeError(
      `Expected a circuit JSON of format hqc-circuit version 1 but found ${found}: pass Circuit.toJSON() output`,
    );
  }
  const c = make(j.wires as number);
  for (const s of j.steps ?? []) {
    switch (s.type) {
      case "amplitudeEmbedding":
        c.amplitudeEmbedding({
          normalize: s.normalize,
          padWith: s.padWith ?? undefined,
          features: s.features,
        });
        break;
      case "angleEmbedding":
        c.angleEmbedding({ rotation: s.rotation, wires: s.wires });
        break;
      case "basisEmbedding":
        c.basisEmbedding({ wires: s.wires });
        break;
      case "basicEntanglerLayers":
        c.basicEntanglerLayers(s.layers, { rotation: s.rotation, wires: s.wires });
        break;
      case "stronglyEntanglingLayers":
        c.stronglyEntanglingLayers(s.layers, { ranges: s.ranges, wires: s.wires });
        break;
      case "gate":
        c.gate(s.name, s.wires, s.params ?? undefined);
        break;
      default:
        throw new TypeError(
          `Expected a known step type but found ${JSON.stringify(s)}: upgrade the library`,
        );
    }
  }
  for (const m of j.measurements ?? []) {
    if (m.type === "expval") c.expval(m.pauli, { wires: m.wires });
    else if (m.type === "expvalPauli") c.expvalPauli(m.word, { wires: m.wires });
    else if (m.type === "probs") c.probs({ wires: m.wires });
    else {throw new TypeError(
        `Expected a known measurement but found ${JSON.stringify(m)}: upgrade the library`,
      );}
  }
  if (j.shots) c.withShots(j.shots.shots, { seed: j.shots.seed });
  return c;
}
