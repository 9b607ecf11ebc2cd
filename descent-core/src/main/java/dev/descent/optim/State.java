package dev.descent.optim;

import dev.descent.tensor.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The moments of a transform (e.g. Adam's v and s, one matrix per parameter), the few numbers
 * that belong to no parameter (a schedule's current rate), and the states of a chain's stages.
 * It flattens to named matrices for checkpoints and restores from them, in place.
 *
 * <pre>{@code
 * Map<String, Matrix> saved = optimizer.state().flatten(optimizer.parameters());
 * // keys such as 0/v/W1, 0/s/b2, 2/plateau/rate
 * }</pre>
 */
public final class State {
  private final Map<String, List<Matrix>> slots = new LinkedHashMap<>();
  private final Map<String, Matrix> values = new LinkedHashMap<>();
  private final List<State> children = new ArrayList<>();

  public static State empty() {
    return new State();
  }

  /** A state with one zero matrix per parameter under {@code name} (e.g. "v"). */
  public static State withSlots(Parameters params, String... names) {
    State s = new State();
    for (String name : names) {
      List<Matrix> list = new ArrayList<>();
      for (int i = 0; i < params.size(); i++) {
        list.add(params.value(i).zerosLike());
      }
      s.slots.put(name, List.copyOf(list));
    }
    return s;
  }

  /** A state holding {@code values}, kept, not copied: whoever owns them reads the restored numbers. */
  public static State withValues(Map<String, Matrix> values) {
    State s = new State();
    s.values.putAll(values);
    return s;
  }

  public static State chain(List<State> children) {
    State s = new State();
    s.children.addAll(children);
    return s;
  }

  /** The matrices of slot {@code name}, one per parameter. */
  public List<Matrix> slot(String name) {
    List<Matrix> list = slots.get(name);
    if (list == null) {
      throw new IllegalStateException("optimizer state has no slot '" + name + "'; was init() called with this transform?");
    }
    return list;
  }

  /** The matrix stored under {@code name} by {@link #withValues}. */
  public Matrix value(String name) {
    Matrix m = values.get(name);
    if (m == null) {
      throw new IllegalStateException("optimizer state has no value '" + name + "'; was init() called with this transform?");
    }
    return m;
  }

  public State child(int i) {
    return children.get(i);
  }

  /** Every matrix under a path such as {@code 0/v/W1}, for checkpoints. */
  public Map<String, Matrix> flatten(Parameters params) {
    Map<String, Matrix> out = new LinkedHashMap<>();
    flatten("", params, out);
    return out;
  }

  private void flatten(String prefix, Parameters params, Map<String, Matrix> out) {
    slots.forEach((name, list) -> {
      for (int i = 0; i < list.size(); i++) {
        out.put(prefix + name + "/" + params.name(i), list.get(i));
      }
    });
    values.forEach((name, m) -> out.put(prefix + name, m));
    for (int c = 0; c < children.size(); c++) {
      children.get(c).flatten(prefix + c + "/", params, out);
    }
  }

  /** Copies saved matrices back; every slot must be present with its shape. */
  public void restore(Parameters params, Map<String, Matrix> saved) {
    flatten(params).forEach((path, m) -> {
      Matrix s = saved.get(path);
      if (s == null) {
        throw new IllegalArgumentException("checkpoint lacks optimizer state '" + path + "'");
      }
      if (!s.sameShape(m)) {
        throw new IllegalArgumentException("optimizer state '" + path + "' is " + s.shape() + " in the checkpoint, expected " + m.shape());
      }
      m.copyFrom(s);
    });
  }
}
