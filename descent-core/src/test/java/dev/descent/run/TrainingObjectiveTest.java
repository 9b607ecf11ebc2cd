package dev.descent.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.nn.Network;
import dev.descent.search.Journal;
import dev.descent.search.LocalExecutor;
import dev.descent.search.Pruner;
import dev.descent.search.Search;
import dev.descent.search.SearchConfig;
import dev.descent.search.SearchListener;
import dev.descent.search.SearchResult;
import dev.descent.search.Space;
import dev.descent.search.Status;
import dev.descent.search.Trial;
import dev.descent.search.TrialRecord;
import dev.descent.search.TrialResult;
import dev.descent.train.History;
import dev.descent.train.Trainer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingObjectiveTest {
  static final PreparedData MOONS = new DataPlan(DataRequest.builtIn("moons", 200, 0.2, 3), null, List.of(70.0, 30.0), true, 1).prepare();
  static final TrainingSettings BASE = TrainingSettings.defaults().with(Map.of("hidden", "5-2", "epochs", 12, "batch-size", 32));

  @Test
  void aTrialTrainsLikeTheSettingsTrainedByHand() {
    Trial trial = Trial.of(42, 3, Map.of("lr", 0.02, "activation", "tanh"));
    List<Double> reported = new ArrayList<>();
    TrialResult result = new TrainingObjective(MOONS, BASE).run(trial, (epoch, accuracy, cost) -> reported.add(cost));

    TrainingSettings expected = BASE.with(Map.of("lr", 0.02, "activation", "tanh")).withSeed(trial.seed());
    Network network = expected.buildNetwork(MOONS.train());
    History history = new Trainer(network, expected.transform(), expected.config()).fit(MOONS.train(), MOONS.dev(), List.of());
    assertEquals(12, result.epochs());
    assertEquals(history.devCost()[11], result.devCost(), 0.0);
    assertEquals(history.devAccuracy()[11], result.devAccuracy(), 0.0);
    assertEquals(12, reported.size());
    assertEquals(history.devCost()[4], reported.get(4), 0.0);
  }

  @Test
  void theTrialSeedSeedsTheTraining() {
    TrainingObjective objective = new TrainingObjective(MOONS, BASE);
    TrialResult a = objective.run(Trial.of(1, 0, Map.of("lr", 0.01)), (e, acc, cost) -> true);
    TrialResult b = objective.run(Trial.of(1, 1, Map.of("lr", 0.01)), (e, acc, cost) -> true);
    TrialResult again = objective.run(Trial.of(1, 0, Map.of("lr", 0.01)), (e, acc, cost) -> true);
    assertEquals(a, again);
    assertNotEquals(a.devCost(), b.devCost(), "another trial id, another seed: other initial weights and shuffles");
  }

  static List<String> search(int threads) {
    Space space = Space.parse(List.of("lr=log:1e-3:3e-1", "hidden=choice:3,5-2", "keep-prob=uniform:0.7:1"), TrainingObjective.PARAMETERS);
    SearchConfig config = SearchConfig.of(11, 8).withPruner(Pruner.median(2, 2));
    try (Journal journal = Journal.inMemory()) {
      SearchResult result = new Search(config, new LocalExecutor(threads), InstantSource.fixed(Instant.EPOCH), SearchListener.NONE)
          .run(space, new TrainingObjective(MOONS, BASE), journal);
      List<String> lines = new ArrayList<>();
      for (TrialRecord r : result.trials()) {
        lines.add(r.toJsonLine());
      }
      return lines;
    }
  }

  @Test
  void aSearchGivesTheSameTrialsAndScoresOnOneOrTwoThreads() {
    List<String> one = search(1);
    List<String> two = search(2);
    assertEquals(8, one.size());
    assertEquals(one, two);
  }

  @Test
  void aDivergingTrialFailsWithTheTrainersMessage() {
    Space space = Space.parse(List.of("lr=choice:1e30"), TrainingObjective.PARAMETERS);
    SearchResult result = new Search(SearchConfig.of(1, 1), new LocalExecutor(1), InstantSource.fixed(Instant.EPOCH), SearchListener.NONE)
        .run(space, new TrainingObjective(MOONS, BASE.with(Map.of("optimizer", "gd", "activation", "linear"))));
    TrialRecord r = result.trials().get(0);
    assertEquals(Status.FAILED, r.status());
    assertTrue(r.error().startsWith("cost became "), r.error());
  }
}
