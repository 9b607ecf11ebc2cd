package dev.descent.run;

import dev.descent.search.Executor;

/**
 * A search {@link Executor} that runs trials outside this process (Spark tasks), holding a
 * connection that {@link #close} ends. Opened by a {@link ClusterBackend}.
 */
public interface ClusterExecutor extends Executor, AutoCloseable {

  @Override
  void close();
}
