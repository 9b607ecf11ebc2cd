package dev.descent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridSamplerTest {

  private static List<Map<String, Object>> grid(Space space, int trials) {
    Round round = new Round(1, space, 0, trials, Metric.DEV_ACCURACY);
    List<Map<String, Object>> points = new ArrayList<>();
    for (int id = 0; id < trials; id++) {
      points.add(Sampler.grid().propose(round, id, List.of(), List.of(), null));
    }
    return points;
  }

  @Test
  void oneParameterIsEvenlySpacedOnItsLogScale() {
    List<Map<String, Object>> points = grid(Space.parse(List.of("lr=log:1e-4:1e-1")), 6);
    for (int j = 0; j < 6; j++) {
      // midpoints of 6 equal cells of log10 lr in [−4, −1]
      assertEquals(-4 + (j + 0.5) * 0.5, Math.log10((Double) points.get(j).get("lr")), 1e-12);
    }
  }

  @Test
  void productOfTwoRangesCyclesWhenTheBudgetIsLarger() {
    Space space = Space.parse(List.of("lr=log:1e-4:1e-1", "beta=one-minus-log:0.9:0.999"));
    List<Map<String, Object>> points = grid(space, 10);
    // 3 × 3 = 9 ≤ 10 < 16: the last parameter varies fastest; trial 9 is point 0 again
    assertEquals(Math.pow(10, -3.5), (Double) points.get(0).get("lr"), 1e-15);
    assertEquals(1 - Math.pow(10, -1 - 1.0 / 3), (Double) points.get(0).get("beta"), 1e-12);
    assertEquals(0.99, (Double) points.get(1).get("beta"), 1e-12);
    assertEquals(Math.pow(10, -3.5), (Double) points.get(2).get("lr"), 1e-15);
    assertEquals(Math.pow(10, -2.5), (Double) points.get(3).get("lr"), 1e-15);
    assertEquals(Math.pow(10, -1.5), (Double) points.get(8).get("lr"), 1e-15);
    assertEquals(points.get(0), points.get(9));
  }

  @Test
  void choicesTakeAllValuesAndIntegersStopAtTheirCount() {
    Space space = Space.parse(List.of("activation=choice:relu,tanh", "layers=int:1:3"));
    List<Map<String, Object>> points = grid(space, 20);
    // 2 × 3 = 6 points, cycled
    assertEquals(List.of(Map.of("activation", "relu", "layers", 1), Map.of("activation", "relu", "layers", 2), Map.of("activation", "relu", "layers", 3),
        Map.of("activation", "tanh", "layers", 1), Map.of("activation", "tanh", "layers", 2), Map.of("activation", "tanh", "layers", 3)),
        points.subList(0, 6));
    assertEquals(points.subList(0, 6), points.subList(6, 12));
  }

  @Test
  void choicesLargerThanTheBudgetAreTruncated() {
    Space space = Space.parse(List.of("a=choice:1,2,3", "b=choice:x,y,z", "lr=log:1e-4:1e-1"));
    List<Map<String, Object>> points = grid(space, 4);
    Object mid = ((Range) space.get("lr")).fromUnit(0.5);
    assertEquals(Math.pow(10, -2.5), (Double) mid, 1e-15);
    assertEquals(List.of(Map.of("a", 1, "b", "x", "lr", mid), Map.of("a", 1, "b", "y", "lr", mid),
        Map.of("a", 1, "b", "z", "lr", mid), Map.of("a", 2, "b", "x", "lr", mid)), points);
  }
}
