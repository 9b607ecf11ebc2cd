package dev.descent.cli;

import dev.descent.cli.bench.BenchCommand;
import dev.descent.cli.experiment.ExperimentCommand;
import dev.descent.model.Version;
import picocli.CommandLine.Command;

/** The top-level {@code descent} command; see the subcommands. */
@Command(name = "descent", mixinStandardHelpOptions = true, versionProvider = DescentCommand.VersionProvider.class,
    description = "Train deep neural networks and improve them: initialization, regularization, "
        + "gradient checking, optimizers, batch norm, hyper-parameter search.",
    subcommands = {QuickstartCommand.class, TrainCommand.class, PredictCommand.class, EvaluateCommand.class,
        LrFindCommand.class, GradcheckCommand.class, ExperimentCommand.class, SearchCommand.class,
        ResumeCommand.class, BenchCommand.class, ConvertCommand.class, ExportCommand.class, ServeCommand.class,
        DashboardCommand.class})
public final class DescentCommand {

  static final class VersionProvider implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"descent " + Version.CURRENT + " (Java " + System.getProperty("java.version") + ")"};
    }
  }
}
