package dev.descent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --trials is the whole budget: the rounds share it, the first ones taking the remainder. */
class SearchConfigTest {

  @Test
  void theRoundsShareTheBudget() {
    SearchConfig config = SearchConfig.of(1, 20).withCoarseToFine(CoarseToFine.of(3));
    assertEquals(20, config.totalTrials());
    assertEquals(List.of(7, 7, 6), List.of(config.trialsInRound(1), config.trialsInRound(2), config.trialsInRound(3)));
    assertEquals(List.of(0, 7, 14), List.of(config.firstTrialOfRound(1), config.firstTrialOfRound(2), config.firstTrialOfRound(3)));
    List<Integer> rounds = new ArrayList<>();
    for (int id = 0; id < 20; id++) {
      rounds.add(config.roundOf(id));
    }
    assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3), rounds);
  }

  @Test
  void oneRoundTakesEverythingAndEvenSharesAreEqual() {
    SearchConfig single = SearchConfig.of(1, 5);
    assertEquals(5, single.trialsInRound(1));
    assertEquals(1, single.roundOf(4));
    SearchConfig even = SearchConfig.of(1, 30).withCoarseToFine(CoarseToFine.of(3));
    assertEquals(List.of(10, 10, 10), List.of(even.trialsInRound(1), even.trialsInRound(2), even.trialsInRound(3)));
    SearchConfig tight = SearchConfig.of(1, 3).withCoarseToFine(CoarseToFine.of(3));
    assertEquals(List.of(1, 2, 3), List.of(tight.roundOf(0), tight.roundOf(1), tight.roundOf(2)));
  }
}
