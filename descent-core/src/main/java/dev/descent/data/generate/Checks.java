package dev.descent.data.generate;

/** The argument checks the option records share, so that each message is written once. */
final class Checks {
  private Checks() {}

  static void examples(String generator, int examples, int classes) {
    if (examples < classes) {
      throw new IllegalArgumentException(generator + " examples = " + examples
          + ": must be at least " + classes + " (one per class)");
    }
  }

  static void classes(String generator, int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException(generator + " classes = " + classes + ": must be at least 2");
    }
  }

  /** A standard deviation: finite and not negative (written as !(…) so that NaN fails too). */
  static void deviation(String generator, String field, double value) {
    if (!(value >= 0 && Double.isFinite(value))) {
      throw new IllegalArgumentException(generator + " " + field + " = " + value
          + ": must be a finite number ≥ 0");
    }
  }
}
