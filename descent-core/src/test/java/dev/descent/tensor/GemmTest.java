package dev.descent.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GemmTest {

  static Matrix random(Precision p, int r, int c, Rng rng) {
    Matrix m = Matrix.zeros(p, r, c);
    for (int k = 0; k < m.size(); k++) {
      m.setFlat(k, rng.nextGaussian());
    }
    return m;
  }

  /** The product by definition, in double. */
  static double reference(Matrix a, boolean ta, Matrix b, boolean tb, int i, int j) {
    int k = ta ? a.rows() : a.cols();
    double s = 0;
    for (int p = 0; p < k; p++) {
      s += (ta ? a.get(p, i) : a.get(i, p)) * (tb ? b.get(j, p) : b.get(p, j));
    }
    return s;
  }

  /**
   * Every kernel, OpenBLAS on the arrays in place and staged among them, in every transpose
   * case; the larger non-square shape checks the row-major to column-major swap of the in-place
   * binding.
   */
  @ParameterizedTest
  @CsvSource({"F64,false,false,7,5,3", "F64,false,true,7,5,3", "F64,true,false,7,5,3", "F64,true,true,7,5,3",
      "F32,false,false,7,5,3", "F32,false,true,7,5,3", "F32,true,false,7,5,3", "F32,true,true,7,5,3",
      "F64,false,false,37,23,51", "F64,false,true,37,23,51", "F64,true,false,37,23,51", "F64,true,true,37,23,51",
      "F32,false,false,37,23,51", "F32,false,true,37,23,51", "F32,true,false,37,23,51", "F32,true,true,37,23,51"})
  void loopsAndOpenBlasAgreeWithTheDefinition(Precision p, boolean ta, boolean tb, int m, int n, int k) {
    Rng rng = Rng.of(5);
    Matrix a = ta ? random(p, k, m, rng) : random(p, m, k, rng);
    Matrix b = tb ? random(p, n, k, rng) : random(p, k, n, rng);
    Matrix start = random(p, m, n, rng);
    double tol = p == Precision.F64 ? 1e-12 : 1e-4;
    for (Gemm g : new Gemm[] {new LoopGemm(), OpenBlasGemm.INSTANCE, OpenBlasGemm.STAGED, new SizeSwitchingGemm(0)}) {
      Matrix c = start.copy();
      g.multiply(a, ta, b, tb, c, 2.0, 0.5);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double expected = 2 * reference(a, ta, b, tb, i, j) + 0.5 * start.get(i, j);
          assertEquals(expected, c.get(i, j), tol, name(g) + " [" + i + "][" + j + "]");
        }
      }
    }
  }

  /**
   * beta = 0 overwrites C whatever it held (NaN here, and after a product that left other
   * numbers in OpenBLAS's staging buffer): the very numbers of a zeroed C with beta = 1, which is
   * what a tape's zeroed gradient got before the affine op started to assign it.
   */
  @ParameterizedTest
  @CsvSource({"F32", "F64"})
  void betaZeroIgnoresWhatCHeld(Precision p) {
    Rng rng = Rng.of(9);
    Matrix a = random(p, 40, 30, rng);
    Matrix b = random(p, 30, 20, rng);
    for (Gemm g : new Gemm[] {new LoopGemm(), OpenBlasGemm.INSTANCE, OpenBlasGemm.STAGED}) {
      Matrix dirty = random(p, 40, 20, rng);
      g.multiply(a, false, b, false, dirty, 1.0, 1.0);
      Matrix zeroed = Matrix.zeros(p, 40, 20);
      g.multiply(a, false, b, false, zeroed, 1.5, 1.0);
      Matrix c = Matrix.zeros(p, 40, 20);
      c.fill(Double.NaN);
      g.multiply(a, false, b, false, c, 1.5, 0.0);
      for (int k = 0; k < c.size(); k++) {
        assertEquals(zeroed.getFlat(k), c.getFlat(k), 0.0, name(g) + " entry " + k);
      }
    }
  }

  static String name(Gemm g) {
    return g == OpenBlasGemm.STAGED ? "OpenBlasGemm (staged)" : g.getClass().getSimpleName();
  }

  /**
   * On Linux x86-64, the platform the project ships natives for, OpenBLAS must get the arrays
   * themselves: a silent fall back to staging would cost 6–12 % of an MLP step.
   */
  @Test
  void openBlasWorksOnTheArraysInPlaceOnLinux() {
    org.junit.jupiter.api.Assumptions.assumeTrue("Linux".equals(System.getProperty("os.name"))
        && "amd64".equals(System.getProperty("os.arch")), "netlib's binding is checked on Linux x86-64 only");
    assertTrue(OpenBlasGemm.INSTANCE.inPlace(), Blas.describe());
    assertTrue(Blas.describe().contains("in place"), Blas.describe());
  }

  /** An operand above the kept staging size goes through buffers of its own: the same product. */
  @ParameterizedTest
  @CsvSource({"F32,false", "F32,true", "F64,false", "F64,true"})
  void operandsAboveTheKeptStagingSizeMultiplyAlike(Precision p, boolean ta) {
    int bytes = p == Precision.F32 ? Float.BYTES : Double.BYTES;
    int k = 1000;
    int m = (int) (OpenBlasGemm.KEPT_STAGING_BYTES / bytes / k) + 7;
    Rng rng = Rng.of(13);
    Matrix a = ta ? random(p, k, m, rng) : random(p, m, k, rng);
    Matrix b = random(p, 3, k, rng);
    Matrix start = random(p, m, 3, rng);
    Matrix c = start.copy();
    OpenBlasGemm.STAGED.multiply(a, ta, b, true, c, 1.0, 0.5);
    double tol = p == Precision.F64 ? 1e-10 : 1e-2;
    for (int i : new int[] {0, 1, m / 2, m - 1}) {
      for (int j = 0; j < 3; j++) {
        assertEquals(reference(a, ta, b, true, i, j) + 0.5 * start.get(i, j), c.get(i, j), tol, "[" + i + "][" + j + "]");
      }
    }
  }

  /** Batch-shaped products (64 examples, 2–5 units) take LoopGemm's strided "tall" kernels. */
  @ParameterizedTest
  @CsvSource({"F32,64,5,2", "F32,64,2,5", "F64,64,1,2", "F64,300,10,2", "F32,2,5,64"})
  void tallKernelsAgreeWithTheDefinition(Precision p, int m, int n, int k) {
    Rng rng = Rng.of(9);
    double tol = p == Precision.F64 ? 1e-12 : 1e-4;
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        Matrix a = ta ? random(p, k, m, rng) : random(p, m, k, rng);
        Matrix b = tb ? random(p, n, k, rng) : random(p, k, n, rng);
        Matrix start = random(p, m, n, rng);
        Matrix c = start.copy();
        new LoopGemm().multiply(a, ta, b, tb, c, 1.5, 1.0);
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            assertEquals(1.5 * reference(a, ta, b, tb, i, j) + start.get(i, j), c.get(i, j), tol,
                "ta=" + ta + " tb=" + tb + " [" + i + "][" + j + "]");
          }
        }
      }
    }
  }

  @Test
  void mismatchedShapesAreRefusedWithBothShapes() {
    Matrix a = Matrix.zeros(Precision.F64, 2, 3);
    Matrix b = Matrix.zeros(Precision.F64, 4, 2);
    Matrix c = Matrix.zeros(Precision.F64, 2, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gemm.auto().multiply(a, false, b, false, c, 1, 0));
    assertEquals("matrix product: 2×3 · 4×2 → 2×2 does not fit", e.getMessage());
  }

  @Test
  void rngForksAreReproducibleAndIndependent() {
    Rng a = Rng.of(42).fork("trial", 3);
    Rng b = Rng.of(42).fork("trial", 3);
    Rng c = Rng.of(42).fork("trial", 4);
    long x = a.nextLong();
    assertEquals(x, b.nextLong());
    assertTrue(x != c.nextLong());
    double sum = 0;
    double sumSq = 0;
    Rng g = Rng.of(1);
    for (int i = 0; i < 100_000; i++) {
      double v = g.nextGaussian();
      sum += v;
      sumSq += v * v;
    }
    assertEquals(0, sum / 100_000, 0.02);
    assertEquals(1, sumSq / 100_000, 0.02);
  }
}
