package dev.descent.search;

import java.util.Locale;

/** How a trial ended: trained to the end, stopped by the {@link Pruner}, or the objective threw. */
public enum Status {
  COMPLETE,
  PRUNED,
  FAILED;

  /** "complete", "pruned" or "failed", as in the journal. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status parse(String text) {
    for (Status s : values()) {
      if (s.jsonName().equals(text)) {
        return s;
      }
    }
    throw new IllegalArgumentException("status \"" + text + "\": must be complete, pruned or failed");
  }
}
