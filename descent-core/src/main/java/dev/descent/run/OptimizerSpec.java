package dev.descent.run;

import dev.descent.optim.GradientTransform;
import dev.descent.optim.OptimizerSettings;
import dev.descent.optim.Optimizers;
import dev.descent.optim.Schedule;
import dev.descent.optim.schedule.Schedules;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An optimizer as the command line names it: a name, a learning rate, the averaging weights,
 * ε, weight decay and an optional schedule ({@code NAME} or {@code NAME:key=value,...}, e.g.
 * {@code inverse-time:decay=1}; the schedule's lr0 defaults to the learning rate).
 *
 * @param beta momentum's or Nesterov's β (default 0.9), or RMSprop's (default 0.999); null for the default
 * @param weightDecay AdamW's decoupled decay; null for the default (0.01)
 */
public record OptimizerSpec(String name, double learningRate, Double beta, double beta1, double beta2,
    double epsilon, Double weightDecay, String schedule) {

  public OptimizerSpec {
    if (!(learningRate > 0 && Double.isFinite(learningRate))) {
      throw new IllegalArgumentException("--lr " + learningRate + ": the learning rate must be positive, e.g. --lr 0.001");
    }
  }

  public static OptimizerSpec of(String name, double learningRate) {
    return new OptimizerSpec(name, learningRate, null, OptimizerSettings.BETA1, OptimizerSettings.BETA2,
        OptimizerSettings.EPSILON, null, null);
  }

  public GradientTransform build() {
    return build(learningRateSchedule());
  }

  /** The optimizer around {@code learningRate} instead of the one --lr and --schedule give (e.g. a range test's sweep). */
  public GradientTransform build(Schedule learningRate) {
    String n = name.toLowerCase(Locale.ROOT);
    if (!Optimizers.NAMES.contains(n)) {
      throw new IllegalArgumentException("--optimizer " + name + ": unknown optimizer; expected one of "
          + String.join(", ", Optimizers.NAMES));
    }
    double b1 = beta1;
    double b2 = beta2;
    if (beta != null && !(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("--beta " + beta + ": must be in [0, 1), e.g. --beta 0.9");
    }
    if (beta != null) {
      switch (n) {
        case "momentum", "nesterov" -> b1 = beta;
        case "rmsprop" -> b2 = beta;
        default -> throw new IllegalArgumentException("--beta " + beta + ": " + n
            + " has no single β; use --beta1/--beta2 for adam and adamw, --beta for momentum, nesterov and rmsprop");
      }
    }
    try {
      return Optimizers.parse(n, new OptimizerSettings(learningRate, b1, b2, epsilon,
          weightDecay == null ? OptimizerSettings.WEIGHT_DECAY : weightDecay));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(cliWords(e.getMessage()), e);
    }
  }

  /** The learning-rate schedule: constant unless {@code --schedule} names one. */
  public Schedule learningRateSchedule() {
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
    return message.replaceAll("\\b(beta1|beta2|epsilon|weightDecay|learningRate)\\b( =)?", "--$1")
        .replace("--weightDecay", "--weight-decay").replace("--learningRate", "--lr")
        .replace('_', '-').replace("|", ", ");
  }
}
