package dev.descent.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Coarse-to-fine search: after each of {@code rounds − 1} rounds, the next round samples inside
 * the box around the round's best trials. The top {@code ⌈topFraction·n⌉} of the n complete
 * trials span, on each range's own scale (log for log ranges, 1 − β log for one-minus-log), the
 * interval [min u, max u] of unit coordinates; the new box widens it by {@code margin} times the
 * old width on each side, within the old box. A choice keeps the values the top trials used.
 * Defaults: top 25%, margin 0.1; {@link #off()} is a single round.
 *
 * <pre>{@code
 * CoarseToFine.of(3);   // 3 rounds, each in the box around the previous round's top 25%
 * // round 1 → 2: lr: log:1e-5:1 → log:0.000562:0.0178 (30% of the width on its scale)
 * }</pre>
 */
public record CoarseToFine(int rounds, double topFraction, double margin) {

  public CoarseToFine {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds = " + rounds + ": must be at least 1");
    }
    if (!(topFraction > 0 && topFraction <= 1)) {
      throw new IllegalArgumentException("top fraction = " + topFraction + ": must be in (0, 1], e.g. 0.25 for the top quarter");
    }
    if (!(margin > 0 && margin <= 1)) {
      throw new IllegalArgumentException("margin = " + margin + ": must be in (0, 1], a fraction of the old box's width, e.g. 0.1");
    }
  }

  /** {@code rounds} rounds around the top 25%, margin 0.1. */
  public static CoarseToFine of(int rounds) {
    return new CoarseToFine(rounds, 0.25, 0.1);
  }

  /** One round: no narrowing. */
  public static CoarseToFine off() {
    return of(1);
  }

  /** The box for the round after {@code round}, from that round's records. */
  public RoundReport narrow(Round round, List<TrialRecord> records) {
    Metric metric = round.metric();
    List<TrialRecord> complete = new ArrayList<>();
    for (TrialRecord r : records) {
      if (r.status() == Status.COMPLETE && round.holds(r.id())) {
        complete.add(r);
      }
    }
    Space space = round.space();
    if (complete.isEmpty()) {
      return new RoundReport(round.number(), space, space, 0, List.of(),
          "no complete trial in round " + round.number() + ": the box stays as it was");
    }
    complete.sort(Comparator.comparingInt(TrialRecord::id));
    complete.sort(Comparator.comparingDouble((TrialRecord r) -> -metric.score(metric.of(r))));
    List<TrialRecord> top = complete.subList(0, Math.max(1, (int) Math.ceil(topFraction * complete.size())));
    Space next = space;
    List<BoxChange> changes = new ArrayList<>();
    for (var p : space.parameters().entrySet()) {
      Distribution narrowed = p.getValue() instanceof Range r ? narrow(p.getKey(), r, top) : narrow(p.getKey(), (Choice) p.getValue(), top);
      next = next.with(p.getKey(), narrowed);
      changes.add(BoxChange.of(p.getKey(), p.getValue(), narrowed));
    }
    return new RoundReport(round.number(), space, next, top.size(), changes, null);
  }

  private Range narrow(String name, Range range, List<TrialRecord> top) {
    double lo = 1;
    double hi = 0;
    for (TrialRecord r : top) {
      double u = range.toUnit(r.params().get(name));
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    return range.narrow(Math.max(0, lo - margin), Math.min(1, hi + margin));
  }

  private static Choice narrow(String name, Choice choice, List<TrialRecord> top) {
    List<Object> kept = new ArrayList<>();
    for (Object v : choice.values()) {
      for (TrialRecord r : top) {
        if (v.equals(r.params().get(name))) {
          kept.add(v);
          break;
        }
      }
    }
    return new Choice(kept);
  }
}
