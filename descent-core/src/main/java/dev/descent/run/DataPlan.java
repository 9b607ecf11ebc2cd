package dev.descent.run;

import dev.descent.data.Examples;
import dev.descent.data.ShuffleOrder;
import dev.descent.data.io.MappedExamples;
import dev.descent.tensor.Precision;
import java.util.List;
import java.util.Optional;

/**
 * How the examples of a run are got and prepared: the data set (and an optional separate test
 * set), the train/dev/test ratios, whether to standardize, and the split's seed. Plain data, so
 * a checkpoint or a Spark task can prepare the very same sets again ({@link #prepare}).
 *
 * <pre>{@code
 * DataPlan plan = new DataPlan(DataRequest.builtIn("moons", 300, 0.2, 3), null, List.of(60.0, 20.0, 20.0), true, 1);
 * plan.prepare().dev().size();   // 60
 * }</pre>
 *
 * @param test a separate test set, or null
 * @param split ratios of train, dev (and test), as {@code --split} gives them
 * @param seed seeds the split (a search keeps it for every trial, so all trials see the same dev set)
 * @param residency whether the data are streamed from a mapped file ({@code --stream})
 * @param uniformShuffle streamed data shuffled uniformly instead of by blocks ({@code --shuffle uniform})
 */
public record DataPlan(DataRequest data, DataRequest test, List<Double> split, boolean normalize, long seed,
    DataSource.Residency residency, boolean uniformShuffle) {

  public DataPlan {
    if (data == null) {
      throw new IllegalArgumentException("data plan: the data request must be given");
    }
    if (residency == null) {
      throw new IllegalArgumentException("data plan: the residency must be given (AUTO by default)");
    }
    split = List.copyOf(split);
    if (split.isEmpty() || split.size() > 3) {
      throw new IllegalArgumentException("split " + split + ": give TRAIN[,DEV[,TEST]] ratios, e.g. 60,20,20");
    }
  }

  /** Data held as {@code --stream auto} decides, streamed data shuffled by blocks. */
  public DataPlan(DataRequest data, DataRequest test, List<Double> split, boolean normalize, long seed) {
    this(data, test, split, normalize, seed, DataSource.Residency.AUTO, false);
  }

  /** {@link #prepare(Precision)} in float64. */
  public PreparedData prepare() {
    return prepare(Precision.F64);
  }

  /**
   * Loads (or maps: {@link DataSource#streamed}), splits and standardizes (statistics of the
   * training set only), reading a CSV's features in {@code precision} as {@code train} does, so
   * that a resumed or searched run sees the very numbers the first run saw.
   */
  public PreparedData prepare(Precision precision) {
    double[] ratios = new double[split.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = split.get(i);
    }
    Optional<MappedExamples> mapped = DataSource.streamed(data, residency);
    if (mapped.isPresent()) {
      Examples testSet = test == null ? null : DataSource.streamed(test, residency).map(Examples.class::cast)
          .orElseGet(() -> DataSource.read(test, precision).dataset());
      return PreparedData.streamed(mapped.get(), testSet, ratios, normalize, seed,
          uniformShuffle ? ShuffleOrder.UNIFORM : mapped.get().shuffleOrder());
    }
    return PreparedData.prepare(DataSource.read(data, precision).dataset(),
        test == null ? null : DataSource.read(test, precision).dataset(), ratios, normalize, seed)
        .requireRepresentable(precision);
  }
}
