package dev.descent.autodiff;

import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.F64Matrix;
import dev.descent.tensor.Matrix;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Batch normalization of Z (m × n, examples as rows), per feature j, with scale γ and shift β
 * (1 × n parameters):
 *
 * <pre>
 *   μ = (1/m)·Σ_i z_i      σ² = (1/m)·Σ_i (z_i − μ)²   (biased, as the course and numpy)
 *   Znorm = (Z − μ)/√(σ² + ε)      out = γ·Znorm + β
 * </pre>
 *
 * <p>While training, μ and σ² are the mini-batch's, and every forward folds them into the
 * running averages {@code r = runningBeta·r + (1 − runningBeta)·stat}; {@code runningBeta} is the
 * weight of the <em>old</em> value, as every beta in Descent (PyTorch's "momentum 0.1" is
 * runningBeta 0.9). In inference μ and σ² are the running averages, so a batch of one works.
 *
 * <p>Backward, fused (training): {@code dγ += Σ_i dout·Znorm}, {@code dβ += Σ_i dout},
 * {@code dZ += γ/(m·√(σ²+ε))·(m·dout − Σ_i dout − Znorm·Σ_i dout·Znorm)}; in inference the
 * statistics are constants and {@code dZ += γ·dout/√(σ²+ε)}.
 *
 * <pre>{@code
 * Op bn = BatchNormalize.training(z, gamma, beta, runningMean, runningVariance, 0.9, 1e-5);
 * tape.record(bn);   // out has per-column mean β and standard deviation ≈ γ
 * }</pre>
 */
public final class BatchNormalize extends Op {
  private final Variable z;
  private final Variable gamma;
  private final Variable beta;
  private final Matrix runningMean;
  private final Matrix runningVariance;
  private final double runningBeta;
  private final double epsilon;
  private final boolean training;
  private final Matrix normalized;
  // per-feature scratch, in double for both precisions: sums over a batch lose too much in float
  private final double[] mean;
  private final double[] variance;
  private final double[] inverseStd;
  private final double[] scale;
  private final double[] shift;
  private final double[] gradientScale;
  private final double[] sumGrad;
  private final double[] sumGradNormalized;

  private BatchNormalize(Variable z, Variable gamma, Variable beta, Matrix runningMean,
      Matrix runningVariance, double runningBeta, double epsilon, boolean training) {
    super(List.of(z, gamma, beta), Variable.result("batchnorm", z.value().zerosLike(), anyNeedsGrad(z, gamma, beta)));
    int n = z.value().cols();
    for (Variable v : List.of(gamma, beta)) {
      if (v.value().rows() != 1 || v.value().cols() != n) {
        throw new IllegalArgumentException("batch norm: Z is " + z.value().shape() + " but " + v.name() + " is "
            + v.value().shape() + "; γ and β must be 1×" + n + " (one per column of Z)");
      }
    }
    for (Matrix r : List.of(runningMean, runningVariance)) {
      if (r.rows() != 1 || r.cols() != n || r.precision() != z.value().precision()) {
        throw new IllegalArgumentException("batch norm: running statistics are " + r.precision() + " " + r.shape()
            + "; expected " + z.value().precision() + " 1×" + n);
      }
    }
    if (!(runningBeta >= 0 && runningBeta < 1)) {
      throw new IllegalArgumentException("batch norm runningBeta = " + runningBeta + ": must be in [0, 1)");
    }
    if (!(epsilon > 0 && Double.isFinite(epsilon))) {
      throw new IllegalArgumentException("batch norm epsilon = " + epsilon + ": must be positive and finite");
    }
    this.z = z;
    this.gamma = gamma;
    this.beta = beta;
    this.runningMean = runningMean;
    this.runningVariance = runningVariance;
    this.runningBeta = runningBeta;
    this.epsilon = epsilon;
    this.training = training;
    this.normalized = z.value().zerosLike();
    this.mean = new double[n];
    this.variance = new double[n];
    this.inverseStd = new double[n];
    this.scale = new double[n];
    this.shift = new double[n];
    this.gradientScale = new double[n];
    this.sumGrad = new double[n];
    this.sumGradNormalized = new double[n];
  }

  /** Normalizes with the batch's statistics and updates the running averages at every forward. */
  public static BatchNormalize training(Variable z, Variable gamma, Variable beta, Matrix runningMean,
      Matrix runningVariance, double runningBeta, double epsilon) {
    return new BatchNormalize(z, gamma, beta, runningMean, runningVariance, runningBeta, epsilon, true);
  }

  /** Normalizes with the running statistics, which it only reads. */
  public static BatchNormalize inference(Variable z, Variable gamma, Variable beta, Matrix runningMean,
      Matrix runningVariance, double epsilon) {
    return new BatchNormalize(z, gamma, beta, runningMean, runningVariance, 0, epsilon, false);
  }

  /** Znorm from the last forward, m × n. */
  public Matrix normalized() {
    return normalized;
  }

  /** μ_j of the last forward: the batch's in training, the running one in inference. */
  public double mean(int j) {
    return mean[j];
  }

  /** σ²_j of the last forward (biased), as {@link #mean(int)}. */
  public double variance(int j) {
    return variance[j];
  }

