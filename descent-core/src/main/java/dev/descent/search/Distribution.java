package dev.descent.search;

import dev.descent.tensor.Rng;

/**
 * How one hyper-parameter is drawn: a numeric {@link Range} on its own {@link Scale}, or a
 * {@link Choice} among listed values. Written as the CLI's spec text:
 *
 * <pre>
 * log:LOW:HIGH            log-uniform, e.g. lr=log:1e-4:1e-1 (each decade equally likely)
 * uniform:LOW:HIGH        uniform, e.g. keep-prob=uniform:0.5:1
 * int:LOW:HIGH            uniform integers, both ends included, e.g. layers=int:1:4
 * int-log:LOW:HIGH        integers, log-uniform, e.g. hidden=int-log:16:512
 * one-minus-log:LOW:HIGH  β such that 1 − β is log-uniform in [1 − HIGH, 1 − LOW], e.g. beta=one-minus-log:0.9:0.999
 * choice:A,B,C            one of the values, e.g. activation=choice:relu,tanh; batch-size=choice:32,64,128
 * </pre>
 *
 * <p>Sampled values are {@code Integer} for int kinds, {@code Double} for the other ranges, and
 * for a choice the value as written, typed: {@code Integer}, {@code Long} or {@code Double} when
 * it reads as a number, else {@code String}: the same types JSON gives back, so params survive a
 * journal round trip unchanged.
 */
public sealed interface Distribution permits Range, Choice {

  /** The valid distribution names, in the order error messages list them. */
  String KINDS = "log, uniform, int, int-log, one-minus-log, choice";

  /** Parses spec text such as {@code log:1e-4:1e-1}; the message of a bad spec names the problem only (the caller adds where). */
  static Distribution parse(String spec) {
    return DistributionParser.parse(spec);
  }

  /** One value, drawn uniformly on this distribution's scale. */
  Object sample(Rng rng);

  /** True when {@code value} could have been sampled from this distribution (same type, inside the range). */
  boolean contains(Object value);

  /** The spec text that parses back to this distribution, e.g. {@code log:0.0001:0.1}. */
  String spec();

  /** The axis for plots: "linear", "log", "one-minus-log" or "categorical". */
  String scaleName();
}
