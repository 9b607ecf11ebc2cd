package dev.descent.cli.plot;

/**
 * The entry point: draws each kind of plot at one size (default {@value #DEFAULT_WIDTH}×{@value
 * #DEFAULT_HEIGHT} pixels), headless, and returns a {@link Figure} to write or embed.
 *
 * <ul>
 *   <li>{@link #xy}: cost curves, EWA curves over raw data, learning-rate range tests, gradient
 *       norms, schedules, hyper-parameter scatters ({@link XyPlot} and its recipes);
 *   <li>{@link #decisionBoundary}: predicted class regions of a 2-feature classifier with the
 *       data on top ({@link DecisionPlot});
 *   <li>{@link #confusionMatrix}: counts of true against predicted classes ({@link
 *       ConfusionPlot});
 *   <li>{@link #surface}: optimizer paths over a function of two variables ({@link SurfacePlot}).
 * </ul>
 *
 * <p>What is not drawn is said, never hidden: non-finite values, values ≤ 0 on a log axis, NaN
 * predictions and non-finite values of f are left out and described in {@link Figure#notes()},
 * one sentence each, for the caller to print. Left out without a note, because nothing is lost:
 * points of long curves that a pixel column cannot show ({@link XyPlot} lines are thinned to
 * their min and max per column), and the parts of paths or examples outside a box the caller
 * chose (clipped at the plot's edge). Bad arguments (a class index out of range, a probability
 * above 1, names used twice) throw {@link IllegalArgumentException}; files that cannot be written
 * throw {@link dev.descent.DescentException} naming the file.
 *
 * <p>Rendering needs no display: {@code java.awt.headless} is set to {@code true} unless the
 * caller set it.
 *
 * <pre>{@code
 * Figures.standard()
 *     .xy(XyPlot.of("Cost", Axis.linear("epoch"), Axis.log("cost")).line(Series.of("adam", cost)))
 *     .writePng(Path.of("cost.png"));
 * }</pre>
 */
public final class Figures {
  public static final int DEFAULT_WIDTH = 800;
  public static final int DEFAULT_HEIGHT = 500;
  public static final int MIN_SIDE = 200;
  public static final int MAX_SIDE = 4000;

  private final int width;
  private final int height;

  private Figures(int width, int height) {
    check("width", width);
    check("height", height);
    this.width = width;
    this.height = height;
  }

  /** Figures of {@value #DEFAULT_WIDTH}×{@value #DEFAULT_HEIGHT} pixels. */
  public static Figures standard() {
    return new Figures(DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /**
   * Figures of {@code width}×{@code height} pixels, each in [{@value #MIN_SIDE}, {@value
   * #MAX_SIDE}].
   */
  public static Figures ofSize(int width, int height) {
    return new Figures(width, height);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Lines and dots over two numeric axes. Non-drawable points are left out and noted. */
  public Figure xy(XyPlot plot) {
    return XyRenderer.draw(plot, width, height);
  }

  /**
   * Predicted class regions over two features with the examples on top. Examples with a
   * non-finite feature are left out and noted; NaN predictions leave grey cells, also noted.
   */
  public Figure decisionBoundary(DecisionPlot plot) {
    return DecisionRenderer.draw(plot, width, height);
  }

  /** Counts of true (rows) against predicted (columns) classes, with shares and accuracy. */
  public Figure confusionMatrix(ConfusionPlot plot) {
    return ConfusionRenderer.draw(plot, width, height);
  }

  /**
   * Optimizer paths over a colour map of f with level lines. Non-finite values of f leave grey
   * cells and non-finite path points are left out; both are noted.
   */
  public Figure surface(SurfacePlot plot) {
    return SurfaceRenderer.draw(plot, width, height);
  }

  /**
   * Loads the drawing stack — the fonts, the chart library, Java2D's rasterizer and the PNG
   * writer — by drawing and encoding one small figure in memory, so that a command's first real
   * figure does not pay for it. For a second thread to call while the command computes what it
   * will plot; the figure is thrown away.
   */
  public static void load() {
    XyPlot plot = XyPlot.of("load", Axis.linear("x"), Axis.log("y")).line(Series.of("y", new double[] {1, 0.5, 0.25}));
    ofSize(MIN_SIDE, MIN_SIDE).xy(plot).pngBytes();
  }

  private static void check(String name, int side) {
    if (side < MIN_SIDE || side > MAX_SIDE) {
      throw new IllegalArgumentException(
          "figure " + name + " = " + side + " pixels: must be in [" + MIN_SIDE + ", " + MAX_SIDE
              + "]");
    }
  }
}
