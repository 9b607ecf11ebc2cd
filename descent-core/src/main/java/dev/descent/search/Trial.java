package dev.descent.search;

import dev.descent.tensor.Rng;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One model to train: plain data that can be shipped anywhere (a Spark task, a JSON line).
 * {@code params} maps names to {@code Integer}, {@code Long}, {@code Double} or {@code String};
 * {@code seed} seeds everything random in that training (initialisation, shuffles, dropout).
 *
 * <pre>{@code
 * Trial t = Trial.of(42, 3, Map.of("lr", 0.01));
 * t.seed() == Rng.of(42).fork("trial", 3).nextLong();   // true, on any thread or machine
 * }</pre>
 */
public record Trial(int id, Map<String, Object> params, long seed) {

  public Trial {
    if (id < 0) {
      throw new IllegalArgumentException("trial id " + id + ": must be 0 or more");
    }
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The trial {@code id} of the search seeded with {@code searchSeed}: its seed depends on those two only. */
  public static Trial of(long searchSeed, int id, Map<String, Object> params) {
    return new Trial(id, params, seedOf(searchSeed, id));
  }

  /** {@code Rng.of(searchSeed).fork("trial", id).nextLong()}. */
  public static long seedOf(long searchSeed, int id) {
    return Rng.of(searchSeed).fork("trial", id).nextLong();
  }
}
