/** Types of the parts of npm `tsne-js` that lib/analysis uses. */
export default class TSNE {
  constructor(options: {
    dim: number;
    perplexity: number;
    earlyExaggeration: number;
    learningRate: number;
    nIter: number;
    metric: "euclidean" | "manhattan" | "jaccard" | "dice";
  });
  init(input: { data: number[][]; type: "dense" | "sparse" }): void;
  run(): [number, number];
  getOutput(): number[][];
}
