package dev.descent.run;

import dev.descent.data.Dataset;
import dev.descent.data.Examples;
import dev.descent.nn.Network;
import dev.descent.optim.GradientTransform;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.TrainingConfig;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code descent train} needs to train one model once the data is prepared: the
 * network's shape ({@link NetworkSpec}: hidden sizes, activation, init), the optimizer ({@link
 * OptimizerSpec}), batches, epochs, seed, precision and regularization, each typed and validated
 * at construction. A search trial is the base settings {@link #with} the trial's params; a
 * checkpoint stores them ({@link RunConfig}) to continue the run.
 *
 * <p>The names a search may vary are {@link #PARAMETERS}, the one list the CLI, the objective and
 * the error messages use: {@code lr, beta, beta1, beta2, epsilon, weight-decay, schedule, hidden,
 * layers, activation, init, batch-size, epochs, optimizer, l2, keep-prob}. {@code hidden} is an
 * int (one hidden layer of that width) or text such as {@code 20-7} (two layers; {@code 20,7} is
 * read the same way); {@code layers} repeats the width ({@code hidden} of the trial, else the
 * first base layer) that many times.
 *
 * <p>Defaults ({@link #defaults}, the one place they are written; {@code descent train}'s options
 * show and use them): {@link NetworkSpec#defaults} (hidden 20,7, relu, he), {@link
 * OptimizerSpec#defaults} (adam, lr 0.001, β1 0.9, β2 0.999, ε 1e-8), batch 64, 300 epochs, seed
 * 1, float32, no L2 (l2 0), no dropout (keep-prob 1).
 *
 * <pre>{@code
 * TrainingSettings s = TrainingSettings.defaults().with(Map.of("lr", 0.01, "hidden", "5-2"));
 * s.hidden();   // [5, 2]
 * }</pre>
 *
 * @param batchSize examples per step; {@link TrainingConfig#FULL_BATCH} (0) for the whole set
 * @param lambda the L2 cost coefficient λ (option {@code --l2}); 0 turns it off
 * @param keepProb dropout's probability of keeping a hidden unit (option {@code --keep-prob}); 1 turns it off
 */
public record TrainingSettings(
    NetworkSpec network,
    OptimizerSpec optimizer,
    int batchSize,
    int epochs,
    long seed,
    Precision precision,
    double lambda,
    double keepProb) {

  /** The parameters a search may vary, by their option names. */
  public static final List<String> PARAMETERS = List.of("lr", "beta", "beta1", "beta2", "epsilon", "weight-decay", "schedule",
      "hidden", "layers", "activation", "init", "batch-size", "epochs", "optimizer", "l2", "keep-prob");

  public TrainingSettings {
    if (network == null || optimizer == null || precision == null) {
      throw new IllegalArgumentException("training settings: network, optimizer and precision must be given");
    }
    Params.check("epochs", epochs >= 1, epochs, "must be at least 1");
    Params.check("batch-size", batchSize >= 1 || batchSize == TrainingConfig.FULL_BATCH, batchSize,
        "must be at least 1 (1 is stochastic gradient descent), or full");
    Params.check("l2", lambda >= 0 && lambda < Double.POSITIVE_INFINITY, lambda, "must be a finite number ≥ 0 (0 turns L2 off), e.g. 0.7");
    Params.check("keep-prob", keepProb > 0 && keepProb <= 1, keepProb,
        "must be in (0, 1]; it is the probability of keeping a unit, 1 turns dropout off, e.g. 0.86");
  }

  /** The defaults of {@code descent train}: the one place they are written. */
  public static TrainingSettings defaults() {
    return new TrainingSettings(NetworkSpec.defaults(), OptimizerSpec.defaults(), 64, 300, 1, Precision.F32, 0, 1);
  }

  /** These settings with a search trial's params applied, in the order of {@link #PARAMETERS}; unknown names are refused. */
  public TrainingSettings with(Map<String, Object> params) {
    return Params.apply(this, params);
  }

  /** The hidden layer sizes ({@link NetworkSpec#hidden}). */
  public List<Integer> hidden() {
    return network.hidden();
  }

  /** The same settings with another seed (a trial's: it seeds init, shuffles and dropout masks). */
  public TrainingSettings withSeed(long newSeed) {
    return new TrainingSettings(network, optimizer, batchSize, epochs, newSeed, precision, lambda, keepProb);
  }

  /** The same settings training to {@code newEpochs} epochs in all. */
  public TrainingSettings withEpochs(int newEpochs) {
    return new TrainingSettings(network, optimizer, batchSize, newEpochs, seed, precision, lambda, keepProb);
  }

  /** The same settings with another learning rate. */
  public TrainingSettings withLearningRate(double lr) {
    return new TrainingSettings(network, optimizer.withLearningRate(lr), batchSize, epochs, seed, precision, lambda, keepProb);
  }

  public GradientTransform transform() {
    return optimizer.build();
  }

  /** Epochs, batch size and the shuffle seed; the dev set is evaluated after every epoch. */
  public TrainingConfig config() {
    return new TrainingConfig(epochs, batchSize, seed, true);
  }

  /**
   * A new network for {@code train}'s features and targets, initialised from {@code new
   * Rng(seed)}: dropout after each hidden activation when keepProb &lt; 1, the L2 term when λ &gt; 0.
   * Without them it is the network {@code descent train} builds.
   */
  public Network buildNetwork(Examples train) {
    return buildNetwork(train, Regularizers.NONE);
  }

  /** The same with {@code extra}'s layers and penalties: {@code descent train}'s network for every option it accepts. */
  public Network buildNetwork(Examples train, Regularizers extra) {
    return network.build(train, precision, Rng.of(seed), extra.decorator(this, train.featureCount()));
  }

  /** These settings as one line of JSON (the "training" object of a {@link RunConfig}), e.g. for a Spark task. */
  public String toJsonText() {
    return RunJson.training(this).toString();
  }

  /** Reads {@link #toJsonText}'s form back; a missing or mistyped field is an IllegalArgumentException naming it. */
  public static TrainingSettings fromJsonText(String text) {
    try {
      return RunJson.training(RunJson.MAPPER.readTree(text));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("training settings: not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The same settings without the L2 term (λ 0): the network a data-parallel worker differentiates, the term added once on the driver. */
  public TrainingSettings withoutL2() {
    return new TrainingSettings(network, optimizer, batchSize, epochs, seed, precision, 0, keepProb);
  }

  /** "20-7": hidden sizes as a search param writes them. */
  public String hiddenText() {
    StringBuilder text = new StringBuilder();
    for (int size : network.hidden()) {
      text.append(text.length() == 0 ? "" : "-").append(size);
    }
    return text.toString();
  }
}
