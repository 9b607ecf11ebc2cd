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
import java.util.List;

/**
 * The plots of a search: the dev metric against each parameter, on the axis it was sampled on
 * (log for {@code log} and {@code int-log}; 1 − β on a log axis for {@code one-minus-log}; a
 * choice's values numbered in order), complete trials and pruned ones apart; and the metric over
 * trial order with the best so far.
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
      double[] values = new double[trials.size()];
      for (int i = 0; i < values.length; i++) {
        TrialRecord r = trials.get(i);
        values[i] = r.status() == Status.COMPLETE ? result.metric().of(r) : Double.NaN;
      }
      Path file = dir.resolve("search-trials.png");
      Figures.standard().xy(XyPlot.metricByTrial(metric, values, result.metric().maximize() ? Goal.MAXIMIZE : Goal.MINIMIZE)).writePng(file);
      written.add(file);
    }
    return written;
  }

  private static Axis axis(String name, Distribution d) {
    return switch (d.scaleName()) {
      case "log" -> Axis.log(name);
      case "one-minus-log" -> Axis.log("1 − " + name);
      case "categorical" -> Axis.linear(name + " (" + categories((Choice) d) + ")");
      default -> Axis.linear(name);
    };
  }

  private static String categories(Choice c) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < c.values().size(); i++) {
      names.add(i + " = " + c.values().get(i));
    }
    return String.join(", ", names);
  }

  /** (x on the plot's axis, metric) of the trials with {@code status} and a finite metric. */
  private static List<double[]> points(SearchResult result, String name, Distribution d, Status status) {
    List<double[]> points = new ArrayList<>();
    for (TrialRecord r : result.trials()) {
      double y = result.metric().of(r);
      Object v = r.params().get(name);
      if (r.status() != status || !Double.isFinite(y) || v == null) {
        continue;
      }
      double x;
      if (d instanceof Choice c) {
        x = c.indexOf(v);
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
