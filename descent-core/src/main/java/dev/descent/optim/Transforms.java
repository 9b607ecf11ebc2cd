package dev.descent.optim;

import dev.descent.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The basic gradient transforms and their composition. */
public final class Transforms {
  private Transforms() {}

  /** Applies {@code stages} in order; the state is one child per stage. */
  public static GradientTransform chain(GradientTransform... stages) {
    List<GradientTransform> list = List.of(stages);
    return new GradientTransform() {
      @Override
      public State init(Parameters params) {
        List<State> states = new ArrayList<>();
        for (GradientTransform t : list) {
          states.add(t.init(params));
        }
        return State.chain(states);
      }

      @Override
      public void update(Parameters params, State state, Clock clock) {
        for (int i = 0; i < list.size(); i++) {
          list.get(i).update(params, state.child(i), clock);
        }
      }

      @Override
      public String describe() {
        return list.stream().map(GradientTransform::describe).collect(Collectors.joining(" → "));
      }
    };
  }

  /** {@code g ← −lr(t)·g}: the last stage of every optimizer, turning a direction into a step. */
  public static GradientTransform scaleByLearningRate(Schedule schedule) {
    return new GradientTransform() {
      @Override
      public State init(Parameters params) {
        return State.empty();
      }

      @Override
      public void update(Parameters params, State state, Clock clock) {
        double factor = -schedule.rate(clock);
        for (int i = 0; i < params.size(); i++) {
          scale(params.grad(i), factor);
        }
      }

      @Override
      public String describe() {
        return "scale_by_learning_rate(" + schedule + ")";
      }
    };
  }

  /**
   * {@code v ← β·v + (1−β)·g; g ← v}: the course's momentum direction, without bias correction
   * (PyTorch's SGD momentum drops the 1−β and so needs a learning rate 1/(1−β) smaller).
   */
  public static GradientTransform ewa(double beta) {
    Ewa.checkBeta(beta, "beta");
    return new GradientTransform() {
      @Override
      public State init(Parameters params) {
        return State.withSlots(params, "v");
      }

      @Override
      public void update(Parameters params, State state, Clock clock) {
        List<Matrix> v = state.slot("v");
        for (int i = 0; i < params.size(); i++) {
          Ewa.update(v.get(i), params.grad(i), beta);
          params.grad(i).copyFrom(v.get(i));
        }
      }

      @Override
      public String describe() {
        return "ewa(beta=" + beta + ")";
      }
    };
  }

  /** Multiplies every element of {@code m} by {@code factor}, in place. */
  static void scale(Matrix m, double factor) {
    for (int k = 0, n = m.size(); k < n; k++) {
      m.setFlat(k, m.getFlat(k) * factor);
    }
  }
}
