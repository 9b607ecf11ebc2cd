package dev.descent.run;

import dev.descent.data.Examples;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.nn.NetworkBuilder;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.List;

/**
 * The shape of a network: hidden layer sizes, their activation and the weight init. The output
 * layer and loss follow from the data: one sigmoid unit for two classes, a softmax over K ≥ 3
 * classes, linear units for regression.
 *
 * <pre>{@code
 * new NetworkSpec(List.of(5, 2), Activation.RELU, Init.he())   // the course's [2,5,2,1]
 * }</pre>
 */
public record NetworkSpec(List<Integer> hidden, Activation activation, Init init) {
  public NetworkSpec {
    if (activation == null || init == null) {
      throw new IllegalArgumentException("network: the activation and the init must be given");
    }
    hidden = List.copyOf(hidden);
    for (int i = 0; i < hidden.size(); i++) {
      if (hidden.get(i) < 1) {
        throw new IllegalArgumentException("--hidden: layer " + (i + 1) + " has size " + hidden.get(i)
            + "; every hidden layer needs at least 1 unit, e.g. --hidden 20,3");
      }
    }
  }

  /** hidden 20,7, relu, he: {@code descent train}'s network. */
  public static NetworkSpec defaults() {
    return new NetworkSpec(List.of(20, 7), Activation.RELU, Init.he());
  }

  /** The loss that fits the data's targets. */
  public static Loss lossFor(Examples data) {
    if (!data.isClassification()) {
      return Loss.MEAN_SQUARED_ERROR;
    }
    return data.classCount() == 2 ? Loss.BINARY_CROSS_ENTROPY : Loss.CATEGORICAL_CROSS_ENTROPY;
  }

  /** A builder with every hidden layer added, ready for extra layers or cost terms before the output. */
  public Network build(Examples data, Precision precision, Rng rng, LayerDecorator decorator) {
    requireFits(data.featureCount(), data.targetCount(), precision);
    NetworkBuilder b = Network.builder(data.featureCount(), precision, rng);
    for (int i = 0; i < hidden.size(); i++) {
      decorator.hidden(b, i + 1, hidden.get(i), init, activation);
    }
    b.dense(data.targetCount(), init).loss(lossFor(data));
    decorator.finish(b);
    return b.build();
  }

  /** Largest number of elements one matrix holds (a Java array's limit). */
  private static final long MATRIX_LIMIT = Integer.MAX_VALUE - 8;

  /**
   * Refuses, before anything is allocated, layers whose weight matrix would overflow an array
   * ({@code --hidden 65536,65536}) or whose parameters, with their gradients and an optimizer's
   * two moments (4 copies), would not fit the heap.
   */
  void requireFits(int inputs, int outputs, Precision precision) {
    long previous = inputs;
    long parameters = 0;
    List<Long> widths = new java.util.ArrayList<>();
    hidden.forEach(h -> widths.add((long) h));
    widths.add((long) outputs);
    for (int l = 0; l < widths.size(); l++) {
      long weights = previous * widths.get(l);   // each below 2³¹: no overflow of a long
      if (weights > MATRIX_LIMIT) {
        throw new IllegalArgumentException("--hidden " + hiddenText() + ": layer " + (l + 1) + " would have " + widths.get(l)
            + "×" + previous + " = " + weights + " weights; one matrix holds at most " + MATRIX_LIMIT + "; choose smaller layers");
      }
      parameters += weights + widths.get(l);
      previous = widths.get(l);
    }
    long bytes = parameters * 4 * (precision == Precision.F32 ? 4 : 8);
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes > heap) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "--hidden %s: the network has %d parameters,"
          + " about %d MB with their gradients and the optimizer's moments; the heap is %d MB; raise it with"
          + " JAVA_OPTS=-Xmx%dg or choose smaller layers", hiddenText(), parameters, bytes >> 20, heap >> 20,
          Math.max(1, (long) Math.ceil(bytes * 1.5 / (1L << 30)))));
    }
  }

  private String hiddenText() {
    StringBuilder sb = new StringBuilder();
    hidden.forEach(h -> sb.append(sb.length() == 0 ? "" : ",").append(h));
    return sb.toString();
  }

  /**
   * Adds hidden layer l (dense + activation by default); regularization and batch norm plug in
   * here (dropout after the activation, batch norm between dense and activation).
   */
  public interface LayerDecorator {
    default void hidden(NetworkBuilder b, int layer, int units, Init init, Activation activation) {
      b.dense(units, init).activation(activation);
    }

    default void finish(NetworkBuilder b) {}

    LayerDecorator PLAIN = new LayerDecorator() {};
  }
}
