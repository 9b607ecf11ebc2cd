package dev.descent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.bench.Suite;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** descent bench spark: found by the bench command through ServiceLoader; its timed job adds as the training job does. */
class SparkSuiteTest {

  @Test
  void theBenchCommandFindsTheSparkSuite() {
    List<String> names = new ArrayList<>();
    ServiceLoader.load(Suite.class).forEach(s -> names.add(s.name()));
    assertEquals(List.of("spark"), names);
  }

  @Test
  void theTimedReductionAddsGradientsAndKeepsTheSlowestPartition() {
    double[] sum = SparkSuite.addKeepingSlowest(new double[] {1, 2, 30}, new double[] {3, 4, 50});
    assertEquals(List.of(4.0, 6.0, 50.0), List.of(sum[0], sum[1], sum[2]));
  }

  @Test
  void aPartitionHoldsEveryOtherPosition() {
    Shard s = SparkSuite.shard(1, 2, 9);
    assertEquals(4, s.train.size());
    assertTrue(java.util.Arrays.equals(new int[] {1, 3, 5, 7}, s.trainPositions));
  }
}