  @Override
  public void forward() {
    // no allocation after the first step
    Matrix zv = z.value();
    int m = zv.rows();
    int n = zv.cols();
    if (training) {
      if (zv instanceof F32Matrix f) {
        batchStatistics32(f.data, m, n);
      } else {
        batchStatistics64(((F64Matrix) zv).data, m, n);
      }
    }
    for (int j = 0; j < n; j++) {
      if (training) {
        runningMean.setFlat(j, runningBeta * runningMean.getFlat(j) + (1 - runningBeta) * mean[j]);
        runningVariance.setFlat(j, runningBeta * runningVariance.getFlat(j) + (1 - runningBeta) * variance[j]);
      } else {
        mean[j] = runningMean.getFlat(j);
        variance[j] = runningVariance.getFlat(j);
      }
      inverseStd[j] = 1 / Math.sqrt(variance[j] + epsilon);
      scale[j] = gamma.value().getFlat(j);
      shift[j] = beta.value().getFlat(j);
    }
    if (zv instanceof F32Matrix f) {
      normalize32(f.data, ((F32Matrix) normalized).data, ((F32Matrix) out.value()).data, m, n);
    } else {
      normalize64(((F64Matrix) zv).data, ((F64Matrix) normalized).data, ((F64Matrix) out.value()).data, m, n);
    }
  }

  private void batchStatistics32(FloatBuffer zb, int m, int n) {
    Arrays.fill(mean, 0);
    Arrays.fill(variance, 0);
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        mean[j] += zb.get(k);
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] /= m;
    }
    // two passes: Σz² − mμ² cancels badly when |μ| ≫ σ
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        double d = zb.get(k) - mean[j];
        variance[j] += d * d;
      }
    }
    for (int j = 0; j < n; j++) {
      variance[j] /= m;
    }
  }

  private void batchStatistics64(DoubleBuffer zb, int m, int n) {
    Arrays.fill(mean, 0);
    Arrays.fill(variance, 0);
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        mean[j] += zb.get(k);
      }
    }
    for (int j = 0; j < n; j++) {
      mean[j] /= m;
    }
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        double d = zb.get(k) - mean[j];
        variance[j] += d * d;
      }
    }
    for (int j = 0; j < n; j++) {
      variance[j] /= m;
    }
  }

  private void normalize32(FloatBuffer zb, FloatBuffer xb, FloatBuffer ob, int m, int n) {
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        double x = (zb.get(k) - mean[j]) * inverseStd[j];
        xb.put(k, (float) x);
        ob.put(k, (float) (scale[j] * x + shift[j]));
      }
    }
  }

  private void normalize64(DoubleBuffer zb, DoubleBuffer xb, DoubleBuffer ob, int m, int n) {
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        double x = (zb.get(k) - mean[j]) * inverseStd[j];
        xb.put(k, x);
        ob.put(k, scale[j] * x + shift[j]);
      }
    }
  }

  @Override
  public void backward() {
    // no allocation after the first step
    Matrix dout = out.grad();
    int m = dout.rows();
    int n = dout.cols();
    Arrays.fill(sumGrad, 0);
    Arrays.fill(sumGradNormalized, 0);
    if (dout instanceof F32Matrix f) {
      columnSums32(f.data, ((F32Matrix) normalized).data, m, n);
    } else {
      columnSums64(((F64Matrix) dout).data, ((F64Matrix) normalized).data, m, n);
    }
    for (int j = 0; j < n; j++) {
      if (gamma.needsGrad()) {
        gamma.grad().setFlat(j, gamma.grad().getFlat(j) + sumGradNormalized[j]);
      }
      if (beta.needsGrad()) {
        beta.grad().setFlat(j, beta.grad().getFlat(j) + sumGrad[j]);
      }
      gradientScale[j] = gamma.value().getFlat(j) * inverseStd[j];
    }
    if (!z.needsGrad()) {
      return;
    }
    if (dout instanceof F32Matrix f) {
      inputGradient32(f.data, ((F32Matrix) normalized).data, ((F32Matrix) z.grad()).data, m, n);
    } else {
      inputGradient64(((F64Matrix) dout).data, ((F64Matrix) normalized).data, ((F64Matrix) z.grad()).data, m, n);
    }
  }

  private void columnSums32(FloatBuffer db, FloatBuffer xb, int m, int n) {
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        double d = db.get(k);
        sumGrad[j] += d;
        sumGradNormalized[j] += d * xb.get(k);
      }
    }
  }

  private void columnSums64(DoubleBuffer db, DoubleBuffer xb, int m, int n) {
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        double d = db.get(k);
        sumGrad[j] += d;
        sumGradNormalized[j] += d * xb.get(k);
      }
    }
  }

  private void inputGradient32(FloatBuffer db, FloatBuffer xb, FloatBuffer dz, int m, int n) {
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        double d = training
            ? (db.get(k) - (sumGrad[j] + xb.get(k) * sumGradNormalized[j]) / m) * gradientScale[j]
            : db.get(k) * gradientScale[j];
        dz.put(k, (float) (dz.get(k) + d));
      }
    }
  }

  private void inputGradient64(DoubleBuffer db, DoubleBuffer xb, DoubleBuffer dz, int m, int n) {
    for (int i = 0, k = 0; i < m; i++) {
      for (int j = 0; j < n; j++, k++) {
        double d = training
            ? (db.get(k) - (sumGrad[j] + xb.get(k) * sumGradNormalized[j]) / m) * gradientScale[j]
            : db.get(k) * gradientScale[j];
        dz.put(k, dz.get(k) + d);
      }
    }
  }

  @Override
  public String toString() {
    return "batchnorm(" + z.name() + ", " + gamma.name() + ", " + beta.name() + (training ? ", train" : ", infer") + ")";
  }
}
