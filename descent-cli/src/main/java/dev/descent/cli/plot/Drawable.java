package dev.descent.cli.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The points of a series that can be drawn: finite, and > 0 on a log axis. What is left out is
 * counted by reason and described in one note per series, so the caller can tell the user
 * ("cost became NaN at epoch 12" shows as a curve that stops, plus a note saying so).
 */
record Drawable(String name, double[] x, double[] y) {

  int size() {
    return x.length;
  }

  /**
   * The drawable points of a curve or cloud; appends a note to {@code notes} if any are left
   * out, locating the first by its x ("first at x = 12").
   */
  static Drawable of(Series series, boolean xLog, boolean yLog, List<String> notes) {
    return filter(series, xLog, yLog, notes, "series", false);
  }

  /** The drawable points of an optimizer path; notes locate them by step ("first at step 3"). */
  static Drawable ofPath(Series path, List<String> notes) {
    return filter(path, false, false, notes, "path", true);
  }

  private static Drawable filter(
      Series series, boolean xLog, boolean yLog, List<String> notes, String kind, boolean steps) {
    int n = series.size();
    double[] x = new double[n];
    double[] y = new double[n];
    int kept = 0;
    Reason nonFinite = new Reason("non-finite", steps);
    Reason xNotPositive = new Reason("x ≤ 0 on the log x axis", steps);
    Reason yNotPositive = new Reason("y ≤ 0 on the log y axis", steps);
    for (int i = 0; i < n; i++) {
      double xi = series.xAt(i);
      double yi = series.yAt(i);
      if (!Double.isFinite(xi) || !Double.isFinite(yi)) {
        nonFinite.count(i, xi);
      } else if (xLog && xi <= 0) {
        xNotPositive.count(i, xi);
      } else if (yLog && yi <= 0) {
        yNotPositive.count(i, xi);
      } else {
        x[kept] = xi;
        y[kept] = yi;
        kept++;
      }
    }
    if (kept < n) {
      List<String> reasons = new ArrayList<>();
      for (Reason r : List.of(nonFinite, xNotPositive, yNotPositive)) {
        if (r.count > 0) {
          reasons.add(r.describe());
        }
      }
      notes.add(
          kind + " '" + series.name() + "': " + (n - kept) + " of " + n + " points not drawn ("
              + String.join("; ", reasons) + ")");
    }
    return new Drawable(series.name(), Arrays.copyOf(x, kept), Arrays.copyOf(y, kept));
  }

  /** One reason to leave points out: how many, and where the first one was. */
  private static final class Reason {
    private final String what;
    private final boolean steps;
    private int count;
    private int firstIndex;
    private double firstX;

    Reason(String what, boolean steps) {
      this.what = what;
      this.steps = steps;
    }

    void count(int index, double x) {
      if (count++ == 0) {
        firstIndex = index;
        firstX = x;
      }
    }

    String describe() {
      String first;
      if (steps) {
        first = "step " + firstIndex;
      } else if (Double.isFinite(firstX)) {
        first = "x = " + Numbers.compact(firstX);
      } else {
        first = "index " + firstIndex;
      }
      return count + " " + what + ", first at " + first;
    }
  }
}
