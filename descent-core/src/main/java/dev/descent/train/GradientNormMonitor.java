package dev.descent.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records {@link GradientNorms} after every epoch: each layer's weight norm and gradient norm,
 * and the vanishing/exploding warnings. The gradient is that of the data cost on a fixed probe
 * batch, the first {@code min(m, 256)} training examples, in inference mode (no dropout, no
 * L2/L1 term, batch norm on its running statistics), computed once per epoch by one extra
 * forward and backward pass. Why not the last mini-batch's gradients: the optimizer rewrites
 * them into its steps in place, so after an update they are steps, not gradients. The probe
 * draws no random numbers and changes no state, so monitoring does not change the run.
 *
 * <p>The first epoch a kind of warning (vanishing, exploding, no gradient) appears, its text
 * goes to the {@code warnings} consumer (e.g. stderr); later epochs are only counted.
 *
 * <pre>{@code
 * GradientNormMonitor norms = new GradientNormMonitor(GradientNorms.Limits.defaults(), err::println);
 * trainer.fit(train, dev, List.of(norms));
 * norms.gradientNorms(0);   // layer 1's gradient norm per epoch
 * }</pre>
 *
 * <p>Nothing runs per step; per epoch it reuses one cached plan and its arrays.
 */
public final class GradientNormMonitor implements Callback {
  /** The probe batch holds at most this many training examples. */
  public static final int PROBE_EXAMPLES = 256;

  private final GradientNorms.Limits limits;
  private final Consumer<String> warnings;
  private final Map<String, Integer> firstEpoch = new LinkedHashMap<>();
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final List<String> firstWarnings = new ArrayList<>();
  private double[][] gradient;
  private double[][] weight;
  private List<String> labels;
  private int epochs;
  private GradientProbe probe;
  private GradientNorms last;

  public GradientNormMonitor(GradientNorms.Limits limits, Consumer<String> warnings) {
    this.limits = limits;
    this.warnings = warnings;
  }

  @Override
  public void onStart(TrainingContext context) {
    int capacity = Math.min(context.config().epochs(), 1 << 12);   // grows as epochs come
    probe = new GradientProbe(limits);
    GradientNorms initial = probe.measure(context);
    labels = new ArrayList<>();
    for (GradientNorms.LayerNorms l : initial.layers()) {
      labels.add(l.label());
    }
    gradient = new double[labels.size()][capacity];
    weight = new double[labels.size()][capacity];
    epochs = 0;
  }

  @Override
  public boolean onEpochEnd(EpochResult result, TrainingContext context) {
    GradientNorms norms = probe.measure(context);
    if (epochs == gradient[0].length) {
      for (int l = 0; l < labels.size(); l++) {
        gradient[l] = java.util.Arrays.copyOf(gradient[l], 2 * epochs);
        weight[l] = java.util.Arrays.copyOf(weight[l], 2 * epochs);
      }
    }
    for (int l = 0; l < labels.size(); l++) {
      gradient[l][epochs] = norms.layers().get(l).gradientNorm();
      weight[l][epochs] = norms.layers().get(l).weightNorm();
    }
    epochs++;
    for (String w : norms.warnings()) {
      String kind = kind(w);
      counts.merge(kind, 1, Integer::sum);
      if (!firstEpoch.containsKey(kind)) {
        firstEpoch.put(kind, result.epoch());
        String line = String.format(Locale.ROOT, "epoch %d: %s", result.epoch() + 1, w);
        firstWarnings.add(line);
        warnings.accept(line);
      }
    }
    last = norms;
    return false;
  }

  /** "vanishing gradients", "exploding gradients" or "no gradient": the text before the first colon. */
  static String kind(String warning) {
    int colon = warning.indexOf(':');
    return colon < 0 ? warning : warning.substring(0, colon);
  }

  /** Epochs recorded. */
  public int epochs() {
    return epochs;
  }

  /** E.g. "layer 1 (W1, b1)" or "layer 1 (W1, gamma1, beta1)", one per course layer. */
  public List<String> layerLabels() {
    return List.copyOf(labels);
  }

  /** Layer {@code layer}'s (0-based) gradient norm per epoch. */
  public double[] gradientNorms(int layer) {
    return java.util.Arrays.copyOf(gradient[layer], epochs);
  }

  /** Layer {@code layer}'s (0-based) weight norm per epoch. */
  public double[] weightNorms(int layer) {
    return java.util.Arrays.copyOf(weight[layer], epochs);
  }

  /** The norms after the last epoch, or null before any. */
  public GradientNorms last() {
    return last;
  }

  /** The first warning of each kind, prefixed with its epoch (from 1). */
  public List<String> firstWarnings() {
    return List.copyOf(firstWarnings);
  }

  /** For each kind of warning, the number of epochs that had it. */
  public Map<String, Integer> warningCounts() {
    return Map.copyOf(counts);
  }
}
