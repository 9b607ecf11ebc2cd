package dev.descent.cli.experiment;

import dev.descent.data.Dataset;
import dev.descent.data.generate.Generators;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Network;
import dev.descent.optim.GradientTransform;
import dev.descent.run.DataRequest;
import dev.descent.run.DataSource;
import dev.descent.run.NetworkSpec;
import dev.descent.run.PreparedData;
import dev.descent.run.RunResult;
import dev.descent.run.TrainingRun;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.Callback;
import dev.descent.train.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The setting of the course's optimization lab, shared by the optimization and learning-rate
 * decay experiments: moons (300 examples, noise 0.2, seed 3, no standardization), a [2,5,2,1]
 * relu/relu/sigmoid network with He initialization (seed 3), mini-batches of 64 shuffled with
 * seed 10, float32. With {@code --data FILE} the file is split 75/25 into train and test and
 * standardized on train. A test may give other data and initial weights (the numpy reference's).
 */
record MoonsLab(PreparedData data, Supplier<Network> networks, String description) {
  static final int EXAMPLES = 300;
  static final double NOISE = 0.2;
  static final long DATA_SEED = 3;
  static final long INIT_SEED = 3;
  static final long SHUFFLE_SEED = 10;
  static final int BATCH_SIZE = 64;
  static final NetworkSpec NETWORK = new NetworkSpec(List.of(5, 2), Activation.RELU, Init.he());

  /** The built-in moons, or {@code --data}. */
  static MoonsLab of(ExperimentContext context) {
    PreparedData data;
    String description;
    if (context.dataFile() != null) {
      Dataset all = DataSource.load(DataRequest.file(context.dataFile()));
      data = PreparedData.prepare(all, null, new double[] {75, 0, 25}, true, 1);
      description = context.dataFile() + " (" + data.train().size() + " train / " + data.test().size()
          + " test, standardized on train)";
    } else {
      data = PreparedData.fromSets(Generators.moons(EXAMPLES, NOISE, Rng.of(DATA_SEED)), null, null, false);
      description = "moons (" + EXAMPLES + " examples, noise " + NOISE + ", seed " + DATA_SEED + ", not standardized)";
    }
    PreparedData prepared = data;
    return new MoonsLab(prepared, () -> NETWORK.build(prepared.train(), Precision.F32, Rng.of(INIT_SEED),
        NetworkSpec.LayerDecorator.PLAIN), description);
  }

  /** One run from the lab's initial weights; the row's seconds include the evaluation. */
  Run train(String name, GradientTransform optimizer, int epochs, List<Callback> callbacks) {
    long start = System.nanoTime();
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("optimizer", optimizer.describe());
    RunResult r = TrainingRun.execute(networks.get(), optimizer,
        new TrainingConfig(epochs, BATCH_SIZE, SHUFFLE_SEED, false), data, callbacks, settings);
    return new Run(name, r, (System.nanoTime() - start) / 1e9);
  }

  /** A trained run and its wall time. */
  record Run(String name, RunResult result, double seconds) {
    RunRow row(Map<String, Object> extra) {
      Map<String, Object> columns = new LinkedHashMap<>(extra);
      if (!result.history().completed()) {
        columns.put("stopped", result.history().stopReason());
      }
      return new RunRow(name, result.train().accuracy(),
          result.test() == null ? Double.NaN : result.test().accuracy(), result.train().cost(), seconds, columns);
    }
  }
}
