package dev.descent.check;

import java.util.List;
import java.util.Locale;

/**
 * The result of a full {@link GradientCheck}: the overall relative difference over every
 * parameter entry, its {@link Verdict}, and the parameters ranked worst first, each with its own
 * difference and worst entry. {@code dropoutDisabled} says that dropout layers were switched off
 * for the check (a network's check does that itself).
 *
 * <pre>{@code
 * report.verdict();                 // BUG
 * report.ranking().get(0).name();   // "W2"
 * System.out.println(report.text());
 * }</pre>
 */
public record GradientCheckReport(double epsilon, double difference, Verdict verdict, boolean dropoutDisabled,
    int entries, List<ParameterDifference> ranking) {

  public GradientCheckReport {
    ranking = List.copyOf(ranking);
  }

  /** The parameter named {@code name}. */
  public ParameterDifference parameter(String name) {
    for (ParameterDifference p : ranking) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no parameter '" + name + "' in this check; it has " + names());
  }

  /** The numerical gradient of every parameter, concatenated in the checked order (W1, b1, W2, …). */
  public double[] numericalGradient() {
    return concatenate(true);
  }

  /** The analytic gradient (after any corruption), concatenated in the checked order. */
  public double[] analyticGradient() {
    return concatenate(false);
  }

  private double[] concatenate(boolean numerical) {
    ParameterDifference[] ordered = new ParameterDifference[ranking.size()];
    for (ParameterDifference p : ranking) {
      ordered[p.index()] = p;
    }
    double[] out = new double[entries];
    int at = 0;
    for (ParameterDifference p : ordered) {
      double[] g = numerical ? p.numerical() : p.analytic();
      System.arraycopy(g, 0, out, at, g.length);
      at += g.length;
    }
    return out;
  }

  private String names() {
    StringBuilder sb = new StringBuilder();
    for (ParameterDifference p : ranking) {
      sb.append(sb.length() == 0 ? "" : ", ").append(p.name());
    }
    return sb.toString();
  }

  /** A table for people: the verdict, then one line per parameter, worst first. */
  public String text() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
        "gradient check: difference %.3e → %s (ok < %.0e ≤ check < %.0e ≤ bug); %d entries, ε = %.0e%s%n%s%n",
        difference, verdict.label(), Verdict.OK_BELOW, Verdict.BUG_FROM, entries, epsilon,
        dropoutDisabled ? ", dropout switched off" : "", verdict.advice()));
    // NOTE: three spaces between columns, the same widths in the header and the rows (the header's
    // verdict was a column narrower, and "verdict worst entry" read as one heading)
    sb.append(String.format(Locale.ROOT, "%-10s   %-8s   %-10s   %-7s   %-11s   %-14s   %s%n",
        "parameter", "shape", "difference", "verdict", "worst entry", "analytic", "numerical"));
    for (ParameterDifference p : ranking) {
      ParameterDifference.Entry w = p.worst();
      sb.append(String.format(Locale.ROOT, "%-10s   %-8s   %-10.3e   %-7s   %-11s   %-14.6e   %.6e%n",
          p.name(), p.shape(), p.difference(), p.verdict().label(), "[" + w.row() + ", " + w.col() + "]",
          w.analytic(), w.numerical()));
    }
    return sb.toString();
  }
}
