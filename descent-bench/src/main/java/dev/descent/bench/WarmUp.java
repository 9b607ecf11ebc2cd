package dev.descent.bench;

/**
 * Untimed calls before a suite's timed ones, repeated for a while rather than a fixed number of
 * times: a fixed count was not enough once the workloads got fast (a 5 ms gradient check was
 * still being compiled 25 checks in, and one warm-up run left the first timed GD run 50 % slow).
 */
final class WarmUp {
  /** How long warm-up lasts at least, unless --quick. */
  static final double SECONDS = 1.5;

  private WarmUp() {}

  /** Runs {@code call} at least {@code atLeast} times and, unless {@code quick}, for {@value #SECONDS} s; returns the count. */
  static int repeat(Runnable call, int atLeast, boolean quick) {
    long until = System.nanoTime() + (quick ? 0 : (long) (SECONDS * 1e9));
    int calls = 0;
    while (calls < atLeast || System.nanoTime() < until) {
      call.run();
      calls++;
    }
    return calls;
  }
}
