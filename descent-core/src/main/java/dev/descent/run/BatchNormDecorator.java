package dev.descent.run;

import dev.descent.nn.Activation;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Init;
import dev.descent.nn.NetworkBuilder;

/**
 * Batch norm after every hidden dense layer: dense without bias (β takes its place), then {@link
 * BatchNorm}, then the activation, {@code A[l] = g(γ[l]·norm(A[l−1]·W[l]ᵀ) + β[l])}. The output
 * layer keeps its bias and has no batch norm. Training uses each mini-batch's statistics, and
 * evaluation and prediction the running averages (the network's {@code Mode} decides).
 *
 * <pre>{@code
 * new NetworkSpec(List.of(32, 32), Activation.RELU, Init.he())
 *     .build(data, Precision.F32, Rng.of(1), BatchNormDecorator.DEFAULT);
 * // layers: dense(32, no bias), batch_norm 1, relu, dense(32, no bias), batch_norm 2, relu, dense(K)
 * }</pre>
 */
public final class BatchNormDecorator implements NetworkSpec.LayerDecorator {
  /** Running averages with β = 0.9 and ε = 1e-5 ({@link BatchNorm.Config#defaults()}). */
  public static final BatchNormDecorator DEFAULT = new BatchNormDecorator(BatchNorm.Config.defaults());

  private final BatchNorm.Config config;

  public BatchNormDecorator(BatchNorm.Config config) {
    this.config = config;
  }

  @Override
  public void hidden(NetworkBuilder b, int layer, int units, Init init, Activation activation) {
    b.dense(units, init, false);
    b.layer(BatchNorm.after(b, config)).activation(activation);
  }

  @Override
  public String toString() {
    return "batch norm (running β " + config.runningBeta() + ", ε " + config.epsilon() + ")";
  }
}
