/**
 * Errors that callers of the training loop catch by class.
 *
 * @module
 */

/**
 * Training diverged: the loss, the weights after an update, or the validation
 * metrics became NaN or infinite. No checkpoint holds the diverged state; the
 * last finite one (if any) is kept.
 */
export class NonFiniteLossError extends Error {
  /** 1-based epoch of the failing update (or of the validation). */
  readonly epoch: number;
  /** 1-based batch within the epoch (the epoch's last batch for weights or validation checked at its end). */
  readonly batch: number;
  /** The value read (NaN or +-Infinity). */
  readonly loss: number;
  /** What was not finite: "training loss", "weights" or "validation loss"/"validation metrics". */
  readonly quantity: string;

  /**
   * @param epoch 1-based epoch.
   * @param batch 1-based batch.
   * @param loss the non-finite value found.
   * @param checkpointNote which checkpoint is kept, e.g. "the checkpoint of epoch 2 in DIR is kept".
   * @param quantity what was not finite.
   */
  constructor(
    epoch: number,
    batch: number,
    loss: number,
    checkpointNote: string,
    quantity = "training loss",
  ) {
    const expected = quantity === "weights"
      ? "finite weights after the update"
      : `a finite ${quantity}`;
    super(
      `Expected ${expected} but found ${loss} at epoch ${epoch}, batch ${batch}: ` +
        `lower the learning rate or check the data (${checkpointNote})`,
    );
    this.name = "NonFiniteLossError";
    this.epoch = epoch;
    this.batch = batch;
    this.loss = loss;
    this.quantity = quantity;
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
