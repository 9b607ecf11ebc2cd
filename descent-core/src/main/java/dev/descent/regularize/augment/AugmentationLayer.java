package dev.descent.regularize.augment;

import dev.descent.autodiff.Op;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.nn.BuildContext;
import dev.descent.nn.Layer;
import dev.descent.nn.LayerSpec;
import dev.descent.nn.Mode;
import dev.descent.nn.Stochastic;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Rng;
import java.util.List;
import java.util.Map;

/**
 * Data augmentation as the network's first layer, as Keras's preprocessing layers: in
 * {@link Mode#TRAIN} it records an op that copies the input batch and applies the {@link
 * Augmentation} to the copy on every forward pass, drawing from the plan's seeded generator, so
 * each step sees freshly transformed examples; in {@link Mode#INFER} it is the identity, so dev,
 * test and predictions see the data as it is. It must come first: it acts on the features, which
 * need no gradient. A gradient check replaces it by the identity ({@link #deterministic()}).
 *
 * <p>It is a training device, not part of the model: {@link #isAugmentation} lets whoever saves
 * a model leave it out.
 *
 * <pre>{@code
 * ImageLayout rgb = new ImageLayout(64, 64, 3);
 * Network.builder(rgb.size(), Precision.F32, rng)
 *     .layer(new AugmentationLayer(Augmentation.chain(HorizontalFlip.of(rgb), new RandomCrop(rgb, 4)), "flip, crop:4"))
 *     .dense(20, Init.he()).activation(Activation.RELU) ... ;
 * }</pre>
 */
public final class AugmentationLayer implements Stochastic {
  private final Augmentation augmentation;
  private final String description;

  /** {@code augmentation} null is the identity (the deterministic version). */
  public AugmentationLayer(Augmentation augmentation, String description) {
    this.augmentation = augmentation;
    this.description = description;
  }

  public static boolean isAugmentation(Layer layer) {
    return layer instanceof AugmentationLayer;
  }

  @Override
  public Variable apply(Tape tape, Variable input, BuildContext context) {
    if (context.mode() == Mode.INFER || augmentation == null) {
      return input;
    }
    return tape.record(new Augment(input, augmentation, context.rng()));
  }

  @Override
  public Layer deterministic() {
    return augmentation == null ? this : new AugmentationLayer(null, "none");
  }

  @Override
  public List<Variable> parameters() {
    return List.of();
  }

  @Override
  public int outputSize(int inputs) {
    return inputs;
  }

  @Override
  public LayerSpec spec() {
    return new LayerSpec("augmentation", Map.of("steps", description));
  }

  @Override
  public String toString() {
    return "augmentation(" + description + ")";
  }

  /** out = augmentation(copy of X); no gradient flows to the features. No allocation after construction. */
  static final class Augment extends Op {
    private final Variable x;
    private final Augmentation augmentation;
    private final Rng rng;

    Augment(Variable x, Augmentation augmentation, Rng rng) {
      super(List.of(x), Variable.result("augmented", requireFeatures(x).value().zerosLike(), false));
      this.x = x;
      this.augmentation = augmentation;
      this.rng = rng;
    }

    private static Variable requireFeatures(Variable x) {
      if (x.needsGrad()) {
        throw new IllegalArgumentException("augmentation must be the first layer, on the input features; '"
            + x.name() + "' depends on parameters");
      }
      return x;
    }

    @Override
    public void forward() {
      Matrix out = output().value();
      out.copyFrom(x.value());
      augmentation.apply(out, rng);
    }

    @Override
    public void backward() {
      // the features have no gradient; the tape never calls this (the output needs none)
    }
  }
}
