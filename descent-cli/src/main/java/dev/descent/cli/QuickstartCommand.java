package dev.descent.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code ./descent} with no arguments runs: a small network trained on the built-in moons
 * in a few seconds, then where the files went and what to try next.
 */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = "Train a default model on the built-in moons and show what to try next (what ./descent alone runs).")
public final class QuickstartCommand implements Callable<Integer> {
  static final String[] DEFAULT_TRAIN = {"train", "--data", "moons", "--hidden", "10,5", "--optimizer", "adam",
      "--lr", "0.01", "--epochs", "60", "--batch-size", "64", "--out", "descent-out/quickstart"};

  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Option(names = "--out", paramLabel = "DIR", defaultValue = "descent-out/quickstart",
      description = "Directory for the model and plots (default: ${DEFAULT-VALUE}).")
  String outDirectory;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String[] args = DEFAULT_TRAIN.clone();
    args[args.length - 1] = outDirectory;
    out.println("Descent: training a default model on the built-in moons data set");
    out.println("  ./descent " + String.join(" ", args));
    out.println();
    CommandLine train = spec.commandLine().getParent().getSubcommands().get("train");
    int code = train.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
    if (code != Main.OK) {
      return code;
    }
    out.println();
    out.println("Try next:");
    out.println("  ./descent train --data your.csv                 train on your own CSV (label in the last column)");
    out.println("  ./descent train --optimizer gd --lr 0.0007      compare optimizers (momentum, rmsprop, adam, adamw)");
    out.println("  ./descent experiment initialization             zeros vs random vs He init, as in the course");
    out.println("  ./descent predict --model " + outDirectory + "/model.descent --data your.csv");
    out.println("                                                  predict with the model just trained");
    // the directory's length varies: the comment on a line of its own when it would not line up
    String dashboard = "./descent dashboard " + outDirectory;
    out.println(dashboard.length() < 46 ? String.format("  %-46s  watch runs in a browser", dashboard)
        : "  " + dashboard + "\n                                                  watch runs in a browser");
    out.println("  ./descent --help                                every command");
    out.flush();
    return Main.OK;
  }
}
