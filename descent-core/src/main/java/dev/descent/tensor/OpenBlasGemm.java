package dev.descent.tensor;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * {@code sgemm}/{@code dgemm} of OpenBLAS. Operands live on the Java heap, so each call copies
 * them into per-thread direct staging buffers (one bulk copy each; C only when beta ≠ 0) and
 * copies C back: O(n²) against the product's O(n³). JavaCPP's array overloads would copy every
 * operand both ways.
 */
public final class OpenBlasGemm implements Gemm {
  public static final OpenBlasGemm INSTANCE = new OpenBlasGemm();

  private static final ThreadLocal<Staging> STAGING = ThreadLocal.withInitial(Staging::new);

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
    Staging s = STAGING.get();
    // row-major leading dimensions are the stored column counts
    if (c instanceof F32Matrix fc) {
      FloatBuffer sa = s.floats(0, a.size());
      FloatBuffer sb = s.floats(1, b.size());
      FloatBuffer sc = s.floats(2, c.size());
      sa.put(0, ((F32Matrix) a).data, 0, a.size());
      sb.put(0, ((F32Matrix) b).data, 0, b.size());
      if (beta != 0) {
        sc.put(0, fc.data, 0, c.size());
      }
      cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, (float) alpha, sa, Math.max(1, a.cols()), sb,
          Math.max(1, b.cols()), (float) beta, sc, Math.max(1, n));
      fc.data.put(0, sc, 0, c.size());
    } else {
      DoubleBuffer sa = s.doubles(0, a.size());
      DoubleBuffer sb = s.doubles(1, b.size());
      DoubleBuffer sc = s.doubles(2, c.size());
      sa.put(0, ((F64Matrix) a).data, 0, a.size());
      sb.put(0, ((F64Matrix) b).data, 0, b.size());
      if (beta != 0) {
        sc.put(0, ((F64Matrix) c).data, 0, c.size());
      }
      cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha, sa, Math.max(1, a.cols()), sb,
          Math.max(1, b.cols()), beta, sc, Math.max(1, n));
      ((F64Matrix) c).data.put(0, sc, 0, c.size());
    }
  }

  /** Three direct buffers per thread, grown to the largest operand seen; no allocation after that. */
  private static final class Staging {
    private final ByteBuffer[] bytes = new ByteBuffer[3];
    private final FloatBuffer[] floats = new FloatBuffer[3];
    private final DoubleBuffer[] doubles = new DoubleBuffer[3];

    FloatBuffer floats(int slot, int size) {
      ensure(slot, (long) size * Float.BYTES);
      if (floats[slot] == null) {
        floats[slot] = bytes[slot].asFloatBuffer();
      }
      return floats[slot];
    }

    DoubleBuffer doubles(int slot, int size) {
      ensure(slot, (long) size * Double.BYTES);
      if (doubles[slot] == null) {
        doubles[slot] = bytes[slot].asDoubleBuffer();
      }
      return doubles[slot];
    }

    private void ensure(int slot, long needed) {
      if (bytes[slot] == null || bytes[slot].capacity() < needed) {
        bytes[slot] = ByteBuffer.allocateDirect((int) Math.max(needed, 1 << 16)).order(ByteOrder.nativeOrder());
        floats[slot] = null;
        doubles[slot] = null;
      }
    }
  }
}
