package dev.descent.model;

/** A training checkpoint: a model plus optimizer state and the training position. */
public final class Checkpoint {
  public static final String KIND = "checkpoint";

  private Checkpoint() {}
}
