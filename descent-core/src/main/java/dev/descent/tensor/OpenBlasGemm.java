package dev.descent.tensor;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.ByteBuffer;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * {@code sgemm}/{@code dgemm} of OpenBLAS. Operands live on the Java heap. Where netlib's JNI
 * binding loads ({@link ArrayBlas}: Linux x86-64 and aarch64), OpenBLAS reads and writes the
 * arrays themselves. Elsewhere each call copies them into per-thread direct staging buffers (one
 * bulk copy each; C only when beta ≠ 0) and copies C back: O(n²) against the product's O(n³).
 * JavaCPP's array overloads would copy every operand both ways.
 *
 * <p>The staging buffers stay allocated for the next call, up to {@value #KEPT_STAGING_BYTES}
 * bytes each: a larger operand (a one-off product of a whole data set) is staged in native
 * memory of its own, freed when the call returns, so that it does not pin hundreds of
 * megabytes for the rest of the process.
 */
public final class OpenBlasGemm implements Gemm {
  /** OpenBLAS on the arrays themselves where netlib's binding loads ({@link ArrayBlas}), else staged. */
  public static final OpenBlasGemm INSTANCE = new OpenBlasGemm(ArrayBlas.available());
  /** Always through the staging buffers: the fallback, kept so that tests exercise it everywhere. */
  static final OpenBlasGemm STAGED = new OpenBlasGemm(false);

  /** The largest staging buffer kept between calls (per operand and thread). */
  static final long KEPT_STAGING_BYTES = 16L << 20;

  private static final ThreadLocal<Staging> STAGING = ThreadLocal.withInitial(Staging::new);

  private final boolean inPlace;
  /** False where OpenBLAS did not load or Java products were asked for (see {@link Blas}). */
  private final boolean loaded;

  private OpenBlasGemm(boolean inPlace) {
    this.loaded = Blas.available();
    this.inPlace = inPlace;
  }

  /** True when products hand OpenBLAS the Java arrays themselves; false when operands are staged. */
  public boolean inPlace() {
    return inPlace;
  }

  @Override
  public void multiply(Matrix a, boolean transposeA, Matrix b, boolean transposeB,
      Matrix c, double alpha, double beta) {
    if (!loaded) {
      throw new IllegalStateException("OpenBlasGemm: " + Blas.describe() + "; Gemm.auto() runs every product in Java");
    }
    int k = Gemm.innerDimension(a, transposeA, b, transposeB, c);
    int m = c.rows();
    int n = c.cols();
    if (m == 0 || n == 0) {
      return;
    }
    int ta = transposeA ? CblasTrans : CblasNoTrans;
    int tb = transposeB ? CblasTrans : CblasNoTrans;
    // row-major leading dimensions are the stored column counts
    int lda = Math.max(1, a.cols());
    int ldb = Math.max(1, b.cols());
    int ldc = Math.max(1, n);
    if (inPlace) {
      multiplyInPlace(a, transposeA, b, transposeB, c, m, n, k, lda, ldb, ldc, alpha, beta);
      return;
    }
    long bytes = (long) Math.max(a.size(), Math.max(b.size(), c.size())) * (c instanceof F32Matrix ? Float.BYTES : Double.BYTES);
    if (bytes > KEPT_STAGING_BYTES) {
      multiplyOnce(a, b, c, ta, tb, m, n, k, lda, ldb, ldc, alpha, beta);
      return;
    }
    Staging s = STAGING.get();
    if (c instanceof F32Matrix fc) {
      FloatBuffer sa = s.floats(0, a.size());
      FloatBuffer sb = s.floats(1, b.size());
      FloatBuffer sc = s.floats(2, c.size());
      sa.put(0, ((F32Matrix) a).data, 0, a.size());
      sb.put(0, ((F32Matrix) b).data, 0, b.size());
      if (beta != 0) {
        sc.put(0, fc.data, 0, c.size());
      } else {
        s.zero(2, (long) c.size() * Float.BYTES);
      }
      cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, (float) alpha, sa, lda, sb, ldb, beta == 0 ? 1f : (float) beta, sc, ldc);
      fc.data.put(0, sc, 0, c.size());
    } else {
      DoubleBuffer sa = s.doubles(0, a.size());
      DoubleBuffer sb = s.doubles(1, b.size());
      DoubleBuffer sc = s.doubles(2, c.size());
      sa.put(0, ((F64Matrix) a).data, 0, a.size());
      sb.put(0, ((F64Matrix) b).data, 0, b.size());
      if (beta != 0) {
        sc.put(0, ((F64Matrix) c).data, 0, c.size());
      } else {
        s.zero(2, (long) c.size() * Double.BYTES);
      }
      cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha, sa, lda, sb, ldb, beta == 0 ? 1 : beta, sc, ldc);
      ((F64Matrix) c).data.put(0, sc, 0, c.size());
    }
  }

  /**
   * The product on the arrays themselves. beta = 0 becomes a Java fill and beta = 1: OpenBLAS's
   * own beta = 0 pass measured slower (MLP step at batch 32 and 128: −8 to −9 % this way).
   */
  private static void multiplyInPlace(Matrix a, boolean transposeA, Matrix b, boolean transposeB, Matrix c,
      int m, int n, int k, int lda, int ldb, int ldc, double alpha, double beta) {
    if (beta == 0) {
      c.fill(0);
      beta = 1;
    }
    if (c instanceof F32Matrix fc) {
      ArrayBlas.sgemm(transposeA, transposeB, m, n, k, (float) alpha, ((F32Matrix) a).values, lda,
          ((F32Matrix) b).values, ldb, (float) beta, fc.values, ldc);
    } else {
      ArrayBlas.dgemm(transposeA, transposeB, m, n, k, alpha, ((F64Matrix) a).values, lda,
          ((F64Matrix) b).values, ldb, beta, ((F64Matrix) c).values, ldc);
    }
  }

  /** The same product through native buffers allocated for this call and freed at its end. */
  private static void multiplyOnce(Matrix a, Matrix b, Matrix c, int ta, int tb, int m, int n, int k, int lda, int ldb, int ldc,
      double alpha, double beta) {
    if (c instanceof F32Matrix fc) {
      try (FloatPointer pa = new FloatPointer((long) a.size()).put(((F32Matrix) a).values, 0, a.size());
          FloatPointer pb = new FloatPointer((long) b.size()).put(((F32Matrix) b).values, 0, b.size());
          FloatPointer pc = new FloatPointer((long) c.size())) {
        if (beta != 0) {
          pc.put(fc.values, 0, c.size());
        }
        cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, (float) alpha, pa, lda, pb, ldb, (float) beta, pc, ldc);
        pc.get(fc.values, 0, c.size());
      }
    } else {
      F64Matrix dc = (F64Matrix) c;
      try (DoublePointer pa = new DoublePointer((long) a.size()).put(((F64Matrix) a).values, 0, a.size());
          DoublePointer pb = new DoublePointer((long) b.size()).put(((F64Matrix) b).values, 0, b.size());
          DoublePointer pc = new DoublePointer((long) c.size())) {
        if (beta != 0) {
          pc.put(dc.values, 0, c.size());
        }
        cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
        pc.get(dc.values, 0, c.size());
      }
    }
  }

  /** Three direct buffers per thread, grown to the largest operand seen; no allocation after that. */
  private static final class Staging {
    private final ByteBuffer[] bytes = new ByteBuffer[3];
    /** The same memory as {@code bytes}, for {@code memset}. */
    private final BytePointer[] pointers = new BytePointer[3];
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

    /** Zeroes the first {@code length} bytes of a slot already sized for them. */
    void zero(int slot, long length) {
      Pointer.memset(pointers[slot], 0, length);
    }

    private void ensure(int slot, long needed) {
      if (bytes[slot] == null || bytes[slot].capacity() < needed) {
        bytes[slot] = ByteBuffer.allocateDirect((int) Math.max(needed, 1 << 16)).order(ByteOrder.nativeOrder());
        pointers[slot] = new BytePointer(bytes[slot]);
        floats[slot] = null;
        doubles[slot] = null;
      }
    }
  }
}
