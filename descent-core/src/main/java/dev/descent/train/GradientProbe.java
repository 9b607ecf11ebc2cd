package dev.descent.train;

import dev.descent.nn.Mode;
import dev.descent.nn.Network;
import dev.descent.nn.Plan;
import dev.descent.tensor.Matrix;

/**
 * The gradient of the data cost on a fixed probe batch, the first {@code min(m, 256)} training
 * examples, in inference mode: one extra forward and backward pass that draws no random numbers
 * and changes no parameter, so measuring does not change the run. Shared by {@link
 * GradientNormMonitor} (every epoch) and {@link HistoryLog} (on its probe epochs).
 */
final class GradientProbe {
  private final GradientNorms.Limits limits;
  private Matrix features;
  private Matrix targets;
  private int size;

  GradientProbe(GradientNorms.Limits limits) {
    this.limits = limits;
  }

  GradientNorms measure(TrainingContext context) {
    backward(context);
    return GradientNorms.of(context.network(), limits);
  }

  /** The forward and backward pass alone: the gradients are in the network's parameters. */
  void backward(TrainingContext context) {
    Network network = context.network();
    if (features == null) {
      // the first examples, gathered once: the same probe every epoch, resident or mapped
      size = Math.min(context.train().size(), GradientNormMonitor.PROBE_EXAMPLES);
      features = Matrix.zeros(network.precision(), size, network.inputs());
      targets = Matrix.zeros(network.precision(), size, network.outputs());
      context.train().gather(null, 0, size, features, targets);
    }
    Plan plan = network.plan(size, Mode.INFER);
    plan.load(features, targets, null, 0);
    plan.forward();
    plan.tape().backward(plan.cost());
  }
}
