package dev.descent.spark;

import dev.descent.DescentException;
import java.util.function.Supplier;

/**
 * What a failed Spark job means to a user: a task that threw a {@link DescentException} (a bad
 * line, an unknown label) fails its job with Spark's long "Job aborted due to stage failure…"
 * text; this finds the exception's own one-line message and rethrows it as it was.
 */
final class SparkFailures {
  private static final String MARK = DescentException.class.getName() + ": ";

  private SparkFailures() {}

  /** Runs a Spark action; a task's DescentException comes out as itself, with its message. */
  static <T> T run(Supplier<T> action) {
    try {
      return action.get();
    } catch (DescentException e) {
      throw e;
    } catch (Exception e) {   // SparkException is checked, thrown through Scala
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof DescentException d) {
          throw new DescentException(d.getMessage());
        }
      }
      String text = String.valueOf(e.getMessage());
      int at = text.indexOf(MARK);
      if (at >= 0) {
        throw new DescentException(firstLine(text.substring(at + MARK.length())).replace("\\n\\tat ", "\n").split("\n")[0]);
      }
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("a Spark job failed: " + firstLine(text), e);
    }
  }

  /** The first line of a failure's message, without Spark's exception class names. */
  static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
  }

  static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
