package dev.descent.run;

import dev.descent.search.SearchConfig;

/**
 * Opens {@link ClusterExecutor}s on a cluster manager; found at run time with {@link
 * java.util.ServiceLoader}, so that the command line runs without the cluster's libraries on its
 * class path and loads them only when asked ({@code descent search --spark MASTER}). The module
 * {@code descent-spark} provides the one named "spark".
 *
 * <pre>{@code
 * for (ClusterBackend b : ServiceLoader.load(ClusterBackend.class)) {
 *   if (b.name().equals("spark")) try (ClusterExecutor e = b.open("local[2]", base, config)) { … }
 * }
 * }</pre>
 */
public interface ClusterBackend {

  /** The backend's name, e.g. "spark". */
  String name();

  /**
   * Connects to {@code master}; the workers rebuild the data and base settings from {@code
   * base}. Fails with a {@link dev.descent.DescentException} (after a bounded wait) when the
   * master cannot be reached.
   */
  ClusterExecutor open(String master, RunConfig base, SearchConfig search);

  /**
   * Trains one network on data that lives in the cluster ({@code descent train --spark MASTER})
   * and returns what a local run returns; the callbacks, made by {@code callbacks} once the data's
   * shape is known (its examples stay on the cluster), hear each epoch on the driver. Backends
   * that cannot train refuse with an IllegalStateException.
   */
  default RunResult train(String master, ClusterRun run,
      java.util.function.Function<PreparedData, java.util.List<dev.descent.train.Callback>> callbacks) {
    throw new IllegalStateException("the " + name() + " backend does not train networks");
  }

  /**
   * Continues a cluster run from its {@code checkpoint} ({@code descent resume}): {@code run} is
   * the checkpoint's recipe (with a new learning rate or epoch count), trained from the saved
   * epoch on with the saved parameters, optimizer state and early stopping's progress.
   */
  default RunResult resume(String master, ClusterRun run, dev.descent.model.Checkpoint checkpoint,
      java.util.function.Function<PreparedData, java.util.List<dev.descent.train.Callback>> callbacks) {
    throw new IllegalStateException("the " + name() + " backend does not train networks");
  }

  /**
   * Converts a CSV that lives in the cluster to Parquet ({@code descent convert FILE --to parquet
   * --spark MASTER}). Backends that cannot refuse with an IllegalStateException.
   */
  default ClusterConversion.Result convert(String master, ClusterConversion conversion) {
    throw new IllegalStateException("the " + name() + " backend does not convert data");
  }
}
