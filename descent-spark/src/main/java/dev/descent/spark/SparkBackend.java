package dev.descent.spark;

import dev.descent.run.ClusterBackend;
import dev.descent.run.ClusterExecutor;
import dev.descent.run.RunConfig;
import dev.descent.search.SearchConfig;

/** The "spark" {@link ClusterBackend}, registered in {@code META-INF/services} for {@code descent search --spark MASTER}. */
public final class SparkBackend implements ClusterBackend {

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public ClusterExecutor open(String master, RunConfig base, SearchConfig search) {
    return SparkExecutor.connect(master, base, search);
  }
}
