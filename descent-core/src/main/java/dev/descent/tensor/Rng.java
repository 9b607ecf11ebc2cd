package dev.descent.tensor;

import java.nio.charset.StandardCharsets;

/**
 * A seeded random generator (SplitMix64) that forks into independent streams by name and
 * index, so that threads, trials and Spark tasks draw the same numbers in any order.
 *
 * <pre>{@code
 * Rng rng = new Rng(1);
 * Rng init = rng.fork("init", 0);   // same stream on every run with seed 1
 * }</pre>
 *
 * <p>Written here rather than taken from {@code java.util} so that a seed gives the same
 * numbers on every JDK (the JDK does not promise that for {@code SplittableRandom}'s Gaussian).
 */
public final class Rng {
  private final long seed;
  private long state;
  private double spareGaussian;
  private boolean hasSpare;

  public Rng(long seed) {
    this.seed = seed;
    this.state = seed;
  }

  public long seed() {
    return seed;
  }

  /** An independent generator derived from this one's seed, a name and an index. */
  public Rng fork(String name, long index) {
    long h = seed;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    return new Rng(mix(mix(h) ^ index));
  }

  public long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /**
   * Where the stream stands, for checkpoints: {@code new Rng(seed)} then {@link #setState} with
   * this value continues it exactly. A Gaussian kept back by the polar method is not part of it,
   * so this refuses while one is pending.
   */
  public long state() {
    if (hasSpare) {
      throw new IllegalStateException("rng state: a spare Gaussian is pending and would be lost; take the state between pairs of Gaussians");
    }
    return state;
  }

  /** Continues the stream from a {@link #state()}. */
  public void setState(long newState) {
    state = newState;
    hasSpare = false;
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound = " + bound + ": must be positive");
    }
    return (int) ((nextLong() >>> 33) % bound);
  }

  /** Standard normal, by the polar method. */
  public double nextGaussian() {
    if (hasSpare) {
      hasSpare = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double factor = Math.sqrt(-2 * Math.log(s) / s);
    spareGaussian = v * factor;
    hasSpare = true;
    return u * factor;
  }

  /** Fisher–Yates shuffle of {@code values} in place. */
  public void shuffle(int[] values) {
    shuffle(values, 0, values.length);
  }

  /** Fisher–Yates shuffle of {@code values[from..to)} in place (the same draws as a whole array of that length). */
  public void shuffle(int[] values, int from, int to) {
    for (int i = to - from - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = values[from + i];
      values[from + i] = values[from + j];
      values[from + j] = t;
    }
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
