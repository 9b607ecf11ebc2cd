package dev.descent.train;

import dev.descent.autodiff.Variable;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Layer;
import dev.descent.nn.Network;
import dev.descent.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-layer Frobenius norms of the weights and of the gradients after a backward pass, with a
 * warning when gradients vanish or explode. A layer's norms take all its parameters as one
 * vector ({@code ‖(W, b)‖_F}; the bias adds little). The warning reads the ratio of the first to
 * the last layer's gradient norm, which deep networks shrink or grow geometrically with depth:
 * below {@code vanishingRatio} (default 1e-3) the early layers hardly learn, above
 * {@code explodingRatio} (default 1e3) they blow up. Regardless of the ratio, a non-finite
 * gradient norm or one above {@code maxGradientNorm} (default 1e3) is reported as exploding.
 *
 * <pre>{@code
 * plan.step();
 * GradientNorms norms = GradientNorms.of(net);
 * norms.layers().get(0).gradientNorm();   // ‖(dW1, db1)‖_F
 * norms.warnings();                        // [] when healthy
 * }</pre>
 *
 * @param ratio the first layer's gradient norm over the last's (1 for a single layer, NaN when both are 0)
 */
public record GradientNorms(List<LayerNorms> layers, double ratio, List<String> warnings) {

  /** Layer {@code index} (1-based, counting the course's layers: a batch norm's γ and β belong to the layer before) and its norms. */
  public record LayerNorms(int index, List<String> parameters, double weightNorm, double gradientNorm) {
    public LayerNorms {
      parameters = List.copyOf(parameters);
    }

    String label() {
      return "layer " + index + " (" + String.join(", ", parameters) + ")";
    }
  }

  /** When to warn; see the class comment for the defaults. */
  public record Limits(double vanishingRatio, double explodingRatio, double maxGradientNorm) {
    public Limits {
      if (!(vanishingRatio > 0 && vanishingRatio < 1)) {
        throw new IllegalArgumentException("vanishingRatio = " + vanishingRatio + ": must be in (0, 1); the default is 1e-3");
      }
      if (!(explodingRatio > 1 && explodingRatio < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("explodingRatio = " + explodingRatio + ": must be a finite number > 1; the default is 1e3");
      }
      if (!(maxGradientNorm > 0 && maxGradientNorm < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("maxGradientNorm = " + maxGradientNorm + ": must be a finite number > 0; the default is 1e3");
      }
    }

    public static Limits defaults() {
      return new Limits(1e-3, 1e3, 1e3);
    }
  }

  public GradientNorms {
    layers = List.copyOf(layers);
    warnings = List.copyOf(warnings);
  }

  public static GradientNorms of(Network network) {
    return of(network, Limits.defaults());
  }

  /** The norms of {@code network}'s parameters and gradients as they are now (after a backward pass). */
  public static GradientNorms of(Network network, Limits limits) {
    List<LayerNorms> layers = new ArrayList<>();
    List<Variable> all = network.parameters();
    for (int[] group : layers(network)) {
      double weights = 0;
      double grads = 0;
      List<String> names = new ArrayList<>();
      for (int k : group) {
        Variable v = all.get(k);
        names.add(v.name());
        weights += v.value().squaredNorm();
        grads += squaredNorm(v.grad());
      }
      layers.add(new LayerNorms(layers.size() + 1, names, Math.sqrt(weights), Math.sqrt(grads)));
    }
    double first = layers.get(0).gradientNorm();
    double last = layers.get(layers.size() - 1).gradientNorm();
    double ratio = layers.size() == 1 ? 1 : first / last;
    return new GradientNorms(layers, ratio, warnings(layers, ratio, limits));
  }

  /**
   * The course's layers as indices into {@code network.parameters()}: each layer with parameters,
   * a batch norm's γ and β joined to the layer before it (layer l is W[l], γ[l], β[l], as in the
   * course; batch norm is a step inside a layer, not a layer of its own).
   */
  static List<int[]> layers(Network network) {
    List<int[]> groups = new ArrayList<>();
    int i = 0;
    for (Layer layer : network.layers()) {
      int n = layer.parameters().size();
      if (n == 0) {
        continue;
      }
      int[] indices = new int[n];
      for (int k = 0; k < n; k++) {
        indices[k] = i + k;
      }
      if (layer instanceof BatchNorm && !groups.isEmpty()) {
        int[] before = groups.remove(groups.size() - 1);
        int[] joined = java.util.Arrays.copyOf(before, before.length + n);
        System.arraycopy(indices, 0, joined, before.length, n);
        indices = joined;
      }
      groups.add(indices);
      i += n;
    }
    return groups;
  }

  private static double squaredNorm(Matrix grad) {
    return grad == null ? 0 : grad.squaredNorm();
  }

  private static List<String> warnings(List<LayerNorms> layers, double ratio, Limits limits) {
    List<String> out = new ArrayList<>();
    LayerNorms first = layers.get(0);
    LayerNorms last = layers.get(layers.size() - 1);
    boolean allZero = true;
    for (LayerNorms l : layers) {
      allZero &= l.gradientNorm() == 0;
      if (!Double.isFinite(l.gradientNorm()) || l.gradientNorm() > limits.maxGradientNorm()) {
        out.add(String.format(Locale.ROOT, "exploding gradients: %s has gradient norm %.3g, above %.0e; "
            + "lower the learning rate, clip gradients, or scale the initialization (He, Xavier)",
            l.label(), l.gradientNorm(), limits.maxGradientNorm()));
      }
    }
    if (allZero) {
      out.add("no gradient: every layer's gradient norm is 0; run a backward pass first, or look for dead ReLUs or a saturated output");
      return out;
    }
    if (ratio < limits.vanishingRatio()) {
      out.add(String.format(Locale.ROOT, "vanishing gradients: %s, below %.0e; use He initialization, ReLU rather "
          + "than sigmoid or tanh, batch norm, or fewer layers", between(ratio, first, last), limits.vanishingRatio()));
    } else if (ratio > limits.explodingRatio()) {
      out.add(String.format(Locale.ROOT, "exploding gradients: %s, above %.0e; scale the initialization (He, Xavier), "
          + "lower the learning rate, or clip gradients", between(ratio, first, last), limits.explodingRatio()));
    }
    return out;
  }

  /** Formatted only for a warning: String.format costs microseconds, and a healthy network has none. */
  private static String between(double ratio, LayerNorms first, LayerNorms last) {
    return String.format(Locale.ROOT, "the first layer's gradient norm over the last's is %.3g (%s: %.3g, %s: %.3g)",
        ratio, first.label(), first.gradientNorm(), last.label(), last.gradientNorm());
  }

  public boolean healthy() {
    return warnings.isEmpty();
  }

  /** One line per layer, then the warnings. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (LayerNorms l : layers) {
      sb.append(String.format(Locale.ROOT, "%-24s weight norm %-10.4g gradient norm %.4g%n", l.label(), l.weightNorm(), l.gradientNorm()));
    }
    sb.append(String.format(Locale.ROOT, "first / last gradient norm: %.3g%n", ratio));
    for (String w : warnings) {
      sb.append("warning: ").append(w).append('\n');
    }
    return sb.toString();
  }
}
