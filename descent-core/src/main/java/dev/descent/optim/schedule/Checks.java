package dev.descent.optim.schedule;

/** The argument checks the schedules share; messages name the schedule, the parameter and its value. */
final class Checks {
  private Checks() {}

  static void positive(String schedule, String name, double value) {
    if (!(value > 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException("schedule " + schedule + ": " + name + " = " + value + ": must be positive and finite");
    }
  }

  static void nonNegative(String schedule, String name, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException("schedule " + schedule + ": " + name + " = " + value + ": must be non-negative and finite");
    }
  }

  static void atLeastOne(String schedule, String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException("schedule " + schedule + ": " + name + " = " + value + ": must be at least 1");
    }
  }

  static void notNull(String schedule, String name, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("schedule " + schedule + ": " + name + " = null: must be given");
    }
  }
}
