package dev.descent.tensor;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

/** {@code sgemm}/{@code dgemm} of OpenBLAS on the matrices' direct buffers, without copies. */
public final class OpenBlasGemm implements Gemm {
  public static final OpenBlasGemm INSTANCE = new OpenBlasGemm();

  private OpenBlasGemm() {
    Blas.ensureLoaded();
  }

  @Override
  public void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB,
      Matrix c, double alpha, double beta) {
    int k = Gemm.innerDimension(a, transposeA, b, transposeB, c);
    int m = c.rows();
    int n = c.cols();
    if (m == 0 || n == 0) {
      return;
    }
    int ta = transposeA ? CblasTrans : CblasNoTrans;
    int tb = transposeB ? CblasTrans : CblasNoTrans;
    // row-major leading dimensions are the stored column counts
    if (c instanceof F32Matrix fc) {
      cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, (float) alpha, ((F32Matrix) a).data,
          Math.max(1, a.cols()), ((F32Matrix) b).data, Math.max(1, b.cols()), (float) beta, fc.data, Math.max(1, n));
    } else {
      cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha, ((F64Matrix) a).data,
          Math.max(1, a.cols()), ((F64Matrix) b).data, Math.max(1, b.cols()), beta, ((F64Matrix) c).data, Math.max(1, n));
    }
  }
}
