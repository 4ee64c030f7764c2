/**
 * The protocol, item by item: what the paper specifies and what we chose where it is silent.
 * The same table appears in the report and in the README (a test keeps them equal).
 *
 * @module
 */

import type { Block } from "./document.ts";

/** One protocol item. */
export interface ProtocolItem {
  item: string;
  /** What the paper says, or "not specified". */
  paper: string;
  /** What we do. */
  ours: string;
  /** True when the paper is silent and ours is a guess. */
  guess: boolean;
}

/** Every protocol item, in the order of a training pipeline. */
export const PROTOCOL: readonly ProtocolItem[] = [
  {
    item: "data sets",
    paper: "MNIST (70,000), CIFAR-100 (60,000), STL-10 (13,000 labelled) (II.3)",
    ours:
      "the official files; CIFAR-100 and STL-10 replaced by labelled synthetic stand-ins when not downloaded",
    guess: false,
  },
  {
    item: "validation split",
    paper: "not specified",
    ours: "10 % of the training split, stratified, seed 0; the test split is the official one",
    guess: true,
  },
  {
    item: "CNN trunks",
    paper: 'not specified ("classical CNNs")',
    ours:
      "conv32-pool-conv64-pool (MNIST), conv32-conv64-conv64 with pools (CIFAR-100), strided conv16-conv32-conv64 (STL-10); sized for the quick profile on 2 CPU cores (lib/models/README.md)",
    guess: true,
  },
  {
    item: "hybrid head",
    paper: "CNN features -> TorchLayer(circuit) -> classifier; widths not specified",
    ours: "dense 128 (ReLU) -> dense 16 (linear) -> circuit -> dense classes (softmax)",
    guess: true,
  },
  {
    item: "16 -> 4 bottleneck",
    paper:
      "implied by Listing 1: amplitude embedding of 16 features on 4 qubits, 4 Pauli-Z outputs",
    ours: "the same; the layers around it are ours",
    guess: false,
  },
  {
    item: "classical head",
    paper: "not specified",
    ours:
      "dense 128 (ReLU) -> dense classes (softmax), no bottleneck; the width-matched control adds the 4-wide bottleneck",
    guess: true,
  },
  {
    item: "circuit",
    paper:
      "AmplitudeEmbedding, BasicEntanglerLayers (2 layers, RX, CNOT ring), expval(PauliZ) on 4 wires (Listing 1)",
    ours:
      "the same; the embedding normalises its input (PennyLane needs normalize=True for unnormalised features)",
    guess: false,
  },
  {
    item: "circuit simulator",
    paper: "PennyLane default.qubit through TorchLayer",
    ours:
      "our batched statevector simulator on tfjs, checked against closed forms, finite differences and npm quantum-circuit",
    guess: false,
  },
  {
    item: "initialisation",
    paper: "not specified (TorchLayer draws circuit weights uniform in [0, 2 pi))",
    ours:
      "circuit weights uniform in [0, 2 pi); Glorot-uniform kernels, zero biases (PyTorch's default is Kaiming-uniform)",
    guess: true,
  },
  {
    item: "loss",
    paper: "not specified",
    ours: "cross-entropy of the softmax output",
    guess: true,
  },
  {
    item: "optimiser",
    paper: "not specified",
    ours: "Adam (beta 0.9, 0.999)",
    guess: true,
  },
  {
    item: "learning rate",
    paper: "not specified",
    ours: "1e-3, constant",
    guess: true,
  },
  {
    item: "batch size",
    paper: "64 (II.2)",
    ours: "64",
    guess: false,
  },
  {
    item: "epochs",
    paper: "50 (II.2, II.3)",
    ours: "50 in the `paper` profile; 1 (smoke) and 3 (quick) otherwise",
    guess: false,
  },
  {
    item: "augmentation",
    paper: '"tailored to each dataset", not described',
    ours:
      "none for MNIST; random crop (padding 4 / 12 px) and horizontal flip for CIFAR-100 / STL-10",
    guess: true,
  },
  {
    item: "normalisation",
    paper: '"normalization values" per data set, not given',
    ours:
      "per-channel (x - mean) / std with the commonly used constants, inside the model's first layer",
    guess: true,
  },
  {
    item: "FGSM",
    paper: "eps = 0.1; input space, loss, clipping and attacked images not specified",
    ours:
      "eps = 0.1 in pixel space and in normalised-input space (both reported), cross-entropy, clipped to [0, 1], a seeded test sample; plus PGD with restarts and transfer attacks",
    guess: true,
  },
  {
    item: "seeds",
    paper: "not specified (one run per model, it seems)",
    ours: "3 in the `paper` profile; verdicts need at least 3",
    guess: true,
  },
  {
    item: "hardware",
    paper: "not specified",
    ours: "CPU only (2 cores here), tfjs wasm backend",
    guess: true,
  },
];

/** Claims decided by items the paper does not specify (reported as not testable here). */
export const ARCHITECTURE_DEPENDENT =
  "Parameter counts (the 7.2 %, 31.9 % and 6-32 % reductions) are decided by the CNN trunks and heads, which the paper " +
  "does not specify, so they are not testable here; our counts are shown for reference.";

/** The protocol as a Markdown table (also in README.md). */
export function protocolTable(): string {
  const lines = [
    "| item | the paper | ours | guess? |",
    "|---|---|---|---|",
    ...PROTOCOL.map((p) => `| ${p.item} | ${p.paper} | ${p.ours} | ${p.guess ? "yes" : "no"} |`),
  ];
  return lines.join("\n");
}

/** The report's protocol section. */
export function protocolSection(): Block[] {
  return [
    { type: "heading", level: 2, text: "Protocol: what the paper specifies and what we chose" },
    {
      type: "paragraph",
      text:
        "Items marked as a guess are our choices where the paper is silent; the `paper` profile uses the paper's data, " +
        "epochs and batch size, and our choices for everything else. " + ARCHITECTURE_DEPENDENT,
    },
    {
      type: "table",
      header: ["item", "the paper", "ours", "guess?"],
      rows: PROTOCOL.map((p) => [p.item, p.paper, p.ours, p.guess ? "yes" : "no"]),
    },
  ];
}
