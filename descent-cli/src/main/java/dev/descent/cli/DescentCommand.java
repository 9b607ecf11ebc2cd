package dev.descent.cli;

import dev.descent.cli.bench.BenchCommand;
import dev.descent.cli.experiment.ExperimentCommand;
import dev.descent.model.Version;
import picocli.CommandLine.Command;

/**
 * The top-level {@code descent} command. Its subcommands are listed here, not in the annotation,
 * so that {@link Main} can give picocli only the one a command line names: building the model of
 * every command (reflection over some 300 options) was most of a start-up.
 */
@Command(name = "descent", mixinStandardHelpOptions = true, versionProvider = DescentCommand.VersionProvider.class,
    description = "Train deep neural networks and improve them: initialization, regularization, "
        + "gradient checking, optimizers, batch norm, hyper-parameter search.")
public final class DescentCommand {
  /** The subcommands by name, in the order the help lists them. */
  static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static java.util.Map<String, Class<?>> subcommands() {
    java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    for (Class<?> c : new Class<?>[] {QuickstartCommand.class, TrainCommand.class, PredictCommand.class,
        EvaluateCommand.class, LrFindCommand.class, GradcheckCommand.class, ExperimentCommand.class, SearchCommand.class,
        ResumeCommand.class, BenchCommand.class, ConvertCommand.class, ExportCommand.class, ServeCommand.class,
        DashboardCommand.class}) {
      m.put(c.getAnnotation(Command.class).name(), c);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"descent " + Version.CURRENT + " (Java " + System.getProperty("java.version") + ")"};
    }
  }
}
