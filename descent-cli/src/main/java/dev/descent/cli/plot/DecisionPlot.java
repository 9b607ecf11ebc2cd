package dev.descent.cli.plot;

import java.util.List;

/**
 * A classifier's decision regions over two features, with the data on top: the box is shaded by
 * predicted class (lighter where a probability says the classifier is unsure), the boundaries
 * are drawn as lines, and each example is a dot in the colour of its true class, so misclassified
 * examples stand out.
 *
 * <p>Shapes: {@code features} is m × 2 (examples as rows: x1, x2), {@code labels} has m class
 * indices in [0, K), K = {@code classNames.size()} ≥ 2. Defaults: the box is the data's range
 * padded by {@value #PADDING} of its span on each side; the prediction is evaluated on a
 * {@value #DEFAULT_RESOLUTION} × {@value #DEFAULT_RESOLUTION} grid and interpolated between grid
 * points; axis titles "x1" and "x2". Examples with a non-finite feature are not drawn (noted).
 *
 * <pre>{@code
 * DecisionPlot.of("Decision boundary", X, y, List.of("red", "blue"),
 *     Prediction.classes((x1, x2) -> x1 > 0 ? 1 : 0));
 * }</pre>
 */
public record DecisionPlot(
    String title,
    String x1Title,
    String x2Title,
    double[][] features,
    int[] labels,
    List<String> classNames,
    Prediction prediction,
    Box box,
    int resolution) {

  public static final double PADDING = 0.1;
  public static final int DEFAULT_RESOLUTION = 200;
  public static final int MIN_RESOLUTION = 10;
  public static final int MAX_RESOLUTION = 1000;

  public DecisionPlot {
    if (title == null || x1Title == null || x2Title == null) {
      throw new IllegalArgumentException(
          "decision plot: title and axis titles must not be null; use \"\" for none");
    }
    if (classNames == null || classNames.size() < 2) {
      throw new IllegalArgumentException(
          "decision plot '" + title + "': class names = " + classNames
              + ": need at least 2 classes");
    }
    classNames = List.copyOf(classNames);
    features = copyFeatures(title, features);
    if (labels == null || labels.length != features.length) {
      throw new IllegalArgumentException(
          "decision plot '" + title + "': " + features.length + " examples but "
              + (labels == null ? "no" : labels.length) + " labels; need one label per row");
    }
    labels = labels.clone();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException(
            "decision plot '" + title + "': label of example " + i + " = " + labels[i]
                + ": must be a class index in [0, " + classNames.size() + ")");
      }
    }
    if (prediction == null) {
      throw new IllegalArgumentException("decision plot '" + title + "': prediction = null");
    }
    if (box == null) {
      throw new IllegalArgumentException("decision plot '" + title + "': box = null");
    }
    if (resolution < MIN_RESOLUTION || resolution > MAX_RESOLUTION) {
      throw new IllegalArgumentException(
          "decision plot '" + title + "': resolution = " + resolution + ": must be in ["
              + MIN_RESOLUTION + ", " + MAX_RESOLUTION + "] grid points per side");
    }
  }

  /** The plot with the default box (padded data range), resolution and axis titles. */
  public static DecisionPlot of(
      String title,
      double[][] features,
      int[] labels,
      List<String> classNames,
      Prediction prediction) {
    double[][] checked = copyFeatures(title, features);
    double[] x1 = new double[checked.length];
    double[] x2 = new double[checked.length];
    for (int i = 0; i < checked.length; i++) {
      x1[i] = checked[i][0];
      x2[i] = checked[i][1];
    }
    return new DecisionPlot(
        title, "x1", "x2", checked, labels, classNames, prediction,
        Box.around(x1, x2, PADDING), DEFAULT_RESOLUTION);
  }

  public DecisionPlot withAxisTitles(String newX1Title, String newX2Title) {
    return new DecisionPlot(
        title, newX1Title, newX2Title, features, labels, classNames, prediction, box, resolution);
  }

  public DecisionPlot withBox(Box newBox) {
    return new DecisionPlot(
        title, x1Title, x2Title, features, labels, classNames, prediction, newBox, resolution);
  }

  public DecisionPlot withResolution(int newResolution) {
    return new DecisionPlot(
        title, x1Title, x2Title, features, labels, classNames, prediction, box, newResolution);
  }

  /** A copy of the features (m × 2). */
  @Override
  public double[][] features() {
    return copyFeatures(title, features);
  }

  /** A copy of the labels. */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  int classCount() {
    return classNames.size();
  }

  double feature(int example, int column) {
    return features[example][column];
  }

  int label(int example) {
    return labels[example];
  }

  private static double[][] copyFeatures(String title, double[][] features) {
    if (features == null) {
      throw new IllegalArgumentException("decision plot '" + title + "': features = null");
    }
    double[][] copy = new double[features.length][];
    for (int i = 0; i < features.length; i++) {
      if (features[i] == null || features[i].length != 2) {
        throw new IllegalArgumentException(
            "decision plot '" + title + "': example " + i + " has "
                + (features[i] == null ? "no" : features[i].length)
                + " features; need exactly 2 (x1, x2) per row");
      }
      copy[i] = features[i].clone();
    }
    return copy;
  }
}
