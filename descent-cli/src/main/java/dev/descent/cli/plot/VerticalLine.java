package dev.descent.cli.plot;

/**
 * A dashed vertical line across an {@link XyPlot} at {@code x}, named in the legend: the
 * suggested learning rate of a range test, the epoch where early stopping kept the weights.
 *
 * <pre>{@code
 * new VerticalLine(3e-3, "suggested lr = 3e-3");
 * }</pre>
 */
public record VerticalLine(double x, String label) {
  public VerticalLine {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("vertical line x = " + x + ": must be finite");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException(
          "vertical line at x = " + x
              + ": label must be non-blank (it names the line in the legend)");
    }
  }
}
