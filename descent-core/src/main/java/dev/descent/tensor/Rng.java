package dev.descent.tensor;

import java.util.Locale;

/**
 * A seeded random generator. Two implementations: {@link SplitMix64}, Descent's own (the default,
 * {@link #of}), which forks into independent streams by name and index so that threads, trials
 * and Spark tasks draw the same numbers in any order; and {@link NumpyRandomState}
 * ({@link #numpy}), numpy's legacy global generator bit for bit, so that the course's notebooks
 * can be replayed to the last digit.
 *
 * <pre>{@code
 * Rng rng = Rng.of(1);
 * Rng init = rng.fork("init", 0);        // same stream on every run with seed 1
 * Rng.numpy(3).nextGaussian();           // 1.7886284734303186, as np.random.seed(3); np.random.randn()
 * }</pre>
 */
public abstract class Rng {
  private final long seed;

  protected Rng(long seed) {
    this.seed = seed;
  }

  /** Descent's generator (SplitMix64) seeded with {@code seed}. */
  public static Rng of(long seed) {
    return new SplitMix64(seed);
  }

  /** numpy's legacy generator as {@code np.random.seed(seed)} leaves it; seed in [0, 2³²). */
  public static Rng numpy(long seed) {
    return new NumpyRandomState(seed);
  }

  public long seed() {
    return seed;
  }

  /** An independent generator derived from this one's seed, a name and an index. */
  public abstract Rng fork(String name, long index);

  /** 64 random bits. */
  public abstract long nextLong();

  /** Uniform in [0, 1), a multiple of 2⁻⁵³. */
  public abstract double nextDouble();

  /** Uniform in [0, bound). */
  public abstract int nextInt(int bound);

  /** Standard normal. */
  public abstract double nextGaussian();

  /**
   * Where the stream stands, for checkpoints: a generator of the same kind and seed continues it
   * exactly after {@link #setState} with this value.
   */
  public abstract long state();

  /** Continues the stream from a {@link #state()}. */
  public abstract void setState(long newState);

  /** Fisher–Yates shuffle of {@code values} in place. */
  public void shuffle(int[] values) {
    shuffle(values, 0, values.length);
  }

  /**
   * Fisher–Yates shuffle of {@code values[from..to)} in place (the same draws as a whole array of
   * that length): from the last position down, each swapped with one drawn from {@code [0, i]},
   * the order numpy's legacy {@code shuffle} and {@code permutation} use.
   */
  public void shuffle(int[] values, int from, int to) {
    for (int i = to - from - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = values[from + i];
      values[from + i] = values[from + j];
      values[from + j] = t;
    }
  }

  static void checkBound(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound = " + bound + ": must be positive");
    }
  }

  /** Which generator: {@code descent} (SplitMix64) or {@code numpy} (legacy MT19937), as {@code --rng} names them. */
  public enum Kind {
    DESCENT, NUMPY;

    /** A generator of this kind seeded with {@code seed}. */
    public Rng seeded(long seed) {
      return this == DESCENT ? of(seed) : numpy(seed);
    }

    /** {@code descent} or {@code numpy}; anything else is an error naming both. */
    public static Kind parse(String text) {
      for (Kind k : values()) {
        if (k.toString().equals(text)) {
          return k;
        }
      }
      throw new IllegalArgumentException("--rng " + text + ": expected numpy (the course's generator, numpy's legacy "
          + "MT19937) or descent (Descent's SplitMix64)");
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
