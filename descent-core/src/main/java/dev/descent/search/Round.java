package dev.descent.search;

/**
 * One round of a search: {@code trials} trials with ids from {@code firstId}, sampled in
 * {@code space} (the whole space in round 1, coarse-to-fine's narrowed box after).
 */
public record Round(int number, Space space, int firstId, int trials, Metric metric) {

  public Round {
    if (number < 1 || firstId < 0 || trials < 1) {
      throw new IllegalArgumentException("round " + number + " from id " + firstId + " with " + trials + " trials: round ≥ 1, id ≥ 0, trials ≥ 1");
    }
  }

  /** The trial's position in this round, 0-based. */
  public int indexOf(int id) {
    return id - firstId;
  }

  public boolean holds(int id) {
    return id >= firstId && id < firstId + trials;
  }
}
