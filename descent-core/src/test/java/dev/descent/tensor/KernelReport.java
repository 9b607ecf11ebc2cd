package dev.descent.tensor;

/**
 * A separate JVM for {@link OpenBlasKernelTest}: OpenBLAS reads its kernel request once per
 * process. After one product through OpenBLAS (an AVX-512 kernel on a CPU without AVX-512 would
 * stop the JVM there), prints one per line: the kernel OpenBLAS runs, the product's trace, the
 * description, {@code OPENBLAS_CORETYPE} in the C environment now, netlib's library property, and
 * what {@link Blas#tuneProcess()} says when called that late.
 */
public final class KernelReport {
  private KernelReport() {}

  public static void main(String[] args) {
    Matrix a = Matrix.zeros(Precision.F32, 64, 64);
    for (int k = 0; k < a.size(); k++) {
      a.setFlat(k, k % 7 - 3);
    }
    Matrix c = Matrix.zeros(Precision.F32, 64, 64);
    OpenBlasGemm.INSTANCE.multiply(a, false, a, true, c, 1, 0);
    double trace = 0;
    for (int i = 0; i < 64; i++) {
      trace += c.get(i, i);
    }
    System.out.println(Blas.kernel().orElse("none"));
    System.out.println(trace);
    System.out.println(Blas.describe());
    System.out.println(OpenBlasKernel.environment(OpenBlasKernel.VARIABLE));
    System.out.println(System.getProperty("dev.ludovic.netlib.blas.nativeLibPath"));
    String late;
    try {
      Blas.tuneProcess();
      late = "tuned";
    } catch (IllegalStateException e) {
      late = e.getMessage();
    }
    System.out.println(late);
  }
}
