package dev.descent.cli;

import dev.descent.model.Version;
import java.util.ServiceLoader;
import picocli.CommandLine.Command;

/**
 * The top-level {@code descent} command. Its subcommands are listed here, not in the annotation,
 * so that {@link Main} can give picocli only the one a command line names: building the model of
 * every command (reflection over some 300 options) was most of a start-up. Commands of other
 * modules on the class path ({@link ModuleCommand}: descent-bench's {@code bench}, else {@link
 * MissingBenchCommand}) come after {@code resume}.
 */
@Command(name = "descent", mixinStandardHelpOptions = true, versionProvider = DescentCommand.VersionProvider.class,
    description = "Train deep neural networks and improve them: initialization, regularization, "
        + "gradient checking, optimizers, batch norm, hyper-parameter search.")
public final class DescentCommand {
  /** The subcommands that other modules provide (their hostile-input cases run in those modules). */
  static final java.util.Set<String> MODULE_COMMANDS = java.util.Set.of("bench");

  /** The subcommands by name, in the order the help lists them. */
  static final java.util.Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static java.util.Map<String, Class<?>> subcommands() {
    java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    for (Class<?> c : new Class<?>[] {QuickstartCommand.class, TrainCommand.class, PredictCommand.class,
        EvaluateCommand.class, LrFindCommand.class, GradcheckCommand.class, ExperimentCommand.class, SearchCommand.class,
        ResumeCommand.class, ModuleCommand.class, ConvertCommand.class, ExportCommand.class, ServeCommand.class,
        DashboardCommand.class}) {
      if (c == ModuleCommand.class) {
        // the provider's class only: its command model is built when it is named, as the others'
        ServiceLoader.load(ModuleCommand.class).stream().map(ServiceLoader.Provider::type)
            .forEach(t -> m.put(t.getAnnotation(Command.class).name(), t));
        m.putIfAbsent("bench", MissingBenchCommand.class);
      } else {
        m.put(c.getAnnotation(Command.class).name(), c);
      }
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
