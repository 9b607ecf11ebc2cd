package dev.descent.bench;

import dev.descent.tensor.Gemm;
import dev.descent.tensor.LoopGemm;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.OpenBlasGemm;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One n × n × n product through {@link LoopGemm} and {@link OpenBlasGemm} (and {@code auto},
 * {@link Gemm#auto()}, with {@code -p kernel=auto}), float32 and float64: where the two cross is
 * what {@link dev.descent.tensor.SizeSwitchingGemm#DEFAULT_THRESHOLD} (40³ multiply-adds) should
 * be. The shapes are the training step's: {@code NT} is the forward Z = A·Wᵀ, {@code NN} the
 * backward dA = dZ·W, {@code TN} the backward dW = dZᵀ·A.
 *
 * <pre>
 * java -jar descent-bench/target/benchmarks.jar GemmBenchmark
 * java -jar descent-bench/target/benchmarks.jar GemmBenchmark -p transpose=NT,NN,TN -p precision=F32
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Ddescent.blas.tune=true"})
public class GemmBenchmark {
  @Param({"8", "16", "24", "32", "40", "48", "64", "96", "128", "256"})
  int n;

  @Param({"F32", "F64"})
  Precision precision;

  @Param({"loop", "openblas"})
  String kernel;

  @Param({"NT"})
  String transpose;

  Gemm gemm;
  Matrix a;
  Matrix b;
  Matrix c;
  boolean transposeA;
  boolean transposeB;

  @Setup(Level.Trial)
  public void setUp() {
    gemm = switch (kernel) {
      case "loop" -> new LoopGemm();
      case "openblas" -> OpenBlasGemm.INSTANCE;
      case "auto" -> Gemm.auto();
      default -> throw new IllegalArgumentException("kernel = " + kernel + ": expected loop, openblas or auto");
    };
    if (!transpose.matches("[NT][NT]")) {
      throw new IllegalArgumentException("transpose = " + transpose + ": expected NN, NT, TN or TT");
    }
    transposeA = transpose.charAt(0) == 'T';
    transposeB = transpose.charAt(1) == 'T';
    Rng rng = Rng.of(1);
    a = gaussian(rng);
    b = gaussian(rng);
    c = Matrix.zeros(precision, n, n);
  }

  private Matrix gaussian(Rng rng) {
    Matrix m = Matrix.zeros(precision, n, n);
    for (int k = 0; k < m.size(); k++) {
      m.setFlat(k, rng.nextGaussian());
    }
    return m;
  }

  @Benchmark
  public Matrix multiply() {
    gemm.multiply(a, transposeA, b, transposeB, c, 1, 0);
    return c;
  }
}
