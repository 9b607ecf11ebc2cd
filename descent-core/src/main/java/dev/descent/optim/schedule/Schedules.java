package dev.descent.optim.schedule;

import dev.descent.optim.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named learning-rate schedules, and the parser for the form their {@code toString()}
 * prints. t counts epochs from 0 or updates from 0 (see {@link Per}); lr0 is the rate at t = 0,
 * except that inverse_sqrt starts at lr0·k (the course's formula) and a warm-up at 1/length of
 * the schedule it wraps.
 *
 * <pre>
 * constant               lr0
 * inverse_time           lr0 / (1 + decay·t)                      decay 1
 * exponential            lr0·rate^t                               rate 0.95
 * inverse_sqrt           lr0·k / √(t + 1)                         k 1
 * staircase              lr0·factor^⌊t / every⌋                   factor 0.5
 * interval_inverse_time  lr0 / (1 + decay·⌊t / interval⌋)         decay 1
 * piecewise              values[i] between boundaries
 * cosine                 from lr0 to minimum over length          minimum 0
 * warmup                 then(t)·min(1, (t + 1)/length)
 * plateau                ×factor after patience epochs without improvement
 *                        factor 0.1, patience 10, minimum 0, threshold 1e-4
 * </pre>
 *
 * Every schedule except plateau takes {@code per=epoch} (default) or {@code per=step}.
 *
 * <pre>{@code
 * Schedules.parse("exponential(lr0=0.2, rate=0.9)")   // exponential(lr0=0.2, rate=0.9, per=epoch)
 * Schedules.parse("exponential", Map.of("lr0", "0.2", "per", "step"))
 * }</pre>
 */
public final class Schedules {
  public static final double DECAY = 1;
  public static final double RATE = 0.95;
  public static final double K = 1;
  public static final double FACTOR = 0.5;
  public static final double PLATEAU_FACTOR = 0.1;
  public static final long PATIENCE = 10;
  public static final double THRESHOLD = 1e-4;

  /** Each schedule's name and the parameters it takes, in the order {@code toString()} prints them. */
  static final Map<String, List<String>> PARAMETERS = new LinkedHashMap<>();

  static {
    PARAMETERS.put("constant", List.of("lr0"));
    PARAMETERS.put("inverse_time", List.of("lr0", "decay", "per"));
    PARAMETERS.put("exponential", List.of("lr0", "rate", "per"));
    PARAMETERS.put("inverse_sqrt", List.of("lr0", "k", "per"));
    PARAMETERS.put("staircase", List.of("lr0", "factor", "every", "per"));
    PARAMETERS.put("interval_inverse_time", List.of("lr0", "decay", "interval", "per"));
    PARAMETERS.put("piecewise", List.of("boundaries", "values", "per"));
    PARAMETERS.put("cosine", List.of("lr0", "length", "minimum", "per"));
    PARAMETERS.put("warmup", List.of("length", "then", "per"));
    PARAMETERS.put("plateau", List.of("lr0", "factor", "patience", "minimum", "threshold", "per"));
  }

  /** The names {@link #parse} accepts. */
  public static final List<String> NAMES = List.copyOf(PARAMETERS.keySet());

  private Schedules() {}

  public static Schedule constant(double lr0) {
    return Schedule.constant(lr0);
  }

  public static Schedule inverseTime(double lr0, double decay, Per per) {
    return new InverseTime(lr0, decay, per);
  }

  public static Schedule exponential(double lr0, double rate, Per per) {
    return new Exponential(lr0, rate, per);
  }

  /** The course's {@code 0.95^epoch·lr0}. */
  public static Schedule exponential(double lr0) {
    return exponential(lr0, RATE, Per.EPOCH);
  }

  public static Schedule inverseSqrt(double lr0, double k, Per per) {
    return new InverseSqrt(lr0, k, per);
  }

  public static Schedule staircase(double lr0, double factor, long every, Per per) {
    return new Staircase(lr0, factor, every, per);
  }

  public static Schedule intervalInverseTime(double lr0, double decay, long interval, Per per) {
    return new IntervalInverseTime(lr0, decay, interval, per);
  }

  public static Schedule piecewise(long[] boundaries, double[] values, Per per) {
    return Piecewise.of(boundaries, values, per);
  }

  public static Schedule cosine(double lr0, long length, double minimum, Per per) {
    return new Cosine(lr0, length, minimum, per);
  }

  public static Schedule warmup(long length, Schedule then, Per per) {
    return new Warmup(length, then, per);
  }

  public static ReduceOnPlateau plateau(double lr0, double factor, long patience, double minimum, double threshold) {
    return new ReduceOnPlateau(lr0, factor, patience, minimum, threshold);
  }

  public static ReduceOnPlateau plateau(double lr0) {
    return plateau(lr0, PLATEAU_FACTOR, PATIENCE, 0, THRESHOLD);
  }

  /** Parses the form {@code toString()} prints: {@code name(key=value, ...)} or a bare name. */
  public static Schedule parse(String spec) {
    ScheduleSpec parsed = ScheduleSpec.of(spec);
    return parse(parsed.name(), parsed.params());
  }

  /** The schedule {@code name} with {@code params} (values as the CLI writes them; lists as [a, b]). */
  public static Schedule parse(String name, Map<String, String> params) {
    List<String> takes = PARAMETERS.get(name);
    if (takes == null) {
      throw new IllegalArgumentException("schedule '" + name + "' is unknown; expected one of " + String.join("|", NAMES));
    }
    for (String key : params.keySet()) {
      if (!takes.contains(key)) {
        throw new IllegalArgumentException("schedule " + name + " does not take " + key + "; it takes "
            + String.join(", ", takes));
      }
    }
    ScheduleArguments a = new ScheduleArguments(name, params, takes);
    switch (name) {
      case "constant":
        return constant(a.number("lr0"));
      case "inverse_time":
        return inverseTime(a.number("lr0"), a.number("decay", DECAY), a.per());
      case "exponential":
        return exponential(a.number("lr0"), a.number("rate", RATE), a.per());
      case "inverse_sqrt":
        return inverseSqrt(a.number("lr0"), a.number("k", K), a.per());
      case "staircase":
        return staircase(a.number("lr0"), a.number("factor", FACTOR), a.whole("every"), a.per());
      case "interval_inverse_time":
        return intervalInverseTime(a.number("lr0"), a.number("decay", DECAY), a.whole("interval"), a.per());
      case "piecewise":
        return piecewise(a.wholes("boundaries"), a.numbers("values"), a.per());
      case "cosine":
        return cosine(a.number("lr0"), a.whole("length"), a.number("minimum", 0), a.per());
      case "warmup":
        return warmup(a.whole("length"), parse(a.text("then")), a.per());
      case "plateau":
        if (a.per() != Per.EPOCH) {
          throw new IllegalArgumentException("schedule plateau: per = step: must be epoch; it is fed one cost per epoch");
        }
        return plateau(a.number("lr0"), a.number("factor", PLATEAU_FACTOR), a.whole("patience", PATIENCE),
            a.number("minimum", 0), a.number("threshold", THRESHOLD));
      default:
        throw new AssertionError("schedule " + name + " is listed but not parsed");
    }
  }
}
