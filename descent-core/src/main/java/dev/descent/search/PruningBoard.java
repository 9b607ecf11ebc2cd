package dev.descent.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The curves of all trials of one search, shared by the threads that run them, and the place
 * where {@link Pruner} decisions are taken. A trial reporting epoch e at a deciding epoch waits
 * until every trial with a smaller id has reported e or stopped, then is judged against those
 * trials' scores at e: the decision depends on ids, not on timing.
 *
 * <p>No deadlock: trials are started in id order, so every smaller id is running or done, and
 * the smallest running id never waits.
 *
 * <p>A NaN in a curve means "no value at that epoch", whether the epoch was skipped or the
 * metric was NaN (a diverged model): the journal writes both as null, and a resumed search must
 * see what the first run saw. The trial that reports a NaN is judged with the worst score.
 *
 * <pre>{@code
 * PruningBoard board = new PruningBoard(Pruner.median(), Metric.DEV_ACCURACY);
 * board.expect(0);
 * board.report(0, 1, 0.71);   // true: nothing to compare with yet
 * }</pre>
 */
public final class PruningBoard {
  private final Pruner pruner;
  private final Metric metric;
  private final Map<Integer, Curve> curves = new HashMap<>();

  public PruningBoard(Pruner pruner, Metric metric) {
    this.pruner = pruner;
    this.metric = metric;
  }

  /** A trial that ended before this run (read from the journal). */
  public synchronized void addFinished(TrialRecord record) {
    Curve c = new Curve();
    c.values.addAll(record.curve());
    c.finished = true;
    c.pruned = record.status() == Status.PRUNED;
    curves.put(record.id(), c);
    notifyAll();
  }

  /** A trial that will run: later ids wait for its reports. */
  public synchronized void expect(int id) {
    curves.put(id, new Curve());
  }

  /**
   * Records the metric of trial {@code id} after {@code epoch} and returns false when the trial
   * is pruned. Blocks at deciding epochs until the smaller ids have caught up.
   */
  public boolean report(int id, int epoch, double value) {
    Curve c;
    synchronized (this) {
      c = curve(id);
      if (c.pruned) {
        throw new IllegalStateException("trial " + id + " reported epoch " + epoch + " after it was pruned; an Objective must stop when report returns false");
      }
      if (epoch <= c.values.size()) {
        throw new IllegalArgumentException("trial " + id + " reported epoch " + epoch + " after epoch " + c.values.size() + ": epochs must increase from 1");
      }
      while (c.values.size() < epoch - 1) {
        c.values.add(Double.NaN);
      }
      c.values.add(value);
      notifyAll();
      if (!pruner.decidesAt(epoch)) {
        return true;
      }
      double[] earlier = waitForEarlier(id, epoch);
      c.pruned = pruner.prune(epoch, metric.score(value), earlier);
      return !c.pruned;
    }
  }

  /** Marks trial {@code id} stopped (complete, pruned or failed): later ids stop waiting for it. */
  public synchronized void finish(int id) {
    curve(id).finished = true;
    notifyAll();
  }

  public synchronized boolean pruned(int id) {
    return curve(id).pruned;
  }

  /** The values trial {@code id} reported, index e − 1 for epoch e. */
  public synchronized List<Double> values(int id) {
    return List.copyOf(curve(id).values);
  }

  private double[] waitForEarlier(int id, int epoch) {
    while (!caughtUp(id, epoch)) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SearchInterrupted("search interrupted while trial " + id + " waited for the earlier trials to reach epoch " + epoch, e);
      }
    }
    List<Double> scores = new ArrayList<>();
    for (int j = 0; j < id; j++) {
      List<Double> v = curves.get(j).values;
      if (v.size() >= epoch && !Double.isNaN(v.get(epoch - 1))) {
        scores.add(metric.score(v.get(epoch - 1)));
      }
    }
    double[] earlier = new double[scores.size()];
    for (int i = 0; i < earlier.length; i++) {
      earlier[i] = scores.get(i);
    }
    return earlier;
  }

  private boolean caughtUp(int id, int epoch) {
    for (int j = 0; j < id; j++) {
      Curve c = curves.get(j);
      if (c == null) {
        throw new AssertionError("trial " + id + " waits for trial " + j + ", which is neither finished nor expected");
      }
      if (!c.finished && c.values.size() < epoch) {
        return false;
      }
    }
    return true;
  }

  private Curve curve(int id) {
    Curve c = curves.get(id);
    if (c == null) {
      throw new IllegalStateException("trial " + id + " is not on the board; call expect(" + id + ") before running it");
    }
    return c;
  }

  private static final class Curve {
    final List<Double> values = new ArrayList<>();
    boolean finished;
    boolean pruned;
  }
}
