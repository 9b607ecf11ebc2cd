package dev.descent.train;

/**
 * Reads the training loop after every epoch and may stop it. Called on the training thread;
 * must not keep references to the network's buffers beyond the call unless it copies them.
 */
public interface Callback {

  /** Called once before the first epoch. */
  default void onStart(TrainingContext context) {}

  /** Returns true to stop training after this epoch. */
  boolean onEpochEnd(EpochResult result, TrainingContext context);

  /** Called once after the last epoch (also after a stop). */
  default void onEnd(TrainingContext context) {}
}
