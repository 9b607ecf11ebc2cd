package dev.descent.run;

import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.optim.Optimizers;
import dev.descent.tensor.Precision;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a trial's params to {@link TrainingSettings}: converts each value (Integer, Long,
 * Double or String, as a search gives them) to the option's type and says which param and value
 * when it cannot. Messages read {@code keep-prob = 1.5: must be in (0, 1]; …}.
 */
final class Params {
  private Params() {}

  static TrainingSettings apply(TrainingSettings s, Map<String, Object> params) {
    Set<String> unknown = new TreeSet<>(params.keySet());
    unknown.removeAll(TrainingSettings.PARAMETERS);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown parameter \"" + unknown.iterator().next() + "\"; valid: " + valid());
    }
    NetworkSpec n = s.network();
    OptimizerSpec o = s.optimizer();
    List<Integer> hidden = n.hidden();
    Activation activation = n.activation();
    Init init = n.init();
    String optimizer = o.name();
    double lr = o.learningRate();
    Double beta = o.beta();
    double beta1 = o.beta1();
    double beta2 = o.beta2();
    double epsilon = o.epsilon();
    Double weightDecay = o.weightDecay();
    String schedule = o.schedule();
    int batchSize = s.batchSize();
    int epochs = s.epochs();
    double lambda = s.lambda();
    double keepProb = s.keepProb();
    for (String name : TrainingSettings.PARAMETERS) {
      Object v = params.get(name);
      if (v == null) {
        continue;
      }
      switch (name) {
        case "lr" -> lr = number(name, v);
        case "beta" -> beta = number(name, v);
        case "beta1" -> beta1 = number(name, v);
        case "beta2" -> beta2 = number(name, v);
        case "epsilon" -> epsilon = number(name, v);
        case "weight-decay" -> weightDecay = number(name, v);
        case "schedule" -> schedule = text(name, v);
        case "hidden" -> hidden = hidden(v);
        case "layers" -> hidden = layers(v, hidden);
        case "activation" -> activation = Activation.parse(text(name, v));
        case "init" -> init = Init.parse(text(name, v));
        case "batch-size" -> batchSize = v instanceof String t && t.equals("full") ? 0 : batchSize(v);
        case "epochs" -> epochs = integer(name, v);
        case "optimizer" -> optimizer = optimizer(v);
        case "l2" -> lambda = number(name, v);
        case "keep-prob" -> keepProb = number(name, v);
        default -> throw new AssertionError("parameter " + name + " is listed but not applied");
      }
    }
    // the optimizer's numbers (β, ε, weight decay…) are checked where they always are: OptimizerSpec
    return new TrainingSettings(new NetworkSpec(hidden, activation, init),
        new OptimizerSpec(optimizer, lr, beta, beta1, beta2, epsilon, weightDecay, schedule),
        batchSize, epochs, s.seed(), s.precision(), lambda, keepProb);
  }

  /** The valid names, sorted, for messages. */
  static String valid() {
    return String.join(", ", new TreeSet<>(TrainingSettings.PARAMETERS));
  }

  /** Throws "{@code name = value: rule}" unless {@code ok}. */
  static void check(String name, boolean ok, Object value, String rule) {
    if (!ok) {
      throw new IllegalArgumentException(name + " = " + value + ": " + rule);
    }
  }

  private static double number(String name, Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Double) {
      return ((Number) v).doubleValue();
    }
    throw new IllegalArgumentException(name + " = " + v + ": must be a number");
  }

  /** An integer batch size is at least 1: the whole set is the word {@code full}, not 0. */
  private static int batchSize(Object v) {
    int size = integer("batch-size", v);
    check("batch-size", size >= 1, v, "must be at least 1 (for the whole training set write full, e.g."
        + " batch-size=choice:32,64,full)");
    return size;
  }

  private static int integer(String name, Object v) {
    if (v instanceof Integer i) {
      return i;
    }
    throw new IllegalArgumentException(name + " = " + v + ": must be a whole number, e.g. " + name + "=int:1:4 or " + name + "=choice:32,64");
  }

  private static String text(String name, Object v) {
    if (v instanceof String t) {
      return t;
    }
    throw new IllegalArgumentException(name + " = " + v + ": must be a name, e.g. " + (name.equals("activation") ? "choice:relu,tanh" : "choice:he,xavier"));
  }

  private static String optimizer(Object v) {
    if (v instanceof String t && Optimizers.NAMES.contains(t)) {
      return t;
    }
    throw new IllegalArgumentException("optimizer = " + v + ": must be one of " + String.join(", ", Optimizers.NAMES));
  }

  /** An int (one layer) or text such as "20-7" or "20,7" (a layer each). */
  static List<Integer> hidden(Object v) {
    if (v instanceof Integer i) {
      check("hidden", i >= 1, i, "every hidden layer needs at least 1 unit");
      return List.of(i);
    }
    if (v instanceof String t && t.matches("\\d+([-,]\\d+)*")) {
      List<Integer> sizes = new ArrayList<>();
      for (String part : t.split("[-,]")) {
        int size;
        try {
          size = Integer.parseInt(part);
        } catch (NumberFormatException tooLarge) {
          size = -1;
        }
        check("hidden", size >= 1, t, "every hidden layer needs 1 to " + Integer.MAX_VALUE + " units");
        sizes.add(size);
      }
      return sizes;
    }
    throw new IllegalArgumentException("hidden = " + v
        + ": must be a width (one hidden layer, e.g. hidden=int-log:4:64) or sizes joined by '-' (e.g. hidden=choice:20-7,5-2,10)");
  }

  private static List<Integer> layers(Object v, List<Integer> hidden) {
    int count = integer("layers", v);
    check("layers", count >= 0, count, "must be 0 or more hidden layers");
    if (hidden.isEmpty() && count > 0) {
      throw new IllegalArgumentException("layers = " + count + ": no width to repeat; give hidden as well, e.g. --hidden 20 or --param hidden=int:4:64");
    }
    // hidden is applied first, so this is the trial's width, or else the base's first layer
    return Collections.nCopies(count, hidden.get(0));
  }

  /** F32 or F64 from "f32", "float32", "F32"…; for settings read back from JSON. */
  static Precision precision(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "f32", "float32" -> Precision.F32;
      case "f64", "float64" -> Precision.F64;
      default -> throw new IllegalArgumentException("precision = " + text + ": must be f32 or f64");
    };
  }
}
