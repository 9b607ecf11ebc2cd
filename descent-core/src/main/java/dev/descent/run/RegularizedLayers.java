package dev.descent.run;

import dev.descent.nn.Activation;
import dev.descent.nn.CostTerm;
import dev.descent.nn.Init;
import dev.descent.nn.NetworkBuilder;
import dev.descent.regularize.Dropout;
import dev.descent.regularize.augment.AugmentationLayer;
import java.util.List;

/**
 * Adds regularization around another decorator's hidden layers: an augmentation layer before
 * the first one, dropout after each hidden activation whose keep probability is below 1, and
 * the penalties as cost terms. Wrapping a base decorator (plain, or batch norm's) keeps each
 * concern in its own class.
 *
 * @param augmentation null for none
 * @param keepProbs one per hidden layer
 */
public record RegularizedLayers(NetworkSpec.LayerDecorator base, AugmentationLayer augmentation, double[] keepProbs,
    List<CostTerm> costTerms) implements NetworkSpec.LayerDecorator {

  @Override
  public void hidden(NetworkBuilder b, int layer, int units, Init init, Activation activation) {
    if (layer == 1 && augmentation != null) {
      b.layer(augmentation);
    }
    base.hidden(b, layer, units, init, activation);
    if (keepProbs[layer - 1] < 1) {
      b.layer(Dropout.keep(keepProbs[layer - 1]));
    }
  }

  @Override
  public void finish(NetworkBuilder b) {
    base.finish(b);
    for (CostTerm t : costTerms) {
      b.costTerm(t);
    }
  }
}
