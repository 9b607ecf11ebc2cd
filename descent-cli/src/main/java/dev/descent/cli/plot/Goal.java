package dev.descent.cli.plot;

/** Whether lower (cost, error) or higher (accuracy) values of a metric are better. */
public enum Goal {
  MINIMIZE,
  MAXIMIZE;

  boolean better(double candidate, double incumbent) {
    return this == MINIMIZE ? candidate < incumbent : candidate > incumbent;
  }
}
