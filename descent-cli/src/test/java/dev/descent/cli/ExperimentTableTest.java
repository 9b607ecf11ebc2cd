package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentTableTest {
  @Test
  void aHeaderLongerThanItsCellsIsSplitNearItsMiddle() {
    assertEquals(List.of("plain error", "first 10 days"), List.of(ExperimentCommand.headerLines("plain error first 10 days", 5)));
    assertEquals(List.of("", "seconds"), List.of(ExperimentCommand.headerLines("seconds", 4)));
    assertEquals(List.of("", "final cost"), List.of(ExperimentCommand.headerLines("final cost", 10)));
    assertEquals(List.of("", "ranking"), List.of(ExperimentCommand.headerLines("ranking", 20)));
  }
}
