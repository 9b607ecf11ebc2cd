package dev.descent.search;

/**
 * How one parameter's box changed between rounds: old and new spec, and the new width as a
 * fraction of the old on the parameter's own scale (kept values over old values for a choice).
 *
 * <pre>{@code
 * lr: log:1e-5:1 → log:0.000562:0.0178 (30% of the width)
 * }</pre>
 */
public record BoxChange(String param, String from, String to, double fraction) {

  static BoxChange of(String param, Distribution from, Distribution to) {
    double fraction;
    if (from instanceof Range a && to instanceof Range b) {
      double lo = a.integer() ? b.low() - 0.5 : b.low();
      double hi = a.integer() ? b.high() + 0.5 : b.high();
      fraction = a.toUnit(hi) - a.toUnit(lo);
    } else {
      fraction = (double) ((Choice) to).values().size() / ((Choice) from).values().size();
    }
    return new BoxChange(param, from.spec(), to.spec(), fraction);
  }

  @Override
  public String toString() {
    return param + ": " + from + " → " + to + " (" + Math.round(100 * fraction) + "% of the width)";
  }
}
