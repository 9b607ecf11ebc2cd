package dev.descent.cli;

import dev.descent.cli.plot.Axis;
import dev.descent.cli.plot.Figures;
import dev.descent.cli.plot.Goal;
import dev.descent.cli.plot.Series;
import dev.descent.cli.plot.XyPlot;
import dev.descent.search.Choice;
import dev.descent.search.Distribution;
import dev.descent.search.SearchResult;
import dev.descent.search.Space;
import dev.descent.search.Status;
import dev.descent.search.TrialRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plots of a search: the dev metric against each parameter, on the axis it was sampled on
 * (log for {@code log} and {@code int-log}; 1 − β on a log axis for {@code one-minus-log}; a
 * choice's values on a categorical axis, the trials of a value spread side by side so that equal
 * metrics do not hide each other), complete trials and pruned ones apart; and the metric by trial
 * number (from 0, as the table), pruned trials at the metric they were stopped with, and the best
 * complete trial so far.
 */
final class SearchPlots {
  private SearchPlots() {}

  static List<Path> write(SearchResult result, Space space, Path dir) {
    List<Path> written = new ArrayList<>();
    String metric = result.metric().jsonName();
    for (var p : space.parameters().entrySet()) {
      XyPlot plot = null;
      for (Status status : List.of(Status.COMPLETE, Status.PRUNED)) {
        List<double[]> points = points(result, p.getKey(), p.getValue(), status);
        if (points.isEmpty()) {
          continue;
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = points.get(i)[0];
          y[i] = points.get(i)[1];
        }
        if (plot == null && status == Status.COMPLETE) {
          plot = XyPlot.metricVsParameter(metric, axis(p.getKey(), p.getValue()), x, y);
        } else if (plot == null) {
          plot = XyPlot.of(metric + " vs " + axis(p.getKey(), p.getValue()).title(), axis(p.getKey(), p.getValue()), Axis.linear(metric))
              .dots(new Series("pruned", x, y));
        } else {
          plot = plot.dots(new Series("pruned", x, y));
        }
      }
      if (plot != null) {
        Path file = dir.resolve("search-" + p.getKey() + ".png");
        Figures.standard().xy(plot).writePng(file);
        written.add(file);
      }
    }
    List<TrialRecord> trials = result.trials();
    if (!trials.isEmpty()) {
      Path file = dir.resolve("search-trials.png");
      Figures.standard().xy(byTrial(result)).writePng(file);
      written.add(file);
    }
    return written;
  }

  /** The metric by trial number: complete trials with the best so far, pruned ones as dots of their own. */
  static XyPlot byTrial(SearchResult result) {
    List<TrialRecord> trials = result.trials();
    double[] ids = new double[trials.size()];
    double[] values = new double[trials.size()];
    List<double[]> pruned = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      TrialRecord r = trials.get(i);
      double v = result.metric().of(r);
      ids[i] = r.id();
      values[i] = r.status() == Status.COMPLETE ? v : Double.NaN;
      if (r.status() == Status.PRUNED && Double.isFinite(v)) {
        pruned.add(new double[] {r.id(), v});
      }
    }
    String metric = result.metric().jsonName();
    XyPlot plot = XyPlot.metricByTrial(metric, ids, values, result.metric().maximize() ? Goal.MAXIMIZE : Goal.MINIMIZE);
    if (!pruned.isEmpty()) {
      double[] x = new double[pruned.size()];
      double[] y = new double[pruned.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = pruned.get(i)[0];
        y[i] = pruned.get(i)[1];
      }
      plot = plot.dots(new Series("pruned (when stopped)", x, y));
    }
    return plot;
  }

  private static Axis axis(String name, Distribution d) {
    return switch (d.scaleName()) {
      case "log" -> Axis.log(name);
      case "one-minus-log" -> Axis.log("1 − " + name);
      case "categorical" -> Axis.categorical(name, categories((Choice) d));
      default -> Axis.linear(name);
    };
  }

  private static List<String> categories(Choice c) {
    List<String> names = new ArrayList<>();
    for (Object v : c.values()) {
      names.add(String.valueOf(v));
    }
    return names;
  }

  /**
   * Where each trial's dot goes around its category: the trials of a value, in trial order,
   * spread evenly over ±{@value #SPREAD} (a jitter without random numbers, so the plot is the same
   * every time), keyed by trial id.
   */
  private static Map<Integer, Double> jitter(SearchResult result, String name, Choice c) {
    Map<Integer, List<Integer>> byValue = new HashMap<>();
    for (TrialRecord r : result.trials()) {
      Object v = r.params().get(name);
      if (v != null && Double.isFinite(result.metric().of(r))) {
        byValue.computeIfAbsent(c.indexOf(v), k -> new ArrayList<>()).add(r.id());
      }
    }
    Map<Integer, Double> offsets = new HashMap<>();
    byValue.forEach((value, ids) -> {
      for (int k = 0; k < ids.size(); k++) {
        offsets.put(ids.get(k), ids.size() == 1 ? 0 : SPREAD * (2.0 * k / (ids.size() - 1) - 1));
      }
    });
    return offsets;
  }

  /** Half the width a category's dots spread over. */
  private static final double SPREAD = 0.25;

  /** (x on the plot's axis, metric) of the trials with {@code status} and a finite metric. */
  private static List<double[]> points(SearchResult result, String name, Distribution d, Status status) {
    List<double[]> points = new ArrayList<>();
    Map<Integer, Double> offsets = d instanceof Choice c ? jitter(result, name, c) : Map.of();
    for (TrialRecord r : result.trials()) {
      double y = result.metric().of(r);
      Object v = r.params().get(name);
      if (r.status() != status || !Double.isFinite(y) || v == null) {
        continue;
      }
      double x;
      if (d instanceof Choice c) {
        x = c.indexOf(v) + offsets.getOrDefault(r.id(), 0.0);
      } else {
        x = ((Number) v).doubleValue();
        if (d.scaleName().equals("one-minus-log")) {
          x = 1 - x;
        }
      }
      points.add(new double[] {x, y});
    }
    return points;
  }
}
