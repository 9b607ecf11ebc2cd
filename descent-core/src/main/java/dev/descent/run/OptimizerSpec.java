package dev.descent.run;

import dev.descent.optim.Ewa;
import dev.descent.optim.GradientTransform;
import dev.descent.optim.OptimizerSettings;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import dev.descent.optim.schedule.Schedules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An optimizer as the command line names it: a name, a learning rate, the averaging weights,
 * ε, weight decay and an optional schedule ({@code NAME} or {@code NAME:key=value,...}, e.g.
 * {@code inverse-time:decay=1}; the schedule's lr0 defaults to the learning rate). Validated at
 * construction, every message in the options' words ({@code --beta1 1.0: must be in [0, 1)}):
 * the ranges themselves are the optimizers' own ({@link OptimizerSettings}, {@link Ewa#checkBeta}).
 *
 * <p>Defaults ({@link #defaults}): adam, lr 0.001, and {@link OptimizerSettings}' β1 0.9, β2
 * 0.999, ε 1e-8, weight decay 0.01.
 *
 * @param name one of {@link Optimizers#NAMES}, in lower case
 * @param beta momentum's or Nesterov's β (default 0.9), or RMSprop's (default 0.999); null for the default
 * @param weightDecay AdamW's decoupled decay; null for the default (0.01)
 * @param schedule the schedule as {@code --schedule} writes it, or null for a constant rate
 */
public record OptimizerSpec(String name, double learningRate, Double beta, double beta1, double beta2,
    double epsilon, Double weightDecay, String schedule) {

  public OptimizerSpec {
    String given = name;
    name = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    if (!(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new IllegalArgumentException("--lr " + learningRate + ": the learning rate must be positive, e.g. --lr 0.001");
    }
    if (!Optimizers.NAMES.contains(name)) {
      throw new IllegalArgumentException("--optimizer " + given + ": unknown optimizer; expected one of "
          + String.join(", ", Optimizers.NAMES));
    }
    if (beta != null) {
      try {
        Ewa.checkBeta(beta, "beta");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(cliWords(e.getMessage()) + ", e.g. --beta 0.9", e);
      }
      if (!List.of("momentum", "nesterov", "rmsprop").contains(name)) {
        throw new IllegalArgumentException("--beta " + beta + ": " + name
            + " has no single β; use --beta1/--beta2 for adam and adamw, --beta for momentum, nesterov and rmsprop");
      }
    }
    transform(name, learningRateSchedule(learningRate, schedule), beta, beta1, beta2, epsilon, weightDecay);
  }

  /** adam with lr 0.001 and {@link OptimizerSettings}' defaults: {@code descent train}'s optimizer. */
  public static OptimizerSpec defaults() {
    return of("adam", 0.001);
  }

  public static OptimizerSpec of(String name, double learningRate) {
    return new OptimizerSpec(name, learningRate, null, OptimizerSettings.BETA1, OptimizerSettings.BETA2,
        OptimizerSettings.EPSILON, null, null);
  }

  public OptimizerSpec withLearningRate(double lr) {
    return new OptimizerSpec(name, lr, beta, beta1, beta2, epsilon, weightDecay, schedule);
  }

  public GradientTransform build() {
    return build(learningRateSchedule());
  }

  /** The optimizer around {@code learningRate} instead of the one --lr and --schedule give (e.g. a range test's sweep). */
  public GradientTransform build(Schedule learningRate) {
    return transform(name, learningRate, beta, beta1, beta2, epsilon, weightDecay);
  }

  /** {@link Optimizers#parse} with its numbers: the single β goes to β1 (momentum, Nesterov) or β2 (RMSprop). */
  private static GradientTransform transform(String name, Schedule learningRate, Double beta, double beta1, double beta2,
      double epsilon, Double weightDecay) {
    double b1 = beta != null && !name.equals("rmsprop") ? beta : beta1;
    double b2 = beta != null && name.equals("rmsprop") ? beta : beta2;
    try {
      return Optimizers.parse(name, new OptimizerSettings(learningRate, b1, b2, epsilon,
          weightDecay == null ? OptimizerSettings.WEIGHT_DECAY : weightDecay));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(cliWords(e.getMessage()), e);
    }
  }

  /** The learning-rate schedule: constant unless {@code --schedule} names one. */
  public Schedule learningRateSchedule() {
    return learningRateSchedule(learningRate, schedule);
  }

  private static Schedule learningRateSchedule(double learningRate, String schedule) {
    if (schedule == null || schedule.isBlank()) {
      return Schedule.constant(learningRate);
    }
    String[] parts = schedule.split(":", 2);
    String scheduleName = parts[0].trim().toLowerCase(Locale.ROOT).replace('-', '_');
    Map<String, String> params = new LinkedHashMap<>();
    if (parts.length > 1 && !parts[1].isBlank()) {
      for (String kv : parts[1].split(",")) {
        String[] p = kv.split("=", 2);
        if (p.length != 2 || p[0].isBlank()) {
          throw new IllegalArgumentException("--schedule " + schedule + ": expected NAME:key=value,..., e.g. inverse-time:decay=1");
        }
        params.put(p[0].trim(), p[1].trim());
      }
    }
    try {
      if (!params.containsKey("lr0") && !scheduleName.equals("piecewise") && !scheduleName.equals("warmup")
          && Schedules.NAMES.contains(scheduleName)) {
        Map<String, String> withLr = new LinkedHashMap<>();
        withLr.put("lr0", Double.toString(learningRate));
        withLr.putAll(params);
        params = withLr;
      }
      return Schedules.parse(scheduleName, params);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--schedule " + schedule + ": " + cliWords(e.getMessage()), e);
    }
  }

  /** Library names in messages become the option names a CLI user types. */
  private static String cliWords(String message) {
    return message.replaceAll("\\b(beta|beta1|beta2|epsilon|weightDecay|learningRate)\\b( =)?", "--$1")
        .replace("--weightDecay", "--weight-decay").replace("--learningRate", "--lr")
        .replace('_', '-').replace("|", ", ");
  }
}
