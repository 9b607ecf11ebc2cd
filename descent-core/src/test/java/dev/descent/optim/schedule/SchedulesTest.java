package dev.descent.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.optim.Clock;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchedulesTest {

  /** The rates a schedule gives in updates 1..steps, read during each update as the optimizer does. */
  static double[] perUpdate(Schedule schedule, int steps) {
    double[] out = new double[steps];
    Optimizer optimizer = new Optimizer(Optimizers.gd(schedule), List.of());
    for (int t = 0; t < steps; t++) {
      optimizer.step();
      out[t] = schedule.rate(optimizer.clock());
    }
    return out;
  }

  static double atEpoch(Schedule schedule, int epoch) {
    Clock clock = new Clock();
    clock.setEpoch(epoch);
    return schedule.rate(clock);
  }

  @Test
  void perStepCountsUpdatesFromZeroAndIgnoresTheEpoch() {
    Schedule s = Schedules.exponential(1, 0.5, Per.STEP);
    assertEquals(List.of(1.0, 0.5, 0.25, 0.125), List.of(box(perUpdate(s, 4))));
    assertEquals(1.0, atEpoch(s, 7), 0, "before the first update the rate is that of update 1");
    Schedule e = Schedules.exponential(1, 0.5, Per.EPOCH);
    assertEquals(List.of(1.0, 1.0, 1.0), List.of(box(perUpdate(e, 3))));
    assertEquals(0.125, atEpoch(e, 3), 0);
  }

  @Test
  void toStringSaysWhatTCounts() {
    assertEquals("exponential(lr0=0.1, rate=0.95, per=epoch)", Schedules.exponential(0.1).toString());
    assertEquals("inverse_time(lr0=0.1, decay=0.5, per=step)", Schedules.inverseTime(0.1, 0.5, Per.STEP).toString());
  }

  @Test
  void warmupRisesLinearlyThenFollowsTheWrappedSchedule() {
    Schedule s = Schedules.warmup(4, Schedules.exponential(0.8, 0.5, Per.STEP), Per.STEP);
    double[] rates = perUpdate(s, 6);
    double[] expected = {0.8 * 1 / 4, 0.4 * 2 / 4, 0.2 * 3 / 4, 0.1, 0.05, 0.025};
    for (int t = 0; t < 6; t++) {
      assertEquals(expected[t], rates[t], 1e-15, "update " + (t + 1));
    }
  }

  @Test
  void cosineFallsFromLr0ToItsMinimumAndStays() {
    Schedule s = Schedules.cosine(0.1, 10, 0.01, Per.EPOCH);
    assertEquals(0.1, atEpoch(s, 0), 1e-15);
    assertEquals(0.055, atEpoch(s, 5), 1e-15);
    assertEquals(0.01 + 0.09 * (1 + Math.cos(Math.PI * 0.2)) / 2, atEpoch(s, 2), 1e-15);
    assertEquals(0.01, atEpoch(s, 10), 1e-15);
    assertEquals(0.01, atEpoch(s, 25), 1e-15);
  }

  /** Issue 19: minimum + (lr0 − minimum)·1 rounded to 0.010000000000000002 for these two, found by ScheduleContractTest. */
  @Test
  void issue19CosineStartsAtExactlyLr0AndEndsAtExactlyItsMinimum() {
    Schedule s = Schedules.cosine(0.01, 30, 0.001, Per.EPOCH);
    assertEquals(0.01, atEpoch(s, 0), 0);
    assertEquals(0.001, atEpoch(s, 30), 0);
    assertEquals(0.001, atEpoch(s, 31), 0);
    assertEquals(0.0, atEpoch(Schedules.cosine(0.3, 7, 0, Per.EPOCH), 7), 0);
  }

  @Test
  void everyScheduleParsesBackFromItsToString() {
    List<Schedule> all = List.of(Schedules.constant(0.3), Schedules.inverseTime(0.2, 0.5, Per.STEP),
        Schedules.exponential(0.2, 0.9, Per.EPOCH), Schedules.inverseSqrt(0.2, 2, Per.STEP),
        Schedules.staircase(0.2, 0.1, 5, Per.STEP), Schedules.intervalInverseTime(0.2, 2, 3, Per.EPOCH),
        Schedules.piecewise(new long[] {2, 5, 9}, new double[] {0.3, 0.2, 0.1, 1e-4}, Per.STEP),
        Schedules.cosine(0.1, 20, 1e-3, Per.EPOCH),
        Schedules.warmup(3, Schedules.cosine(0.1, 20, 0, Per.EPOCH), Per.STEP),
        Schedules.plateau(0.1, 0.5, 3, 1e-5, 0.01));
    for (Schedule s : all) {
      Schedule back = Schedules.parse(s.toString());
      assertEquals(s.toString(), back.toString());
      for (int epoch = 0; epoch < 25; epoch += 4) {
        assertEquals(atEpoch(s, epoch), atEpoch(back, epoch), 0, s + " epoch " + epoch);
      }
      assertEquals(List.of(box(perUpdate(s, 12))), List.of(box(perUpdate(back, 12))), s.toString());
    }
  }

  @Test
  void parseTakesANameAndParameters() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("lr0", "0.05");
    params.put("per", "step");
    assertEquals("inverse_sqrt(lr0=0.05, k=1.0, per=step)", Schedules.parse("inverse_sqrt", params).toString());
    assertEquals("constant(lr0=0.01)", Schedules.parse("constant", Map.of("lr0", "0.01")).toString());
  }

  @Test
  void unknownNameListsTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Schedules.parse("linear", Map.of("lr0", "0.1")));
    assertEquals("schedule 'linear' is unknown; expected one of constant|inverse_time|exponential|inverse_sqrt|"
        + "staircase|interval_inverse_time|piecewise|cosine|warmup|plateau", e.getMessage());
  }

  @Test
  void aParameterTheScheduleDoesNotTakeIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Schedules.parse("exponential(lr0=0.1, decay=0.5)"));
    assertEquals("schedule exponential does not take decay; it takes lr0, rate, per", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Schedules.parse("constant(lr0=0.1, per=step)"));
    assertEquals("schedule constant does not take per; it takes lr0", e.getMessage());
  }

  @Test
  void aMissingParameterNamesWhatTheScheduleTakes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Schedules.parse("staircase(lr0=0.1)"));
    assertEquals("schedule staircase needs every; it takes lr0, factor, every, per", e.getMessage());
  }

  @Test
  void negativeDecayIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Schedules.parse("inverse_time(lr0=0.1, decay=-1)"));
    assertEquals("schedule inverse_time: decay = -1.0: must be non-negative and finite", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Schedules.intervalInverseTime(0.1, -0.5, 10, Per.EPOCH));
    assertEquals("schedule interval_inverse_time: decay = -0.5: must be non-negative and finite", e.getMessage());
  }

  @Test
  void badValuesNameTheScheduleTheParameterAndTheValue() {
    assertMessage("schedule exponential: rate = 'fast': not a number", "exponential(lr0=0.1, rate=fast)");
    assertMessage("schedule exponential: lr0 = 0.0: must be positive and finite", "exponential(lr0=0)");
    assertMessage("schedule staircase: every = '2.5': must be a whole number", "staircase(lr0=0.1, every=2.5)");
    assertMessage("schedule staircase: every = 0: must be at least 1", "staircase(lr0=0.1, every=0)");
    assertMessage("schedule cosine: per = 'batch': must be epoch or step", "cosine(lr0=0.1, length=5, per=batch)");
    assertMessage("schedule cosine: minimum = 0.5: must not exceed lr0 = 0.1", "cosine(lr0=0.1, length=5, minimum=0.5)");
    assertMessage("schedule piecewise: 2 boundaries need 3 values, got 2",
        "piecewise(boundaries=[4, 8], values=[0.1, 0.01])");
    assertMessage("schedule piecewise: boundaries = [4, 4]: must be positive and rise strictly",
        "piecewise(boundaries=[4, 4], values=[0.1, 0.01, 0.001])");
    assertMessage("schedule piecewise: values = '0.1': must be a list such as [4, 8]",
        "piecewise(boundaries=[], values=0.1)");
    assertMessage("schedule plateau: per = step: must be epoch; it is fed one cost per epoch",
        "plateau(lr0=0.1, per=step)");
    assertMessage("schedule plateau: factor = 1.0: must be in (0, 1)", "plateau(lr0=0.1, factor=1)");
  }

  @Test
  void malformedSpecsSayWhatIsExpected() {
    assertMessage("schedule 'exponential(lr0=0.1': it does not end with ')'; expected name(key=value, ...), "
        + "e.g. exponential(lr0=0.1, rate=0.95)", "exponential(lr0=0.1");
    assertMessage("schedule 'exponential(lr0)': 'lr0' is not key=value; expected name(key=value, ...), "
        + "e.g. exponential(lr0=0.1, rate=0.95)", "exponential(lr0)");
    assertMessage("schedule 'exponential(lr0=1, lr0=2)': lr0 is given twice; expected name(key=value, ...), "
        + "e.g. exponential(lr0=0.1, rate=0.95)", "exponential(lr0=1, lr0=2)");
  }

  static void assertMessage(String expected, String spec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedules.parse(spec));
    assertEquals(expected, e.getMessage());
  }

  static Double[] box(double[] values) {
    Double[] out = new Double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
