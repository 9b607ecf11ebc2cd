package dev.descent.cli;

import dev.descent.io.Decimal;
import dev.descent.nn.CostTerm;
import dev.descent.regularize.L1Penalty;
import dev.descent.regularize.L2Penalty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * What regularizes the network itself: L2 and L1 penalties on the weights and inverted dropout
 * after each hidden activation (the course's placement). {@code train} and {@code gradcheck}
 * share these options.
 */
public final class RegularizerOptions {
  static final String DROPOUT_EXAMPLE = "to drop 30% of units use --keep-prob 0.7 or --drop-rate 0.3";

  @Option(names = "--l2", paramLabel = "LAMBDA",
      description = "L2 regularization: adds λ/(2m)·Σ‖W‖² to the training cost (the course uses 0.7; default: none).")
  Double l2;

  @Option(names = "--l1", paramLabel = "LAMBDA",
      description = "L1 regularization: adds λ/(2m)·Σ|W| to the training cost (default: none).")
  Double l1;

  @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "Dropout, one of (keep probability = 1 − drop rate):%n")
  Dropout dropout;

  /** Dropout as a keep probability or as a drop rate (keep probability = 1 − drop rate): one of the two. */
  static final class Dropout {
    @Option(names = "--keep-prob", paramLabel = "P[,P...]", hideParamSyntax = true, split = ",", required = true,
        description = "Inverted dropout after each hidden activation: the probability of keeping a unit, one value for every "
            + "hidden layer or one per hidden layer, e.g. 0.86 or 1,0.8,0.8 (default: 1, no dropout).")
    List<Double> keepProb;

    @Option(names = "--drop-rate", paramLabel = "R[,R...]", hideParamSyntax = true, split = ",", required = true,
        description = "Dropout as Keras and PyTorch give it: the probability of dropping a unit, 1 − keep probability "
            + "(default: 0). Give --keep-prob or --drop-rate, not both.")
    List<Double> dropRate;
  }

  /** The penalties as cost terms: L2 first, then L1; empty when neither is given. */
  List<CostTerm> costTerms() {
    List<CostTerm> terms = new ArrayList<>();
    if (l2 != null) {
      terms.add(new L2Penalty(requireLambda("--l2", l2)));
    }
    if (l1 != null) {
      terms.add(new L1Penalty(requireLambda("--l1", l1)));
    }
    return terms;
  }

  private static double requireLambda(String option, double lambda) {
    if (!(lambda >= 0 && lambda < Double.POSITIVE_INFINITY)) {
      throw new UsageException(option + " " + Decimal.text(lambda) + ": λ must be a finite number ≥ 0 (0 turns the penalty off), e.g. "
          + option + " 0.7");
    }
    return lambda;
  }

  /** Whether any dropout option was given. */
  boolean hasDropout() {
    return dropout != null;
  }

  /** The keep probability after each hidden layer (1: no dropout there), checked against {@code hidden}. */
  double[] keepProbs(List<Integer> hidden) {
    double[] keep = new double[hidden.size()];
    Arrays.fill(keep, 1);
    if (dropout == null) {
      return keep;
    }
    List<Double> keepProb = dropout.keepProb;
    List<Double> given = keepProb != null ? keepProb : dropout.dropRate;
    String option = keepProb != null ? "--keep-prob" : "--drop-rate";
    if (given.size() != 1 && given.size() != hidden.size()) {
      throw new UsageException(option + " " + join(given) + ": gives " + given.size() + " values for " + hidden.size()
          + " hidden layers (--hidden " + NetworkOptions.join(hidden) + "); give one per hidden layer, or one for all");
    }
    for (int l = 0; l < keep.length; l++) {
      double v = given.get(given.size() == 1 ? 0 : l);
      keep[l] = keepProb != null ? checkKeep(v, given, l) : 1 - checkDrop(v, given, l);
    }
    return keep;
  }

  private static double checkKeep(double p, List<Double> given, int layer) {
    if (!(p > 0 && p <= 1)) {
      throw new UsageException("--keep-prob " + join(given) + (given.size() > 1 ? ": hidden layer " + (layer + 1) + " has "
          + Decimal.text(p) : "") + ": must be in (0, 1]; " + DROPOUT_EXAMPLE);
    }
    return p;
  }

  private static double checkDrop(double r, List<Double> given, int layer) {
    if (!(r >= 0 && r < 1)) {
      throw new UsageException("--drop-rate " + join(given) + (given.size() > 1 ? ": hidden layer " + (layer + 1) + " has "
          + Decimal.text(r) : "") + ": must be in [0, 1); " + DROPOUT_EXAMPLE);
    }
    return r;
  }

  /** Puts {@code l2}, {@code l1} and {@code keep_prob} (one per hidden layer) into a model's settings. */
  void putSettings(Map<String, Object> settings, double[] keep) {
    if (l2 != null) {
      settings.put("l2", l2);
    }
    if (l1 != null) {
      settings.put("l1", l1);
    }
    if (hasDropout()) {
      List<Double> list = new ArrayList<>();
      for (double k : keep) {
        list.add(k);
      }
      settings.put("keep_prob", list);
    }
  }

  /** E.g. "L2 λ 0.7, dropout keep 0.86 after hidden layers 1–2", or null when nothing regularizes. */
  String describe(double[] keep) {
    List<String> parts = new ArrayList<>();
    if (l2 != null) {
      parts.add("L2 λ " + Decimal.text(l2));
    }
    if (l1 != null) {
      parts.add("L1 λ " + Decimal.text(l1));
    }
    if (hasDropout()) {
      StringBuilder sb = new StringBuilder();
      for (double k : keep) {
        sb.append(sb.length() == 0 ? "" : ", ").append(Decimal.text(k));
      }
      parts.add("dropout keep probability " + sb + " (after each hidden activation)");
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  static String join(List<Double> values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append(sb.length() == 0 ? "" : ",").append(Decimal.text(v));
    }
    return sb.toString();
  }

}
