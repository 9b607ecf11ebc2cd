package dev.descent.data.generate;

import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;

/**
 * Seeded two-dimensional classification sets for drawing decision boundaries. Each generator
 * draws its points class by class, then shuffles the rows with the same {@link Rng}, so one seed
 * gives the same set on every run and JDK. Classes get {@code examples / K} points each, the
 * first {@code examples mod K} classes one more. Class names are "0", "1", …; features "x1", "x2".
 *
 * <pre>{@code
 * Dataset d = Generators.moons(200, 0.2, Rng.of(1));
 * d.size();          // 200
 * d.classCount();    // 2 (binary: targets are one 0/1 column)
 * }</pre>
 */
public final class Generators {
  private Generators() {}

  /** sklearn's make_moons: (cos t, sin t) and (1 − cos t, 1 − sin t − 0.5), t evenly in [0, π]. */
  public static Dataset moons(MoonsOptions options, Rng rng) {
    Points p = new Points(options.examples(), 2, 2);
    for (int c = 0; c < 2; c++) {
      int n = p.perClass(c);
      for (int i = 0; i < n; i++) {
        double t = Math.PI * spaced(i, n);
        double x = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
        double y = c == 0 ? Math.sin(t) : 1 - Math.sin(t) - 0.5;
        p.add(c, x + options.noise() * rng.nextGaussian(), y + options.noise() * rng.nextGaussian());
      }
    }
    return p.toDataset("moons", rng);
  }

  public static Dataset moons(int examples, double noise, Rng rng) {
    return moons(new MoonsOptions(examples, noise), rng);
  }

  /** sklearn's make_circles: angles evenly in [0, 2π), class 1 on the circle of radius factor. */
  public static Dataset circles(CirclesOptions options, Rng rng) {
    Points p = new Points(options.examples(), 2, 2);
    for (int c = 0; c < 2; c++) {
      int n = p.perClass(c);
      double radius = c == 0 ? 1 : options.factor();
      for (int i = 0; i < n; i++) {
        double t = 2 * Math.PI * i / n;
        p.add(c, radius * Math.cos(t) + options.noise() * rng.nextGaussian(),
            radius * Math.sin(t) + options.noise() * rng.nextGaussian());
      }
    }
    return p.toDataset("circles", rng);
  }

  public static Dataset circles(int examples, double noise, double factor, Rng rng) {
    return circles(new CirclesOptions(examples, noise, factor), rng);
  }

  /** sklearn's make_blobs: centres uniform in [−10, 10]ⁿ, then x = centre + spread·N(0, I). */
  public static Dataset blobs(BlobsOptions options, Rng rng) {
    int k = options.classes();
    int n = options.features();
    double[][] centres = new double[k][n];
    for (double[] centre : centres) {
      for (int j = 0; j < n; j++) {
        centre[j] = -10 + 20 * rng.nextDouble();
      }
    }
    Points p = new Points(options.examples(), n, k);
    double[] x = new double[n];
    for (int c = 0; c < k; c++) {
      for (int i = 0, count = p.perClass(c); i < count; i++) {
        for (int j = 0; j < n; j++) {
          x[j] = centres[c][j] + options.spread() * rng.nextGaussian();
        }
        p.add(c, x);
      }
    }
    return p.toDataset("blobs", rng);
  }

  public static Dataset blobs(int examples, int classes, double spread, Rng rng) {
    return blobs(new BlobsOptions(examples, classes, 2, spread), rng);
  }

  /** CS231n: arm c has r = linspace(0, 1) and t = linspace(4c, 4c + 4) + noise·N(0, 1). */
  public static Dataset spiral(SpiralOptions options, Rng rng) {
    Points p = new Points(options.examples(), 2, options.classes());
    for (int c = 0; c < options.classes(); c++) {
      int n = p.perClass(c);
      for (int i = 0; i < n; i++) {
        double r = spaced(i, n);
        double t = 4 * c + 4 * spaced(i, n) + options.noise() * rng.nextGaussian();
        p.add(c, r * Math.sin(t), r * Math.cos(t));
      }
    }
    return p.toDataset("spiral", rng);
  }

  public static Dataset spiral(int examples, int classes, double noise, Rng rng) {
    return spiral(new SpiralOptions(examples, classes, noise), rng);
  }

  /** The course's planar data: t = linspace(3.12c, 3.12(c + 1)) + noise, r = 4 sin 4t + noise. */
  public static Dataset flower(FlowerOptions options, Rng rng) {
    Points p = new Points(options.examples(), 2, 2);
    for (int c = 0; c < 2; c++) {
      int n = p.perClass(c);
      for (int i = 0; i < n; i++) {
        double t = 3.12 * (c + spaced(i, n)) + options.noise() * rng.nextGaussian();
        double r = 4 * Math.sin(4 * t) + options.noise() * rng.nextGaussian();
        p.add(c, r * Math.sin(t), r * Math.cos(t));
      }
    }
    return p.toDataset("flower", rng);
  }

  public static Dataset flower(int examples, double noise, Rng rng) {
    return flower(new FlowerOptions(examples, noise), rng);
  }

  /**
   * Uniform points in [−0.75, 0.45] × [−0.75, 0.75], class 1 above the curve x2 = 0.25·sin(5·x1)
   * − 0.1; each label flipped with probability labelNoise + (0.5 − labelNoise)·exp(−d / 0.05),
   * d the vertical distance to the curve, so the boundary is ragged (a coin toss on the curve)
   * and a few outliers lie deep in the other class. The classes are not balanced.
   */
  public static Dataset football(FootballOptions options, Rng rng) {
    int m = options.examples();
    double q = options.labelNoise();
    Matrix x = Matrix.zeros(Precision.F64, m, 2);
    int[] labels = new int[m];
    for (int i = 0; i < m; i++) {
      double x1 = -0.75 + 1.2 * rng.nextDouble();
      double x2 = -0.75 + 1.5 * rng.nextDouble();
      double d = x2 - (0.25 * Math.sin(5 * x1) - 0.1);
      int label = d > 0 ? 1 : 0;
      double flip = q + (0.5 - q) * Math.exp(-Math.abs(d) / 0.05);
      x.set(i, 0, x1);
      x.set(i, 1, x2);
      labels[i] = rng.nextDouble() < flip ? 1 - label : label;
    }
    return Dataset.classification("football", x, labels, Dataset.numberedClasses(2),
        Dataset.numberedFeatures(2));
  }

  public static Dataset football(int examples, double labelNoise, Rng rng) {
    return football(new FootballOptions(examples, labelNoise), rng);
  }

  /** numpy's linspace(0, 1, n)[i]; a single point sits at 0. */
  private static double spaced(int i, int n) {
    return n == 1 ? 0 : (double) i / (n - 1);
  }
}
