package dev.descent.tensor;


/**
 * numpy's legacy global generator ({@code np.random.seed}, {@code rand}, {@code randn},
 * {@code permutation}), bit for bit: MT19937 seeded by {@code init_genrand}, doubles of 53 bits
 * from two 32-bit words ({@code (a>>5)·2²⁶ + (b>>6)} over 2⁵³), Gaussians by the polar method
 * returning {@code f·x2} and keeping {@code f·x1} for the next call, and bounded integers by
 * masked rejection of 32-bit words ({@code random_interval}), which the inherited
 * {@link #shuffle} turns into numpy's legacy {@code shuffle}: {@code permutation(n)} is
 * {@code shuffle} of {@code 0 … n−1}. Tested against numpy's own output
 * (descent-core/src/test/resources/numpy-rng/, written by numpy_rng_fixtures.py).
 *
 * <p>NOTE: the polar method takes a logarithm, and numpy takes the C library's: glibc's {@code
 * log} is within 0.52 ulp but not correctly rounded, and {@code Math.log} differs from it in about
 * one Gaussian in a few hundred (by an ulp). So this calls the same C function through JNA
 * ({@link CLog}); where the C library cannot be loaded, {@link #logSource()} says so and {@code
 * Math.log} is used.
 *
 * <p>NOTE: numpy's legacy functions draw from one global state, so {@link #fork} returns this
 * generator itself: the layers of a network draw W1, W2, W3 one after another, as the notebooks
 * do. Not for parallel use; and its 624-word state is no single number, so a checkpoint needs
 * {@link SplitMix64}.
 *
 * <pre>{@code
 * Rng rng = Rng.numpy(3);
 * rng.nextGaussian();   // 1.7886284734303186 (np.random.seed(3); np.random.randn())
 * }</pre>
 */
public final class NumpyRandomState extends Rng {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] key = new int[N];
  private int pos;
  private double gauss;
  private boolean hasGauss;

  /** As {@code np.random.seed(seed)}; seed in [0, 2³²), as numpy accepts. */
  public NumpyRandomState(long seed) {
    super(seed);
    if (seed < 0 || seed > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("numpy seed = " + seed + ": must be between 0 and 2^32 - 1, as np.random.seed accepts");
    }
    int s = (int) seed;
    for (int i = 0; i < N; i++) {
      key[i] = s;
      s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
    }
    pos = N;
  }

  /** numpy's legacy functions share one global state: this generator itself. */
  @Override
  public Rng fork(String name, long index) {
    return this;
  }

  /** One tempered 32-bit word, unsigned in an int. */
  public int nextInt32() {
    if (pos == N) {
      generate();
    }
    int y = key[pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9D2C5680;
    y ^= (y << 15) & 0xEFC60000;
    return y ^ (y >>> 18);
  }

  private void generate() {
    for (int i = 0; i < N; i++) {
      int y = (key[i] & 0x80000000) | (key[(i + 1) % N] & 0x7FFFFFFF);
      key[i] = key[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : 0x9908B0DF);
    }
    pos = 0;
  }

  /** As numpy's {@code next64}: the first word high, the second low. */
  @Override
  public long nextLong() {
    long hi = nextInt32() & 0xFFFF_FFFFL;
    return hi << 32 | (nextInt32() & 0xFFFF_FFFFL);
  }

  /** As {@code np.random.rand()}. */
  @Override
  public double nextDouble() {
    int a = nextInt32() >>> 5;
    int b = nextInt32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }

  /** As numpy's legacy {@code random_interval(bound − 1)}: the smallest mask ≥ bound − 1, words drawn until one fits. */
  @Override
  public int nextInt(int bound) {
    checkBound(bound);
    int max = bound - 1;
    if (max == 0) {
      return 0;
    }
    int mask = -1 >>> Integer.numberOfLeadingZeros(max);
    int value;
    do {
      value = nextInt32() & mask;
    } while (value > max);
    return value;
  }

  /** As {@code np.random.randn()}: the polar method, the second value of a pair kept for the next call. */
  @Override
  public double nextGaussian() {
    if (hasGauss) {
      hasGauss = false;
      return gauss;
    }
    double x1;
    double x2;
    double r2;
    do {
      x1 = 2.0 * nextDouble() - 1.0;
      x2 = 2.0 * nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = Math.sqrt(-2.0 * CLog.log(r2) / r2);
    gauss = f * x1;
    hasGauss = true;
    return f * x2;
  }

  /** Whose logarithm the Gaussians use: the C library's, as numpy, or {@code Math.log} and why. */
  public static String logSource() {
    return CLog.source();
  }

  @Override
  public long state() {
    throw new IllegalStateException("the numpy generator's state is 624 words, not one number; "
        + "checkpoints need Descent's generator (Rng.of, --rng descent)");
  }

  @Override
  public void setState(long newState) {
    state();
  }
}
