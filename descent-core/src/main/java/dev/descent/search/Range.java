package dev.descent.search;

import dev.descent.io.Decimal;
import dev.descent.tensor.Rng;

/**
 * A numeric parameter, uniform on its {@link Scale} between {@code low} and {@code high}
 * (both included for integers). Samplers see it through the unit coordinate
 * {@code u = (warp(x) − warp(a)) / (warp(b) − warp(a))} in [0, 1], where [a, b] = [low, high]
 * for real values and [low − ½, high + ½] for integers, so that rounding gives every integer a
 * cell of the same width on the scale (for int-log, integers near low are likelier, as on a log
 * axis they should be).
 *
 * <pre>{@code
 * Range lr = new Range(Scale.LOG, false, 1e-4, 1e-1);
 * lr.fromUnit(0.5);   // 0.0031622776601683794, the geometric middle
 * lr.spec();          // "log:0.0001:0.1"
 * }</pre>
 */
public record Range(Scale scale, boolean integer, double low, double high) implements Distribution {

  public Range {
    if (scale == null) {
      throw new IllegalArgumentException("scale is null: must be LINEAR, LOG or ONE_MINUS_LOG");
    }
    if (!(Double.isFinite(low) && Double.isFinite(high))) {
      throw new IllegalArgumentException("range [" + low + ", " + high + "]: bounds must be finite");
    }
    // an integer range may hold a single value (coarse-to-fine can narrow it down to one)
    if (integer ? !(low <= high) : !(low < high)) {
      throw new IllegalArgumentException("range [" + low + ", " + high + "]: low must be below high");
    }
    if (integer && (low != Math.rint(low) || high != Math.rint(high) || Math.abs(high) > Integer.MAX_VALUE || Math.abs(low) > Integer.MAX_VALUE)) {
      throw new IllegalArgumentException("integer range [" + low + ", " + high + "]: bounds must be int values");
    }
    if (scale == Scale.LOG && !(integer ? low >= 1 : low > 0)) {
      throw new IllegalArgumentException("log range [" + low + ", " + high + "]: low must be " + (integer ? "at least 1" : "positive"));
    }
    if (scale == Scale.ONE_MINUS_LOG && (integer || !(low > 0 && high < 1))) {
      throw new IllegalArgumentException("one-minus-log range [" + low + ", " + high + "]: must be real values inside (0, 1)");
    }
  }

  @Override
  public Object sample(Rng rng) {
    return fromUnit(rng.nextDouble());
  }

  /** The value at unit coordinate {@code u} in [0, 1]: an {@code Integer} or a {@code Double} inside [low, high]. */
  public Object fromUnit(double u) {
    double y = warpedLow() + u * (warpedHigh() - warpedLow());
    double x = scale.unwarp(y);
    if (integer) {
      // clamped because u = 1 lands on high + ½, and exp/log round-off can step over a bound
      return (int) Math.max(low, Math.min(high, Math.round(x)));
    }
    return Math.max(low, Math.min(high, x));
  }

  /** The unit coordinate of {@code value} (a Number), 0 at the low end and 1 at the high end. */
  public double toUnit(Object value) {
    double x = ((Number) value).doubleValue();
    return (scale.warp(x) - warpedLow()) / (warpedHigh() - warpedLow());
  }

  /**
   * The sub-range between unit coordinates {@code from} and {@code to} (0 ≤ from ≤ to ≤ 1) of
   * this range; integers keep every value whose cell the interval touches.
   */
  public Range narrow(double from, double to) {
    double a = scale.unwarp(warpedLow() + from * (warpedHigh() - warpedLow()));
    double b = scale.unwarp(warpedLow() + to * (warpedHigh() - warpedLow()));
    if (integer) {
      // cells are [k − ½, k + ½): an end exactly on a cell edge does not pull in the next integer
      double lo = Math.max(low, Math.min(high, Math.floor(a + 0.5)));
      double hi = Math.max(lo, Math.min(high, Math.ceil(b - 0.5)));
      return new Range(scale, true, lo, hi);
    }
    return new Range(scale, false, Math.max(low, a), Math.min(high, b));
  }

  @Override
  public boolean contains(Object value) {
    if (integer ? !(value instanceof Integer) : !(value instanceof Double)) {
      return false;
    }
    double x = ((Number) value).doubleValue();
    return x >= low && x <= high;
  }

  /** The distribution's name in spec text: log, uniform, int, int-log or one-minus-log. */
  public String kind() {
    return switch (scale) {
      case LINEAR -> integer ? "int" : "uniform";
      case LOG -> integer ? "int-log" : "log";
      case ONE_MINUS_LOG -> "one-minus-log";
    };
  }

  @Override
  public String spec() {
    return kind() + ":" + Decimal.significant(low, 6) + ":" + Decimal.significant(high, 6);
  }

  @Override
  public String scaleName() {
    return scale.jsonName();
  }

  @Override
  public String toString() {
    return spec();
  }

  private double warpedLow() {
    return scale.warp(integer ? low - 0.5 : low);
  }

  private double warpedHigh() {
    return scale.warp(integer ? high + 0.5 : high);
  }
}
