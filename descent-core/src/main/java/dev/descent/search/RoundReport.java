package dev.descent.search;

import java.util.List;

/**
 * What coarse-to-fine did after a round: the box the round sampled, the box for the next one,
 * how many top trials defined it, and each parameter's change. {@code note} explains a box that
 * could not shrink (no complete trial), else null.
 */
public record RoundReport(int round, Space space, Space next, int top, List<BoxChange> changes, String note) {

  public RoundReport {
    changes = List.copyOf(changes);
  }

  /** Lines such as "round 1 → 2 (top 5 trials): lr: log:1e-5:1 → log:0.000562:0.0178 (30% of the width)". */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("round " + round + " → " + (round + 1));
    if (note != null) {
      return text.append(": ").append(note).toString();
    }
    text.append(" (box around the top ").append(top).append(top == 1 ? " trial)" : " trials)");
    for (BoxChange c : changes) {
      text.append("\n  ").append(c);
    }
    return text.toString();
  }
}
