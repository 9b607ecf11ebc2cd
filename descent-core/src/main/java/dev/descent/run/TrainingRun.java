package dev.descent.run;

import dev.descent.model.Model;
import dev.descent.nn.Network;
import dev.descent.optim.GradientTransform;
import dev.descent.train.Callback;
import dev.descent.train.Evaluation;
import dev.descent.train.History;
import dev.descent.train.Trainer;
import dev.descent.train.TrainingConfig;
import java.util.List;
import java.util.Map;

/**
 * Trains a network on prepared data and evaluates it on every set.
 *
 * <pre>{@code
 * RunResult r = TrainingRun.execute(network, Optimizers.adam(0.0007), TrainingConfig.of(10_000), data, List.of(), Map.of());
 * r.train().accuracy();   // ≈ 0.94 on the course's moons
 * }</pre>
 */
public final class TrainingRun {
  private TrainingRun() {}

  public static RunResult execute(Network network, GradientTransform optimizer, TrainingConfig config,
      PreparedData data, List<Callback> callbacks, Map<String, Object> settings) {
    Trainer trainer = new Trainer(network, optimizer, config);
    History history = trainer.fit(data.train(), data.dev(), callbacks);
    return evaluate(network, history, data, settings);
  }

  /** Evaluates a trained network and packages the model. */
  public static RunResult evaluate(Network network, History history, PreparedData data, Map<String, Object> settings) {
    Evaluation train = Evaluation.of(network, data.train());
    Evaluation dev = data.dev() == null ? null : Evaluation.of(network, data.dev());
    Evaluation test = data.test() == null ? null : Evaluation.of(network, data.test());
    Model model = new Model(network, data.standardizer(), data.train().classNames(),
        data.train().featureNames(), settings);
    return new RunResult(model, history, train, dev, test, data);
  }
}
