package dev.descent.cli;

import dev.descent.check.CheckOptions;
import dev.descent.io.Decimal;
import dev.descent.run.NetworkSpec;
import dev.descent.run.OptimizerSpec;
import dev.descent.run.TrainingSettings;
import dev.descent.train.LearningRateFinder;
import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults that are the library's own, read from the one place each is written: the
 * network and training options ({@link NetworkOptions}, {@link TrainingOptions}, {@link
 * SeedOption}) from {@link TrainingSettings#defaults()}, {@code lr-find}'s sweep from {@link
 * LearningRateFinder.Settings#defaults()}, {@code gradcheck}'s ε from {@link
 * CheckOptions#defaults()}. Each command with such options names this provider in its {@code
 * @Command}; {@code --help} shows the same values ({@code ${DEFAULT-VALUE}}). Options that are the
 * command line's alone (ports, output directories) keep their {@code defaultValue}.
 */
public final class CoreDefaults implements IDefaultValueProvider {
  private static final Map<String, String> TRAINING = text(TrainingSettings.defaults());
  private static final Map<String, String> LR_FIND = text(LearningRateFinder.Settings.defaults());
  private static final Map<String, String> GRADCHECK = Map.of("--epsilon", Decimal.typed(CheckOptions.defaults().epsilon()));

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option && arg.userObject() instanceof Field field)) {
      return null;
    }
    Class<?> owner = field.getDeclaringClass();
    Map<String, String> defaults = owner == NetworkOptions.class || owner == TrainingOptions.class || owner == SeedOption.class
        ? TRAINING : owner == LrFindCommand.class ? LR_FIND : owner == GradcheckCommand.class ? GRADCHECK : Map.of();
    return defaults.get(option.longestName());   // null: the option's own defaultValue, if any
  }

  /** The range test's sweep as lr-find's options type it. */
  static Map<String, String> text(LearningRateFinder.Settings s) {
    return Map.of("--lr-min", Decimal.typed(s.lrMin()), "--lr-max", Decimal.typed(s.lrMax()), "--steps", Integer.toString(s.steps()));
  }

  /** Each option's default as it would be typed. */
  static Map<String, String> text(TrainingSettings s) {
    NetworkSpec n = s.network();
    OptimizerSpec o = s.optimizer();
    return Map.ofEntries(
        Map.entry("--hidden", NetworkOptions.join(n.hidden())),
        Map.entry("--activation", n.activation().label()),
        Map.entry("--init", n.init().toString()),
        Map.entry("--optimizer", o.name()),
        Map.entry("--lr", Decimal.typed(o.learningRate())),
        Map.entry("--beta1", Decimal.typed(o.beta1())),
        Map.entry("--beta2", Decimal.typed(o.beta2())),
        Map.entry("--epsilon", Decimal.typed(o.epsilon())),
        Map.entry("--batch-size", s.batchSize() == 0 ? "full" : Integer.toString(s.batchSize())),
        Map.entry("--epochs", Integer.toString(s.epochs())),
        Map.entry("--seed", Long.toString(s.seed())),
        Map.entry("--precision", s.precision().name().toLowerCase(Locale.ROOT)));
  }
}
