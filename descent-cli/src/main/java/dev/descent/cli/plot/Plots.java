package dev.descent.cli.plot;

import dev.descent.data.Dataset;
import dev.descent.nn.Network;
import dev.descent.run.RunResult;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The standard plots of a training run: cost curves and, for 2-D classification, the decision boundary. */
public final class Plots {
  private Plots() {}

  public static List<Path> forRun(RunResult r, Path dir) {
    List<Path> written = new ArrayList<>(cost(r, dir));
    written.addAll(boundary(r, dir));
    return written;
  }

  /** cost.png: train and dev cost per epoch; nothing when the cost diverged in the first epoch. */
  public static List<Path> cost(RunResult r, Path dir) {
    if (r.history().epochs() == 0) {
      return List.of();
    }
    Path cost = dir.resolve("cost.png");
    costCurves("Cost per epoch", List.of(Series.of("train", r.history().trainCost()), devSeries(r.history().devCost())), cost);
    return List.of(cost);
  }

  /** boundary.png for a 2-D classification set held in memory; nothing for other data. */
  public static List<Path> boundary(RunResult r, Path dir) {
    // no boundary figure for features whose span overflows a double (unnormalized values near
    // ±1e308): no plotting library can lay out such an axis, and the model is already saved
    if (r.data().train() instanceof Dataset train && train.featureCount() == 2 && train.isClassification()
        && finiteSpan(train)) {
      Path boundary = dir.resolve("boundary.png");
      decisionBoundary("Decision boundary (train set)", r.model().network(), train, boundary);
      return List.of(boundary);
    }
    return List.of();
  }

  /**
   * Train and dev accuracy per epoch from the run's history, or nothing for a regression. Train
   * accuracy is measured on the history's probe epochs (all of them when epochs are slow), so its
   * curve joins those epochs.
   */
  public static List<Path> accuracy(List<dev.descent.train.HistoryRow> rows, Path dir) {
    List<Series> series = new ArrayList<>();
    measured("train", rows, true).ifPresent(series::add);
    measured("dev", rows, false).ifPresent(series::add);
    if (series.isEmpty()) {
      return List.of();
    }
    XyPlot plot = XyPlot.of("Accuracy per epoch", Axis.linear("epoch"), Axis.linear("accuracy"));
    for (Series s : series) {
      plot = plot.line(s);
    }
    Path file = dir.resolve("accuracy.png");
    Figures.standard().xy(plot).writePng(file);
    return List.of(file);
  }

  private static java.util.Optional<Series> measured(String name, List<dev.descent.train.HistoryRow> rows, boolean train) {
    double[] x = new double[rows.size()];
    double[] y = new double[rows.size()];
    int n = 0;
    for (dev.descent.train.HistoryRow r : rows) {
      double v = train ? r.trainAccuracy() : r.devAccuracy();
      if (Double.isFinite(v)) {
        x[n] = r.epoch();
        y[n++] = v;
      }
    }
    return n == 0 ? java.util.Optional.empty() : java.util.Optional.of(new Series(name, java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n)));
  }

  static boolean finiteSpan(Dataset data) {
    for (int j = 0; j < data.featureCount(); j++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < data.size(); i++) {
        lo = Math.min(lo, data.features().get(i, j));
        hi = Math.max(hi, data.features().get(i, j));
      }
      if (!Double.isFinite(hi - lo)) {
        return false;
      }
    }
    return true;
  }

  private static Series devSeries(double[] dev) {
    return Series.of("dev", dev);
  }

  /** Cost curves on a log axis (costs span decades); series that are all NaN are left out. */
  public static void costCurves(String title, List<Series> series, Path file) {
    XyPlot plot = XyPlot.of(title, Axis.linear("epoch"), Axis.log("cost"));
    for (Series s : series) {
      if (hasFinite(s.y())) {
        plot = plot.line(s);
      }
    }
    Figures.standard().xy(plot).writePng(file);
  }

  public static boolean hasFinite(double[] values) {
    for (double v : values) {
      if (Double.isFinite(v) && v > 0) {
        return true;
      }
    }
    return false;
  }

  /** The network's predicted regions over the data's two (standardized, as trained) features. */
  public static void decisionBoundary(String title, Network network, Dataset data, Path file) {
    double[][] features = new double[data.size()][];
    for (int i = 0; i < data.size(); i++) {
      features[i] = data.features().row(i);
    }
    Prediction prediction = Prediction.batch(points -> {
      Matrix x = Matrix.fromRows(Precision.F64, points);
      Matrix p = network.predict(x);
      double[][] out = new double[p.rows()][];
      for (int i = 0; i < p.rows(); i++) {
        out[i] = p.row(i);
      }
      return out;
    });
    Figures.standard().decisionBoundary(DecisionPlot.of(title, features, data.labels(), data.classNames(), prediction))
        .writePng(file);
  }
}
