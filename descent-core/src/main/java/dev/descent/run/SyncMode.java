package dev.descent.run;

/**
 * How data-parallel workers keep one model ({@code --sync}): {@code every-step} sums every
 * partition's gradient of the global mini-batch and takes one optimizer step on the driver (the
 * model of a local run, up to summation order); {@code average:K} lets each partition take K
 * steps of its own and then averages parameters and optimizer moments (DL4J's parameter
 * averaging: K times fewer synchronisations, a different trajectory).
 *
 * <pre>{@code
 * SyncMode.parse("average:8").localSteps();   // 8
 * SyncMode.parse("every-step").isEveryStep(); // true
 * }</pre>
 *
 * @param localSteps steps each partition takes between synchronisations; 0 for every-step
 */
public record SyncMode(int localSteps) {
  public static final SyncMode EVERY_STEP = new SyncMode(0);

  public SyncMode {
    if (localSteps < 0) {
      throw new IllegalArgumentException("local steps = " + localSteps + ": must be at least 1 (or 0 for every-step)");
    }
  }

  public boolean isEveryStep() {
    return localSteps == 0;
  }

  /** {@code every-step} or {@code average:K} with K a whole number ≥ 1. */
  public static SyncMode parse(String text) {
    String accepted = "; accepted: every-step, or average:K with K ≥ 1 local steps between averages (e.g. average:8)";
    if (text.equals("every-step")) {
      return EVERY_STEP;
    }
    if (!text.startsWith("average:")) {
      throw new IllegalArgumentException("--sync " + text + ": unknown synchronisation" + accepted);
    }
    String k = text.substring("average:".length());
    int steps;
    try {
      steps = Integer.parseInt(k);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--sync " + text + ": K '" + k + "' is not a whole number" + accepted);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("--sync " + text + ": K = " + steps + " must be at least 1" + accepted);
    }
    return new SyncMode(steps);
  }

  @Override
  public String toString() {
    return isEveryStep() ? "every-step" : "average:" + localSteps;
  }
}
