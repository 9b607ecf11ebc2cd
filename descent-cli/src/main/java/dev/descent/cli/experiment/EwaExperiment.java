package dev.descent.cli.experiment;

import dev.descent.cli.plot.Axis;
import dev.descent.cli.plot.Figures;
import dev.descent.cli.plot.Series;
import dev.descent.cli.plot.XyPlot;
import dev.descent.optim.Ewa;
import dev.descent.tensor.Rng;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's exponentially weighted averages on a year of daily temperatures: a seasonal sine
 * {@code 20 − 8·cos(2π(d + 10)/365)} °C (a mild climate, coldest ten days before the year starts, so the first days are near 12 °C, far from the average's start at 0) plus N(0, 3²)
 * noise (seed 1), averaged with β 0.5, 0.9 and 0.98, plain and bias-corrected ({@link
 * Ewa#series}). Each row shows the "about 1/(1−β) days" rule, the weight that days older than
 * that keep (β^(1/(1−β)), near 1/e), and the mean distance to the seasonal curve over the first
 * ten days (plain against corrected) and over the rest of the year.
 */
public final class EwaExperiment implements Experiment {
  static final int DAYS = 365;
  static final double[] BETAS = {0.5, 0.9, 0.98};
  static final double NOISE = 3;
  static final long SEED = 1;
  static final int START_DAYS = 10;
  static final int ZOOM_DAYS = 30;

  @Override
  public String name() {
    return "ewa";
  }

  /** The seasonal curve, the temperature without noise, on day {@code d} (0-based). */
  static double season(int d) {
    return 20 - 8 * Math.cos(2 * Math.PI * (d + 10) / DAYS);
  }

  /** A year of noisy daily temperatures. */
  static double[] temperatures(long seed) {
    Rng rng = Rng.of(seed);
    double[] t = new double[DAYS];
    for (int d = 0; d < DAYS; d++) {
      t[d] = season(d) + NOISE * rng.nextGaussian();
    }
    return t;
  }

  @Override
  public ExperimentResult run(ExperimentContext context) {
    if (context.dataFile() != null) {
      throw new IllegalArgumentException("--data " + context.dataFile()
          + ": experiment ewa makes its own year of temperatures and reads no data; run it without --data");
    }
    double[] theta = temperatures(SEED);
    double[] days = new double[DAYS];
    for (int d = 0; d < DAYS; d++) {
      days[d] = d + 1;
    }
    List<RunRow> rows = new ArrayList<>();
    XyPlot year = XyPlot.of("Daily temperature and its bias-corrected averages", Axis.linear("day"),
        Axis.linear("temperature (°C)")).dots(new Series("temperature", days, theta));
    XyPlot start = XyPlot.of("The first " + ZOOM_DAYS + " days: plain against bias-corrected", Axis.linear("day"),
        Axis.linear("temperature (°C)")).dots(new Series("temperature", head(days), head(theta)));
    for (int b = 0; b < BETAS.length; b++) {
      double beta = BETAS[b];
      long begin = System.nanoTime();
      double[] plain = Ewa.series(theta, beta, false);
      double[] corrected = Ewa.series(theta, beta, true);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("horizon_days", Math.round(Ewa.horizon(beta)));
      extra.put("weight_beyond_horizon", Math.pow(beta, Ewa.horizon(beta)));
      extra.put("plain_error_first_10_days", meanDistance(plain, 0, START_DAYS));
      extra.put("bias_corrected_error_first_10_days", meanDistance(corrected, 0, START_DAYS));
      extra.put("error_rest_of_year", meanDistance(corrected, START_DAYS, DAYS));
      rows.add(new RunRow("beta-" + beta, Double.NaN, Double.NaN, Double.NaN, (System.nanoTime() - begin) / 1e9, extra));
      String label = "β " + beta + " (≈ " + Math.round(Ewa.horizon(beta)) + " days)";
      // one colour per β in both plots (after the dots' blue); the plain average dashed
      year = year.line(new Series(label, days, corrected), new XyPlot.LineStyle(b + 1, false));
      start = start.line(new Series(label + " plain", head(days), head(plain)), new XyPlot.LineStyle(b + 1, true))
          .line(new Series(label + " corrected", head(days), head(corrected)), new XyPlot.LineStyle(b + 1, false));
    }
    Path yearFile = context.out().resolve("ewa.png");
    Path startFile = context.out().resolve("ewa-first-" + ZOOM_DAYS + "-days.png");
    Figures.standard().xy(year).writePng(yearFile);
    Figures.standard().xy(start).writePng(startFile);
    return new ExperimentResult(name(),
        DAYS + " days of 20 − 8·cos(2π(d + 10)/365) °C plus N(0, 3²) noise (seed " + SEED
            + "); v = β·v + (1 − β)·θ from v = 0, bias-corrected v / (1 − β^t); errors are mean |average − seasonal curve| in °C",
        rows, List.of(yearFile, startFile),
        List.of("β 0.5 ≈ 2 days", "β 0.9 ≈ 10 days", "β 0.98 ≈ 50 days (the course's rule 1/(1 − β))"),
        "An exponentially weighted average with weight β on the old average remembers about 1/(1 − β) "
            + "values: after that many days an old temperature's weight has fallen to about 1/e. β 0.5 follows "
            + "the noise, β 0.98 is smooth but lags behind the season (it turns late), and β 0.9 is between. "
            + "Started from v = 0, the plain average is far too low for the first 1/(1 − β) days; dividing by "
            + "1 − β^t removes that bias, which is why Adam corrects its moments.");
  }

  private static double[] head(double[] values) {
    return Arrays.copyOf(values, ZOOM_DAYS);
  }

  /** Mean |average − seasonal curve| over days [from, to). */
  static double meanDistance(double[] average, int from, int to) {
    double sum = 0;
    for (int d = from; d < to; d++) {
      sum += Math.abs(average[d] - season(d));
    }
    return sum / (to - from);
  }
}
