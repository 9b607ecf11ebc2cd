package dev.descent.bench;

import dev.descent.tensor.Blas;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.OpenBlasGemm;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matrix-product ceiling: square {@code C = A·B} through {@link OpenBlasGemm} (operands
 * staged from the Java heap, as in training), float32 ({@code sgemm-N}) and float64
 * ({@code dgemm-N}). GFLOPS = 2n³ / t for the best sample; a sample averages as many calls as
 * fill 50 ms, after 0.2 s of untimed calls. Each product is checked against float64 on 4 rows,
 * so a fast wrong kernel cannot pass (the same protocol as the Python references' gemm.py).
 */
final class GemmSuite implements Suite {
  private static final double WARMUP_SECONDS = 0.2;
  private static final double SAMPLE_SECONDS = 0.05;
  private static final int SAMPLES = 7;

  @Override
  public String name() {
    return "gemm";
  }

  @Override
  public String describe(BenchSettings settings) {
    return "square C = A·B through OpenBlasGemm, float32 and float64, n = "
        + String.join(", ", sizes(settings).stream().map(String::valueOf).toList())
        + "; GFLOPS of the best of " + samples(settings) + " samples";
  }

  static List<Integer> sizes(BenchSettings settings) {
    return settings.sizes() != null ? settings.sizes()
        : settings.quick() ? List.of(256, 512) : List.of(256, 512, 1024, 2048);
  }

  /** Samples are short, so --quick keeps all of them and shrinks only the sizes. */
  private static int samples(BenchSettings settings) {
    return settings.repeats() != null ? settings.repeats() : SAMPLES;
  }

  @Override
  public List<BenchResult> run(BenchSettings settings, PrintWriter log) {
    List<BenchResult> results = new ArrayList<>();
    Rng rng = Rng.of(1);
    for (Precision p : new Precision[] {Precision.F32, Precision.F64}) {
      for (int n : sizes(settings)) {
        BenchResult r = measure(p, n, samples(settings), rng.fork(p.name(), n));
        log.printf("bench gemm: %s %.1f GFLOPS%n", r.name(), r.value());
        log.flush();
        results.add(r);
      }
    }
    return results;
  }

  private static BenchResult measure(Precision precision, int n, int samples, Rng rng) {
    Matrix a = gaussian(precision, n, rng.fork("A", 0));
    Matrix b = gaussian(precision, n, rng.fork("B", 0));
    Matrix c = Matrix.zeros(precision, n, n);
    Timing timing = Timing.of(() -> OpenBlasGemm.INSTANCE.multiply(a, false, b, false, c, 1, 0), WARMUP_SECONDS,
        SAMPLE_SECONDS, samples);
    Samples t = timing.seconds();
    double flops = 2.0 * n * n * (double) n;
    double error = relativeError(a, b, c, Math.min(4, n));
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("gflops_median", flops / t.median() / 1e9);
    d.put("best_s", t.min());
    d.put("repeats", samples);
    d.put("calls_per_sample", timing.callsPerSample());
    d.put("n", n);
    d.put("dtype", precision == Precision.F32 ? "float32" : "float64");
    d.put("rel_error", error);
    d.put("correct", error < (precision == Precision.F32 ? 1e-5 : 1e-13));
    d.put("threads", Blas.threads());
    String prefix = precision == Precision.F32 ? "sgemm" : "dgemm";
    return new BenchResult(prefix + "-" + n, flops / t.min() / 1e9, "GFLOPS", d);
  }

  private static Matrix gaussian(Precision precision, int n, Rng rng) {
    Matrix m = Matrix.zeros(precision, n, n);
    for (int k = 0, size = m.size(); k < size; k++) {
      m.setFlat(k, rng.nextGaussian());
    }
    return m;
  }

  /**
   * The worst |C − A·B| on the first rows, relative to (|A|·|B|), the scale of the standard
   * rounding-error bound; computed in float64.
   */
  static double relativeError(Matrix a, Matrix b, Matrix c, int rows) {
    int n = b.cols();
    int k = a.cols();
    double worst = 0;
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < n; j++) {
        double exact = 0;
        double scale = 0;
        for (int p = 0; p < k; p++) {
          double x = a.get(i, p) * b.get(p, j);
          exact += x;
          scale += Math.abs(x);
        }
        worst = Math.max(worst, Math.abs(c.get(i, j) - exact) / scale);
      }
    }
    return worst;
  }
}
