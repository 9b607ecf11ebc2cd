package dev.descent.regularize;

import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.nn.BuildContext;
import dev.descent.nn.Layer;
import dev.descent.nn.LayerSpec;
import dev.descent.nn.Mode;
import dev.descent.nn.Stochastic;
import java.util.List;
import java.util.Map;

/**
 * Inverted dropout as a layer: in {@link Mode#TRAIN} it records an {@link InvertedDropout} op,
 * {@code A ⊙ D / keepProb} with a fresh Bernoulli(keepProb) mask D on every forward pass, drawn
 * from the plan's seeded generator; in {@link Mode#INFER} it records nothing (the identity), and
 * so it does at keepProb 1. Place it after a hidden activation.
 *
 * <pre>{@code
 * Network.builder(2, Precision.F32, Rng.of(3))
 *     .dense(20, Init.he()).activation(Activation.RELU).layer(Dropout.keep(0.86))
 *     .dense(1, Init.he()).loss(Loss.BINARY_CROSS_ENTROPY).build();
 * Dropout.drop(0.14).keepProb();   // 0.86
 * }</pre>
 */
public final class Dropout implements Stochastic {
  private final double keepProb;
  private final MaskSource masks;

  private Dropout(double keepProb, MaskSource masks) {
    if (!(keepProb > 0 && keepProb <= 1)) {
      throw new IllegalArgumentException("keepProb = " + keepProb + ": must be in (0, 1]; it is the probability of"
          + " keeping a unit, e.g. Dropout.keep(0.86) or Dropout.drop(0.14) drops 14% of the units");
    }
    this.keepProb = keepProb;
    this.masks = masks;
  }

  /** Keeps each unit with probability {@code keepProb} in (0, 1]; 1 means no dropout. */
  public static Dropout keep(double keepProb) {
    return new Dropout(keepProb, MaskSource.bernoulli());
  }

  /** Drops each unit with probability {@code dropRate} in [0, 1): {@code keep(1 − dropRate)}. */
  public static Dropout drop(double dropRate) {
    if (!(dropRate >= 0 && dropRate < 1)) {
      throw new IllegalArgumentException("dropRate = " + dropRate + ": must be in [0, 1); it is the probability of"
          + " dropping a unit, e.g. Dropout.drop(0.14) or Dropout.keep(0.86) keeps 86% of the units");
    }
    return new Dropout(1 - dropRate, MaskSource.bernoulli());
  }

  /** The same dropout with masks from {@code source}, e.g. {@link MaskSource#fixed} in tests. */
  public Dropout withMasks(MaskSource source) {
    return new Dropout(keepProb, source);
  }

  public double keepProb() {
    return keepProb;
  }

  @Override
  public Variable apply(Tape tape, Variable input, BuildContext context) {
    if (context.mode() == Mode.INFER || keepProb == 1) {
      return input;
    }
    return tape.record(new InvertedDropout(input, keepProb, masks, context.rng()));
  }

  /** The identity ({@code keep(1)}); itself when keepProb is already 1. */
  @Override
  public Layer deterministic() {
    return keepProb == 1 ? this : keep(1);
  }

  @Override
  public List<Variable> parameters() {
    return List.of();
  }

  @Override
  public int outputSize(int inputs) {
    return inputs;
  }

  @Override
  public LayerSpec spec() {
    return new LayerSpec("dropout", Map.of("keep_prob", keepProb));
  }

  @Override
  public String toString() {
    return "dropout(keepProb=" + keepProb + ")";
  }
}
