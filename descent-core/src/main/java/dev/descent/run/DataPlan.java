package dev.descent.run;

import dev.descent.data.io.MappedExamples;
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
 */
public record DataPlan(DataRequest data, DataRequest test, List<Double> split, boolean normalize, long seed) {

  public DataPlan {
    if (data == null) {
      throw new IllegalArgumentException("data plan: the data request must be given");
    }
    split = List.copyOf(split);
    if (split.isEmpty() || split.size() > 3) {
      throw new IllegalArgumentException("split " + split + ": give TRAIN[,DEV[,TEST]] ratios, e.g. 60,20,20");
    }
  }

  /** Loads (or maps, when large: {@link DataSource#streamed}), splits and standardizes (statistics of the training set only). */
  public PreparedData prepare() {
    double[] ratios = new double[split.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = split.get(i);
    }
    Optional<MappedExamples> mapped = DataSource.streamed(data, DataSource.Residency.AUTO);
    if (mapped.isPresent()) {
      return PreparedData.streamed(mapped.get(), test == null ? null : DataSource.load(test), ratios, normalize, seed,
          mapped.get().shuffleOrder());
    }
    return PreparedData.prepare(DataSource.load(data), test == null ? null : DataSource.load(test), ratios, normalize, seed);
  }
}
