package dev.descent.cli;

import dev.descent.data.io.ImageShape;
import dev.descent.data.io.LoadedData;
import dev.descent.data.io.MappedExamples;
import dev.descent.nn.Network;
import dev.descent.optim.GradientTransform;
import dev.descent.run.BatchNormDecorator;
import dev.descent.run.NetworkSpec;
import dev.descent.run.PreparedData;
import dev.descent.run.RunResult;
import dev.descent.run.TrainingRun;
import dev.descent.tensor.Rng;
import dev.descent.train.Callback;
import dev.descent.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The options of a training command resolved into data, a network and an optimizer, ready to run. */
final class TrainingSession {
  final PreparedData data;
  final Network network;
  final GradientTransform transform;
  final TrainingConfig config;
  final Map<String, Object> settings;
  final Regularization regularization;

  private TrainingSession(PreparedData data, Network network, GradientTransform transform,
      TrainingConfig config, Map<String, Object> settings, Regularization regularization) {
    this.regularization = regularization;
    this.data = data;
    this.network = network;
    this.transform = transform;
    this.config = config;
    this.settings = settings;
  }

  static TrainingSession prepare(DataOptions dataOptions, NetworkOptions networkOptions,
      TrainingOptions trainingOptions, double[] split, boolean normalize, long splitSeed, NetworkSpec.LayerDecorator decorator,
      RegularizationOptions regularizationOptions) {
    NetworkSpec spec = networkOptions.spec();
    TrainingConfig config = trainingOptions.config();
    GradientTransform transform = trainingOptions.transform();
    Optional<MappedExamples> mapped = dataOptions.streamed();
    PreparedData data;
    Optional<ImageShape> imageShape;
    if (mapped.isPresent()) {
      data = PreparedData.streamed(mapped.get(), dataOptions.testExamples(), split, normalize, splitSeed,
          mapped.get().shuffleOrder());
      imageShape = mapped.get().imageShape();
    } else {
      LoadedData loaded = dataOptions.read(trainingOptions.precision());
      data = PreparedData.prepare(loaded.dataset(), dataOptions.loadTest(trainingOptions.precision()), split, normalize, splitSeed)
          .requireRepresentable(trainingOptions.precision());
      imageShape = loaded.imageShape();
    }
    Regularization regularization = regularizationOptions.resolve(spec, data, split, imageShape);
    Network network = spec.build(data.train(), trainingOptions.precision(), Rng.of(trainingOptions.seed()),
        regularization.decorator(decorator));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("data", dataOptions.data);
    settings.put("hidden", spec.hidden());
    settings.put("activation", spec.activation().label());
    settings.put("init", spec.init().toString());
    settings.put("batch_norm", decorator instanceof BatchNormDecorator);
    settings.put("optimizer", transform.describe());
    settings.put("batch_size", config.batchSize() == 0 ? "full" : config.batchSize());
    settings.put("epochs", config.epochs());
    settings.put("seed", config.seed());
    if (splitSeed != config.seed()) {
      settings.put("split_seed", splitSeed);
    }
    settings.put("normalize", normalize);
    settings.put("precision", network.precision().name());
    regularization.putSettings(settings);
    return new TrainingSession(data, network, transform, config, settings, regularization);
  }

  RunResult run(List<Callback> callbacks) {
    // early stopping before the caller's callbacks: a checkpoint writer among them saves its verdict on each epoch
    List<Callback> all = new java.util.ArrayList<>(regularization.callbacks());
    all.addAll(callbacks);
    return regularization.finish(TrainingRun.execute(network, transform, config, data, all, settings));
  }

  /** One line per setting, for the human summary. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("data      %s: %d train, %s dev, %s test examples, %d features%s%n", settings.get("data"),
        data.train().size(), data.dev() == null ? "no" : data.dev().size(), data.test() == null ? "no" : data.test().size(),
        data.train().featureCount(), data.standardizer() == null ? "" : " (standardized on train)"));
    if (!data.train().isResident()) {
      sb.append(String.format("          streamed from the mapped file, each epoch in %s%n", data.train().shuffleOrder()));
    }
    sb.append(String.format("network   %d → %s → %d (%s, init %s%s), %d parameters, %s%n", network.inputs(),
        settings.get("hidden"), network.outputs(), settings.get("activation"), settings.get("init"),
        Boolean.TRUE.equals(settings.get("batch_norm")) ? ", batch norm" : "",
        network.parameterCount(), network.loss().label()));
    sb.append(String.format("training  %s, batch %s, %d epochs, seed %d%n", transform.describe(),
        settings.get("batch_size"), config.epochs(), config.seed()));
    sb.append(regularization.describe());
    return sb.toString();
  }
}
