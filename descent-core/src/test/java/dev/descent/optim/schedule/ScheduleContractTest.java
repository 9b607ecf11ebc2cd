package dev.descent.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.MainClasses;
import dev.descent.autodiff.Variable;
import dev.descent.optim.Clock;
import dev.descent.optim.Optimizer;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every learning-rate schedule promises (issue 19, section 5), over the cases below (one
 * line each): a positive, finite rate at every update of a run (or, for a cosine to 0, exactly 0
 * once it has ended); lr0 before and during the first
 * update; its state saved and restored into a fresh schedule gives the same continuation bit for
 * bit, costs fed and all; it falls (or rises) where it says it does; costs change a pure schedule
 * in nothing; its {@code toString()} parses back to the same rates; and asking for the rate
 * allocates nothing. A run here is {@value #EPOCHS} epochs of {@value #STEPS_PER_EPOCH} updates,
 * fed a cost after each epoch that improves, then stalls.
 *
 * <p>A new {@code Schedule} in the main sources fails {@link #everyScheduleOfTheLibraryHasACase}
 * until it has a line in {@link #cases()}.
 */
class ScheduleContractTest {
  static final int EPOCHS = 40;
  static final int STEPS_PER_EPOCH = 7;

  enum Trend { FALLS, RISES, ANY }

  /**
   * A schedule under contract: a fresh instance each call, the rate it gives at t = 0, its trend,
   * and whether it may end at a rate of exactly 0 (a cosine to its default minimum 0).
   */
  record ScheduleCase(String name, double lr0, Trend trend, boolean endsAtZero, Supplier<Schedule> schedule) {
    @Override
    public String toString() {
      return name;
    }
  }

  static ScheduleCase of(String name, double lr0, Trend trend, Supplier<Schedule> schedule) {
    return new ScheduleCase(name, lr0, trend, false, schedule);
  }

  static ScheduleCase endingAtZero(String name, double lr0, Trend trend, Supplier<Schedule> schedule) {
    return new ScheduleCase(name, lr0, trend, true, schedule);
  }

  static List<ScheduleCase> cases() {
    return List.of(
        of("constant", 0.3, Trend.FALLS, () -> Schedule.constant(0.3)),
        of("inverse time", 0.2, Trend.FALLS, () -> Schedules.inverseTime(0.2, 1, Per.EPOCH)),
        of("inverse time per step", 0.2, Trend.FALLS, () -> Schedules.inverseTime(0.2, 0.5, Per.STEP)),
        of("exponential", 0.2, Trend.FALLS, () -> Schedules.exponential(0.2)),
        of("exponential rising per step", 1e-6, Trend.RISES, () -> Schedules.exponential(1e-6, 1.2, Per.STEP)),
        of("inverse sqrt", 0.2, Trend.FALLS, () -> Schedules.inverseSqrt(0.2, 1, Per.EPOCH)),
        // the course's k/√(epoch_num)·lr0 starts at k·lr0
        of("inverse sqrt with k", 2 * 0.2, Trend.FALLS, () -> Schedules.inverseSqrt(0.2, 2, Per.STEP)),
        of("staircase", 0.2, Trend.FALLS, () -> Schedules.staircase(0.2, 0.5, 3, Per.EPOCH)),
        of("interval inverse time", 0.2, Trend.FALLS, () -> Schedules.intervalInverseTime(0.2, 1, 4, Per.EPOCH)),
        of("piecewise", 0.2, Trend.FALLS, () -> Schedules.piecewise(new long[] {4, 8}, new double[] {0.2, 0.05, 0.01}, Per.EPOCH)),
        of("piecewise up and down", 0.1, Trend.ANY, () -> Schedules.piecewise(new long[] {20, 90}, new double[] {0.1, 0.3, 0.02}, Per.STEP)),
        of("cosine", 0.1, Trend.FALLS, () -> Schedules.cosine(0.1, 30, 1e-3, Per.EPOCH)),
        of("cosine from 0.01 to 0.001", 0.01, Trend.FALLS, () -> Schedules.cosine(0.01, 30, 0.001, Per.EPOCH)),
        // NOTE: minimum 0 (the default, PyTorch's eta_min) is a rate of exactly 0 from t = length on
        endingAtZero("cosine to 0", 0.3, Trend.FALLS, () -> Schedules.cosine(0.3, 25, 0, Per.EPOCH)),
        of("cosine per step", 0.1, Trend.FALLS, () -> Schedules.cosine(0.1, 100, 1e-4, Per.STEP)),
        // the first update of a warm-up takes 1/length of the rate
        of("warmup then constant", 0.1 / 4, Trend.RISES, () -> Schedules.warmup(4, Schedule.constant(0.1), Per.EPOCH)),
        of("warmup then cosine", 0.1 / 50, Trend.ANY, () -> Schedules.warmup(50, Schedules.cosine(0.1, 30, 1e-3, Per.EPOCH), Per.STEP)),
        of("plateau", 0.1, Trend.FALLS, () -> Schedules.plateau(0.1, 0.5, 2, 1e-4, 1e-3)),
        of("warmup then plateau", 0.1 / 3, Trend.ANY, () -> Schedules.warmup(3, Schedules.plateau(0.1, 0.5, 2, 0, 1e-3), Per.EPOCH)));
  }

  /** After epoch e: steady improvement for 10 epochs, then a plateau with small bumps. */
  static double cost(int epoch) {
    return epoch < 10 ? 1.0 / (1 + epoch) : 0.1 + 1e-4 * (epoch % 3);
  }

  /** Drives an optimizer on {@code schedule} from epoch {@code from} to {@code to} and returns the rate of every update. */
  static double[] run(Optimizer optimizer, Schedule schedule, int from, int to) {
    double[] rates = new double[(to - from) * STEPS_PER_EPOCH];
    int k = 0;
    for (int e = from; e < to; e++) {
      optimizer.clock().setEpoch(e);
      for (int s = 0; s < STEPS_PER_EPOCH; s++) {
        optimizer.parameters().grad(0).fill(1);
        optimizer.step();
        rates[k++] = schedule.rate(optimizer.clock());
      }
      schedule.observe(cost(e));
    }
    return rates;
  }

  static Optimizer optimizer(Schedule schedule) {
    return new Optimizer(Optimizers.gd(schedule), List.of(Variable.parameter("W1", Matrix.zeros(Precision.F64, 2, 3))));
  }

  static double[] fullRun(Schedule schedule) {
    return run(optimizer(schedule), schedule, 0, EPOCHS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theRateIsPositiveAndFiniteAtEveryUpdate(ScheduleCase c) {
    double[] rates = fullRun(c.schedule().get());
    for (int t = 0; t < rates.length; t++) {
      boolean atZero = c.endsAtZero() && rates[t] == 0 && rates[rates.length - 1] == 0;
      assertTrue(rates[t] > 0 && Double.isFinite(rates[t]) || atZero, c + ": update " + (t + 1) + " has rate " + rates[t]);
    }
    if (c.endsAtZero()) {
      assertEquals(0, rates[rates.length - 1], 0, c + " was to end at 0");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void stepZeroAndTheFirstUpdateGetLr0(ScheduleCase c) {
    Schedule s = c.schedule().get();
    assertEquals(c.lr0(), s.rate(new Clock()), 0, c + " before the first update");
    assertEquals(c.lr0(), fullRun(s)[0], 0, c + " during the first update");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aRestoredScheduleContinuesBitForBit(ScheduleCase c) {
    int stop = EPOCHS / 2 + 1;
    Schedule original = c.schedule().get();
    Optimizer a = optimizer(original);
    run(a, original, 0, stop);
    Map<String, Matrix> saved = new LinkedHashMap<>();
    a.state().flatten(a.parameters()).forEach((path, m) -> saved.put(path, m.copy()));

    Schedule fresh = c.schedule().get();
    Optimizer b = optimizer(fresh);
    b.state().restore(b.parameters(), saved);
    b.restoreClock(a.clock().step(), a.clock().epoch());
    assertEquals(original.rate(a.clock()), fresh.rate(b.clock()), 0, c + " right after the restore");
    double[] continued = run(a, original, stop, EPOCHS);
    assertArrayEquals(continued, run(b, fresh, stop, EPOCHS), 0, c + " after the restore");
    // and both are the run that was never interrupted
    double[] whole = fullRun(c.schedule().get());
    assertArrayEquals(Arrays.copyOfRange(whole, stop * STEPS_PER_EPOCH, whole.length), continued, 0, c + " uninterrupted");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void itFallsOrRisesWhereItSaysItDoes(ScheduleCase c) {
    double[] rates = fullRun(c.schedule().get());
    for (int t = 1; t < rates.length; t++) {
      if (c.trend() == Trend.FALLS) {
        assertTrue(rates[t] <= rates[t - 1], c + " rose from " + rates[t - 1] + " to " + rates[t] + " at update " + (t + 1));
      } else if (c.trend() == Trend.RISES) {
        assertTrue(rates[t] >= rates[t - 1], c + " fell from " + rates[t - 1] + " to " + rates[t] + " at update " + (t + 1));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aPureScheduleIgnoresTheCostsItIsFed(ScheduleCase c) {
    Schedule fed = c.schedule().get();
    if (!fed.state().isEmpty()) {
      return;   // it adapts to the costs, and says so by its state
    }
    Schedule unfed = c.schedule().get();
    double[] withCosts = fullRun(fed);
    Optimizer o = optimizer(unfed);
    double[] without = new double[withCosts.length];
    int k = 0;
    for (int e = 0; e < EPOCHS; e++) {
      o.clock().setEpoch(e);
      for (int s = 0; s < STEPS_PER_EPOCH; s++) {
        o.step();
        without[k++] = unfed.rate(o.clock());
      }
    }
    assertArrayEquals(without, withCosts, 0, c.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void itsToStringParsesBackToTheSameRates(ScheduleCase c) {
    Schedule s = c.schedule().get();
    Schedule back = Schedules.parse(s.toString());
    assertEquals(s.toString(), back.toString());
    assertArrayEquals(fullRun(s), fullRun(back), 0, c + " parsed from " + s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void askingForTheRateAllocatesNothing(ScheduleCase c) {
    Schedule s = c.schedule().get();
    Optimizer o = optimizer(s);
    run(o, s, 0, 3);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    double sum = 0;
    for (int t = 0; t < 10_000; t++) {
      sum += s.rate(o.clock());
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(sum > 0);
    assertTrue(allocated < 1024, c + " allocated " + allocated + " bytes in 10 000 calls of rate");
  }

  /** Every concrete {@code Schedule} of the main sources is the schedule of some case. */
  @Test
  void everyScheduleOfTheLibraryHasACase() {
    Set<Class<?>> covered = cases().stream().map(c -> c.schedule().get().getClass()).collect(Collectors.toSet());
    List<Class<?>> all = MainClasses.implementing(Schedule.class);
    assertFalse(all.isEmpty());
    List<String> missing = new ArrayList<>();
    for (Class<?> k : all) {
      if (!covered.contains(k)) {
        missing.add(k.getName());
      }
    }
    assertTrue(missing.isEmpty(), "no case in ScheduleContractTest.cases() is a " + missing + "; add a line for each");
  }
}
