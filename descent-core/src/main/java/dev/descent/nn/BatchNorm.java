package dev.descent.nn;

import dev.descent.autodiff.BatchNormalize;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch normalization of the dense layer l it follows: {@code Z̃[l] = γ[l]·(Z[l] − μ)/√(σ² + ε) +
 * β[l]}, with μ, σ² the mini-batch's statistics in training and running averages in inference
 * (see {@link BatchNormalize} for the formulas and the fused backward).
 *
 * <p>Parameters {@code gamma{l}} (starts at 1) and {@code beta{l}} (starts at 0), each 1 × n.
 * Running statistics {@code running_mean{l}} (starts at 0) and {@code running_variance{l}}
 * (starts at 1), updated at every training forward with weight {@code runningBeta} = 0.9 on the
 * old value; ε = 1e-5. The dense layer before it needs no bias, since β takes its place.
 *
 * <pre>{@code
 * NetworkBuilder b = Network.builder(2, Precision.F32, Rng.of(1)).dense(5, Init.he(), false);
 * b.layer(BatchNorm.after(b)).activation(Activation.RELU).dense(1, Init.he());
 * // parameters: W1, gamma1, beta1, W2, b2
 * }</pre>
 */
public final class BatchNorm implements Layer, Network.Convertible {

  /**
   * The running averages' weight on the old value (the course's β; PyTorch's {@code momentum}
   * is 1 − runningBeta) and the ε under the square root.
   */
  public record Config(double runningBeta, double epsilon) {
    public Config {
      if (!(runningBeta >= 0 && runningBeta < 1)) {
        throw new IllegalArgumentException("batch norm runningBeta = " + runningBeta + ": must be in [0, 1)");
      }
      if (!(epsilon > 0 && Double.isFinite(epsilon))) {
        throw new IllegalArgumentException("batch norm epsilon = " + epsilon + ": must be positive and finite");
      }
    }

    /** runningBeta 0.9, ε 1e-5. */
    public static Config defaults() {
      return new Config(0.9, 1e-5);
    }

    /** From PyTorch's {@code momentum}, the weight of the <em>new</em> value: 0.1 gives runningBeta 0.9. */
    public static Config fromPyTorchMomentum(double momentum, double epsilon) {
      return new Config(1 - momentum, epsilon);
    }

    public Config withEpsilon(double epsilon) {
      return new Config(runningBeta, epsilon);
    }
  }

  private final int layer;
  private final Variable gamma;
  private final Variable beta;
  private final Matrix runningMean;
  private final Matrix runningVariance;
  private final Config config;

  private BatchNorm(int layer, Variable gamma, Variable beta, Matrix runningMean, Matrix runningVariance, Config config) {
    this.layer = layer;
    this.gamma = gamma;
    this.beta = beta;
    this.runningMean = runningMean;
    this.runningVariance = runningVariance;
    this.config = config;
  }

  /** Batch norm for dense layer {@code layer} (1-based) of {@code units} units, γ = 1, β = 0. */
  public static BatchNorm create(int layer, int units, Precision precision, Config config) {
    if (layer < 1) {
      throw new IllegalArgumentException("batch norm layer " + layer + ": must be at least 1 (the dense layer it follows)");
    }
    if (units < 1) {
      throw new IllegalArgumentException("batch norm in layer " + layer + ": " + units + " units; must be at least 1");
    }
    Matrix ones = Matrix.zeros(precision, 1, units);
    ones.fill(1);
    Matrix runningVariance = ones.copy();
    return new BatchNorm(layer,
        Variable.parameter("gamma" + layer, ones),
        Variable.parameter("beta" + layer, Matrix.zeros(precision, 1, units)),
        Matrix.zeros(precision, 1, units), runningVariance, config);
  }

  public static BatchNorm create(int layer, int units, Precision precision) {
    return create(layer, units, precision, Config.defaults());
  }

  /** Batch norm for the builder's last dense layer. */
  public static BatchNorm after(NetworkBuilder builder) {
    return after(builder, Config.defaults());
  }

  public static BatchNorm after(NetworkBuilder builder, Config config) {
    if (builder.denseCount() == 0) {
      throw new IllegalArgumentException("batch norm needs a dense layer before it; add dense(units, init, false) first");
    }
    return create(builder.denseCount(), builder.width(), builder.precision(), config);
  }

  @Override
  public Variable apply(Tape tape, Variable input, BuildContext context) {
    int m = input.value().rows();
    if (context.mode() == Mode.INFER) {
      return tape.record(BatchNormalize.inference(input, gamma, beta, runningMean, runningVariance, config.epsilon()));
    }
    if (m < 2) {
      throw new IllegalArgumentException("batch norm in layer " + layer + " needs at least 2 examples per training batch"
          + " to estimate statistics; got a batch of " + m + " (use --batch-size ≥ 2)");
    }
    // NOTE: recording runs the op once on whatever the placeholders hold (zeros while a plan is
    // built); that is no training step, so the running statistics must not keep it
    Matrix savedMean = runningMean.copy();
    Matrix savedVariance = runningVariance.copy();
    Variable out = tape.record(BatchNormalize.training(input, gamma, beta, runningMean, runningVariance,
        config.runningBeta(), config.epsilon()));
    runningMean.copyFrom(savedMean);
    runningVariance.copyFrom(savedVariance);
    return out;
  }

  @Override
  public List<Variable> parameters() {
    return List.of(gamma, beta);
  }

  public Variable gamma() {
    return gamma;
  }

  public Variable beta() {
    return beta;
  }

  public int layer() {
    return layer;
  }

  public int units() {
    return gamma.value().cols();
  }

  public Config config() {
    return config;
  }

  /**
   * The running statistics by name, {@code running_mean{l}} and {@code running_variance{l}}, each
   * 1 × n: the live matrices, so a model file can save them and {@code copyFrom} restores them.
   */
  public Map<String, Matrix> statistics() {
    Map<String, Matrix> out = new LinkedHashMap<>();
    out.put("running_mean" + layer, runningMean);
    out.put("running_variance" + layer, runningVariance);
    return out;
  }

  @Override
  public int outputSize(int inputs) {
    if (inputs != units()) {
      throw new IllegalArgumentException("batch norm in layer " + layer + ": input has " + inputs + " features but "
          + gamma.name() + " is " + gamma.value().shape() + " (expects " + units() + ")");
    }
    return inputs;
  }

  @Override
  public Layer to(Precision precision) {
    return new BatchNorm(layer,
        Variable.parameter(gamma.name(), gamma.value().to(precision).copy()),
        Variable.parameter(beta.name(), beta.value().to(precision).copy()),
        runningMean.to(precision).copy(), runningVariance.to(precision).copy(), config);
  }

  @Override
  public LayerSpec spec() {
    return new LayerSpec("batch_norm", Map.of("layer", layer, "units", units(),
        "running_beta", config.runningBeta(), "epsilon", config.epsilon()));
  }

  @Override
  public String toString() {
    return "batch_norm(layer=" + layer + ", units=" + units() + ", running_beta=" + config.runningBeta()
        + ", epsilon=" + config.epsilon() + ")";
  }
}
