package dev.descent.search;

import dev.descent.tensor.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grid search, for comparison with random search (with few parameters that matter, a grid
 * tries few distinct values of each: the course's argument for random).
 *
 * <p>Each choice parameter takes all its values. Each range takes the k midpoints of k equal
 * cells on its own scale, {@code fromUnit((j + ½)/k)} (an integer range at most all its
 * integers; repeated integers are dropped), where k is the largest count such that the grid,
 * the Cartesian product, holds at most the round's trials. Trial i of the round takes grid point
 * {@code i mod size}, the last parameter varying fastest: a budget larger than the grid cycles
 * through it again (the same params with new seeds, which shows the training noise); a grid of
 * choices larger than the budget is truncated to its first points.
 *
 * <pre>{@code
 * // lr=log:1e-4:1e-1, 9 trials, 1 parameter: lr = 1.47e-4, 3.16e-4, …, 0.068 (9 points, evenly on log10)
 * }</pre>
 */
enum GridSampler implements Sampler {
  INSTANCE;

  @Override
  public Map<String, Object> propose(Round round, int id, List<TrialRecord> history, List<Map<String, Object>> pending, Rng rng) {
    List<String> names = new ArrayList<>(round.space().parameters().keySet());
    List<List<Object>> axes = axes(round.space(), round.trials());
    long size = 1;
    for (List<Object> axis : axes) {
      size *= axis.size();
    }
    long index = round.indexOf(id) % size;
    Map<String, Object> point = new LinkedHashMap<>();
    Object[] values = new Object[names.size()];
    for (int p = names.size() - 1; p >= 0; p--) {
      List<Object> axis = axes.get(p);
      values[p] = axis.get((int) (index % axis.size()));
      index /= axis.size();
    }
    for (int p = 0; p < names.size(); p++) {
      point.put(names.get(p), values[p]);
    }
    return point;
  }

  /** The values each parameter takes, for a grid of at most {@code budget} points (when choices allow). */
  static List<List<Object>> axes(Space space, int budget) {
    int k = 1;
    while (k < budget && size(space, k + 1) <= budget && size(space, k + 1) > size(space, k)) {
      k++;
    }
    List<List<Object>> axes = new ArrayList<>();
    for (Distribution d : space.parameters().values()) {
      axes.add(axis(d, k));
    }
    return axes;
  }

  private static long size(Space space, int k) {
    long size = 1;
    for (Distribution d : space.parameters().values()) {
      size *= axis(d, k).size();
    }
    return size;
  }

  private static List<Object> axis(Distribution d, int k) {
    if (d instanceof Choice c) {
      return c.values();
    }
    Range r = (Range) d;
    Set<Object> points = new LinkedHashSet<>();
    for (int j = 0; j < k; j++) {
      points.add(r.fromUnit((j + 0.5) / k));
    }
    return new ArrayList<>(points);
  }

  @Override
  public String spec() {
    return "grid";
  }
}
