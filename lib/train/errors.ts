/**
 * Errors that callers of the training loop catch by class.
 *
 * @module
 */

/** The loss became NaN or infinite; the last good checkpoint (if any) is kept. */
export class NonFiniteLossError extends Error {
  /** 1-based epoch of the failing batch. */
  readonly epoch: number;
  /** 1-based batch within the epoch. */
  readonly batch: number;
  /** The loss value read (NaN or +-Infinity). */
  readonly loss: number;

  constructor(epoch: number, batch: number, loss: number, checkpointNote: string) {
    super(
      `Expected a finite training loss but found ${loss} at epoch ${epoch}, batch ${batch}: ` +
        `lower the learning rate or check the data (${checkpointNote})`,
    );
    this.name = "NonFiniteLossError";
    this.epoch = epoch;
    this.batch = batch;
    this.loss = loss;
  }
}

/** Training stopped before the end on request (`signal` aborted or `stopAfterBatches` reached). */
export class TrainingInterruptedError extends Error {
  /** Epochs completed and checkpointed before the stop. */
  readonly completedEpochs: number;

  constructor(completedEpochs: number, reason: string) {
    super(
      `Training stopped after ${completedEpochs} complete epoch(s) (${reason}): ` +
        `rerun with resume: true to continue from the last checkpoint`,
    );
    this.name = "TrainingInterruptedError";
    this.completedEpochs = completedEpochs;
  }
}

/** A checkpoint is missing, damaged or belongs to another model. */
export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckpointError";
  }
}
