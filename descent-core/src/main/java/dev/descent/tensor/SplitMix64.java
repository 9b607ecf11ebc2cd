package dev.descent.tensor;

import java.nio.charset.StandardCharsets;

/**
 * Descent's generator: SplitMix64 (Steele, Lea and Flood 2014), with {@link #fork} deriving an
 * independent stream from the seed, a name and an index. Written here rather than taken from
 * {@code java.util} so that a seed gives the same numbers on every JDK (the JDK does not promise
 * that for {@code SplittableRandom}'s Gaussian). Made by {@link Rng#of}.
 */
public final class SplitMix64 extends Rng {
  private long state;
  private double spareGaussian;
  private boolean hasSpare;

  public SplitMix64(long seed) {
    super(seed);
    this.state = seed;
  }

  @Override
  public Rng fork(String name, long index) {
    long h = seed();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    return new SplitMix64(mix(mix(h) ^ index));
  }

  @Override
  public long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /**
   * {@inheritDoc} A Gaussian kept back by the polar method is not part of the state, so this
   * refuses while one is pending.
   */
  @Override
  public long state() {
    if (hasSpare) {
      throw new IllegalStateException("rng state: a spare Gaussian is pending and would be lost; take the state between pairs of Gaussians");
    }
    return state;
  }

  @Override
  public void setState(long newState) {
    state = newState;
    hasSpare = false;
  }

  @Override
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  @Override
  public int nextInt(int bound) {
    checkBound(bound);
    return (int) ((nextLong() >>> 33) % bound);
  }

  /** By the polar method. */
  @Override
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

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
