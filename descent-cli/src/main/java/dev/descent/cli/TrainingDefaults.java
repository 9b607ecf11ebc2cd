package dev.descent.cli;

import dev.descent.io.Decimal;
import dev.descent.run.NetworkSpec;
import dev.descent.run.OptimizerSpec;
import dev.descent.run.TrainingSettings;
import java.lang.reflect.Field;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the network and training options ({@link NetworkOptions}, {@link
 * TrainingOptions}, {@link SeedOption}), read from the one place they are written: {@link
 * TrainingSettings#defaults()}. Each command that mixes those options in names this provider in
 * its {@code @Command}; {@code --help} shows the same values ({@code ${DEFAULT-VALUE}}).
 */
public final class TrainingDefaults implements IDefaultValueProvider {
  private static final Map<String, String> TEXT = text(TrainingSettings.defaults());

  @Override
  public String defaultValue(ArgSpec arg) {
    if (arg instanceof OptionSpec option && arg.userObject() instanceof Field field
        && (field.getDeclaringClass() == NetworkOptions.class || field.getDeclaringClass() == TrainingOptions.class
        || field.getDeclaringClass() == SeedOption.class)) {
      return TEXT.get(option.longestName());
    }
    return null;   // the option's own defaultValue, if any
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
