package dev.descent.model;

import dev.descent.data.Standardizer;
import dev.descent.nn.Network;
import dev.descent.tensor.Matrix;
import java.util.List;
import java.util.Map;

/**
 * A trained network with everything needed to use it on new data: the standardizer fitted on
 * its training set (or null), class names (empty for regression), feature names, and the
 * settings it was trained with (for provenance; printed by reports).
 */
public record Model(Network network, Standardizer standardizer, List<String> classNames,
    List<String> featureNames, Map<String, Object> settings) {

  public Model {
    classNames = List.copyOf(classNames);
    featureNames = List.copyOf(featureNames);
    settings = Map.copyOf(settings);
  }

  /** Network outputs for raw (unstandardized) features: probabilities for classifiers. */
  public Matrix predict(Matrix rawFeatures) {
    if (rawFeatures.cols() != network.inputs()) {
      throw new IllegalArgumentException("the data has " + rawFeatures.cols() + " features but the model expects "
          + network.inputs() + (featureNames.isEmpty() ? "" : " (" + String.join(", ", featureNames) + ")"));
    }
    return network.predict(standardizer == null ? rawFeatures : standardizer.apply(rawFeatures));
  }
}
