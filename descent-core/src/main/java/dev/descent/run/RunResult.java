package dev.descent.run;

import dev.descent.model.Model;
import dev.descent.nn.Layer;
import dev.descent.nn.Network;
import dev.descent.regularize.augment.AugmentationLayer;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import java.util.ArrayList;
import java.util.List;

/** What a run produced: the model, its history, and its evaluation on each set (null if absent). */
public record RunResult(Model model, History history, Evaluation train, Evaluation dev, Evaluation test,
    PreparedData data) {

  /** The same result with the augmentation layer, a training device, left out of the model (itself when there is none). */
  public RunResult withoutAugmentation() {
    Network trained = model.network();
    List<Layer> layers = new ArrayList<>();
    for (Layer l : trained.layers()) {
      if (!AugmentationLayer.isAugmentation(l)) {
        layers.add(l);
      }
    }
    if (layers.size() == trained.layers().size()) {
      return this;
    }
    Network inference = Network.assemble(trained.inputs(), layers, trained.loss(), trained.precision());
    return new RunResult(new Model(inference, model.standardizer(), model.classNames(), model.featureNames(), model.settings()),
        history, train, dev, test, data);
  }

  /** The same result with the model's settings (what its file records) replaced. */
  public RunResult withSettings(java.util.Map<String, Object> settings) {
    return new RunResult(new Model(model.network(), model.standardizer(), model.classNames(), model.featureNames(), settings),
        history, train, dev, test, data);
  }
}
