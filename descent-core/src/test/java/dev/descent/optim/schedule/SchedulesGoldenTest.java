package dev.descent.optim.schedule;

import static dev.descent.Golden.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.Golden;
import dev.descent.optim.Clock;
import dev.descent.optim.Schedule;
import org.junit.jupiter.api.Test;

class SchedulesGoldenTest {
  static final JsonNode G = Golden.load("schedules.json");
  static final double LR0 = G.get("lr0").asDouble();

  static void assertMatches(String key, Schedule schedule) {
    double[] expected = Golden.doubles(G.get(key));
    double[] epochs = Golden.doubles(G.get("epochs"));
    Clock clock = new Clock();
    for (int i = 0; i < epochs.length; i++) {
      clock.setEpoch((int) epochs[i]);
      assertClose(expected[i], schedule.rate(clock), 1e-10, key + " epoch " + (int) epochs[i]);
    }
  }

  @Test
  void inverseTimeMatchesGolden() {
    assertMatches("inverse_time", Schedules.inverseTime(LR0, 1, Per.EPOCH));
  }

  @Test
  void exponentialMatchesGolden() {
    assertMatches("exponential", Schedules.exponential(LR0));
  }

  @Test
  void inverseSqrtMatchesGolden() {
    assertMatches("sqrt", Schedules.inverseSqrt(LR0, 1, Per.EPOCH));
  }

  @Test
  void staircaseMatchesGoldenStep() {
    assertMatches("step", Schedules.staircase(LR0, 0.5, 3, Per.EPOCH));
  }

  @Test
  void intervalInverseTimeMatchesGoldenScheduledInverseTime() {
    assertMatches("scheduled_inverse_time", Schedules.intervalInverseTime(LR0, 1, 4, Per.EPOCH));
  }

  @Test
  void piecewiseMatchesGolden() {
    assertMatches("piecewise", Schedules.piecewise(new long[] {4, 8}, new double[] {LR0, 0.05, 0.01}, Per.EPOCH));
  }

  @Test
  void theSameSchedulesParsedFromTheCommandLineFormMatchGolden() {
    assertMatches("inverse_time", Schedules.parse("inverse_time(lr0=" + LR0 + ")"));
    assertMatches("exponential", Schedules.parse("exponential(lr0=" + LR0 + ")"));
    assertMatches("sqrt", Schedules.parse("inverse_sqrt(lr0=" + LR0 + ")"));
    assertMatches("step", Schedules.parse("staircase(lr0=" + LR0 + ", every=3)"));
    assertMatches("scheduled_inverse_time", Schedules.parse("interval_inverse_time(lr0=" + LR0 + ", interval=4)"));
    assertMatches("piecewise", Schedules.parse("piecewise(boundaries=[4, 8], values=[" + LR0 + ", 0.05, 0.01])"));
  }
}
