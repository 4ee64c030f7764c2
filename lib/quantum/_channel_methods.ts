// Private: one builder method per noise channel, mixed into Circuit like the gate methods.
import type { ChannelName } from "./noise.ts";

/** Shorthands for `channel(name, wires, param)` with PennyLane's channels. */
export interface ChannelMethods {
  /** DepolarizingChannel(p): rho -> (1-p) rho + p/3 (X rho X + Y rho Y + Z rho Z). */
  depolarizing(wires: number | number[], p: number): this;
  /** AmplitudeDamping(gamma): |1> decays to |0> with probability gamma. */
  amplitudeDamping(wires: number | number[], gamma: number): this;
  /** PhaseDamping(gamma): off-diagonal terms shrink by sqrt(1 - gamma). */
  phaseDamping(wires: number | number[], gamma: number): this;
  /** BitFlip(p): X with probability p. */
  bitFlip(wires: number | number[], p: number): this;
  /** PhaseFlip(p): Z with probability p. */
  phaseFlip(wires: number | number[], p: number): this;
}

interface Channeled {
  channel(name: ChannelName, wires: number | number[], param: number): unknown;
}

function shorthand(name: ChannelName) {
  return function (this: Channeled, wires: number | number[], param: number) {
    return this.channel(name, wires, param);
  };
}

/** Installs the {@linkcode ChannelMethods} on a prototype that has `channel()`. */
export function addChannelMethods(proto: Channeled): void {
  Object.assign(proto, {
    depolarizing: shorthand("DepolarizingChannel"),
    amplitudeDamping: shorthand("AmplitudeDamping"),
    phaseDamping: shorthand("PhaseDamping"),
    bitFlip: shorthand("BitFlip"),
    phaseFlip: shorthand("PhaseFlip"),
  });
}
