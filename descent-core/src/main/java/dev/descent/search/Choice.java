package dev.descent.search;

import dev.descent.tensor.Rng;
import java.util.List;
import java.util.StringJoiner;

/**
 * A categorical parameter: each listed value equally likely. Values are {@code Integer},
 * {@code Long}, {@code Double} or {@code String}, as {@link Distribution#parse} typed them.
 *
 * <pre>{@code
 * Distribution.parse("choice:relu,tanh");   // Choice[relu, tanh]
 * Distribution.parse("choice:32,64,128");   // Choice[32, 64, 128] of Integers
 * }</pre>
 */
public record Choice(List<Object> values) implements Distribution {

  public Choice {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("choice: needs at least one value, e.g. choice:relu,tanh");
    }
    values = List.copyOf(values);
    for (int i = 0; i < values.size(); i++) {
      if (values.indexOf(values.get(i)) != i) {
        throw new IllegalArgumentException("choice value \"" + values.get(i) + "\" is given twice");
      }
    }
  }

  @Override
  public Object sample(Rng rng) {
    return values.get(rng.nextInt(values.size()));
  }

  @Override
  public boolean contains(Object value) {
    return values.contains(value);
  }

  /** The position of {@code value} in the list, or −1. */
  public int indexOf(Object value) {
    return values.indexOf(value);
  }

  @Override
  public String spec() {
    StringJoiner joined = new StringJoiner(",", "choice:", "");
    for (Object v : values) {
      joined.add(String.valueOf(v));
    }
    return joined.toString();
  }

  @Override
  public String scaleName() {
    return "categorical";
  }

  @Override
  public String toString() {
    return spec();
  }
}
