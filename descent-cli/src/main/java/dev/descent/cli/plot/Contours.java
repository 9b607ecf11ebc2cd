package dev.descent.cli.plot;

import java.util.Arrays;

/**
 * Level lines of values on a {@link Grid} by marching squares: in each grid cell the corners
 * above and below the level decide which edges the line crosses, and the crossing point on an
 * edge is found by linear interpolation. Cells with a NaN corner are skipped; the two ambiguous
 * cases (diagonal corners on the same side) are resolved by the cell's mean.
 *
 * <p>Output: segments as (u0, v0, u1, v1) in grid coordinates, 4 doubles each.
 */
final class Contours {
  private Contours() {}

  static double[] segments(Grid grid, double[] values, double level) {
    int n = grid.n;
    double[] out = new double[64];
    int size = 0;
    for (int j = 0; j < n - 1; j++) {
      for (int i = 0; i < n - 1; i++) {
        double a = values[j * n + i] - level; // bottom left
        double b = values[j * n + i + 1] - level; // bottom right
        double c = values[(j + 1) * n + i + 1] - level; // top right
        double d = values[(j + 1) * n + i] - level; // top left
        if (Double.isNaN(a + b + c + d)) {
          continue;
        }
        int code = (a > 0 ? 1 : 0) | (b > 0 ? 2 : 0) | (c > 0 ? 4 : 0) | (d > 0 ? 8 : 0);
        if (code == 0 || code == 15) {
          continue;
        }
        // crossing points on the four edges: bottom, right, top, left
        double[] bottom = {i + cross(a, b), j};
        double[] right = {i + 1, j + cross(b, c)};
        double[] top = {i + cross(d, c), j + 1};
        double[] left = {i, j + cross(a, d)};
        double[][] pairs = pairs(code, (a + b + c + d) / 4 > 0, bottom, right, top, left);
        for (double[] pair : pairs) {
          if (size + 4 > out.length) {
            out = Arrays.copyOf(out, out.length * 2);
          }
          System.arraycopy(pair, 0, out, size, 4);
          size += 4;
        }
      }
    }
    return Arrays.copyOf(out, size);
  }

  /** Where on an edge from value p to value q the level (0) is crossed, as a fraction. */
  private static double cross(double p, double q) {
    return p / (p - q);
  }

  private static double[][] pairs(
      int code, boolean centreAbove, double[] bottom, double[] right, double[] top, double[] left) {
    return switch (code) {
      case 1, 14 -> new double[][] {join(left, bottom)};
      case 2, 13 -> new double[][] {join(bottom, right)};
      case 3, 12 -> new double[][] {join(left, right)};
      case 4, 11 -> new double[][] {join(right, top)};
      case 6, 9 -> new double[][] {join(bottom, top)};
      case 7, 8 -> new double[][] {join(left, top)};
      // saddles: a and c above (5) or b and d above (10); the centre decides which pairs join
      case 5 -> centreAbove
          ? new double[][] {join(left, top), join(bottom, right)}
          : new double[][] {join(left, bottom), join(right, top)};
      case 10 -> centreAbove
          ? new double[][] {join(left, bottom), join(right, top)}
          : new double[][] {join(left, top), join(bottom, right)};
      default -> throw new AssertionError("marching squares case " + code);
    };
  }

  private static double[] join(double[] p, double[] q) {
    return new double[] {p[0], p[1], q[0], q[1]};
  }
}
