package dev.descent.cli;

import dev.descent.io.Decimal;
import dev.descent.run.TrainingSettings;
import dev.descent.search.TrialRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * The best trial of a search as a {@code descent train} command that reproduces it: the search's
 * own options that train knows (data, network, split, base training settings), the trial's
 * params in their place, the trial's {@code --seed}, and {@code --split-seed} set to the
 * search's seed so that the split, hence the dev set, is the one the trials were compared on.
 *
 * <pre>
 * descent train --data moons --epochs 200 --lr 0.0031622776601683794 --hidden 16,8 --seed 8123 --split-seed 1 --out runs/best
 * </pre>
 */
final class BestTrial {
  /** Options of search that train has too but that the command must not copy. */
  private static final Set<String> NOT_COPIED = Set.of("--seed", "--split-seed", "--out", "--json", "--debug", "--hidden", "--help",
      "--version", "--log-every", "--json-history");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.,:=/+@%-]+");

  private BestTrial() {}

  /** The arguments after {@code descent}: {@code train …}. */
  static List<String> arguments(CommandLine.ParseResult search, TrainingSettings trial, TrialRecord best, long searchSeed, Path out) {
    CommandSpec train = new CommandLine(new TrainCommand()).getCommandSpec();
    List<String> args = new ArrayList<>(List.of("train"));
    for (OptionSpec o : search.matchedOptions()) {
      String name = o.longestName();
      String param = name.substring(2);
      if (NOT_COPIED.contains(name) || train.findOption(name) == null || best.params().containsKey(param)) {
        continue;
      }
      if (o.arity().max() == 0) {
        args.add(name);
        continue;
      }
      for (String v : o.originalStringValues()) {
        args.add(name);
        args.add(v);
      }
    }
    for (var e : best.params().entrySet()) {
      String name = "--" + e.getKey();
      if (e.getKey().equals("hidden") || e.getKey().equals("layers")) {
        continue;   // as --hidden below, resolved
      }
      if (train.findOption(name) == null) {
        throw new AssertionError("search parameter " + e.getKey() + " has no train option");
      }
      args.add(name);
      args.add(text(e.getValue()));
    }
    List<String> widths = new ArrayList<>();
    trial.hidden().forEach(w -> widths.add(Integer.toString(w)));
    if (!widths.isEmpty()) {
      args.add("--hidden");
      args.add(String.join(",", widths));
    }
    args.addAll(List.of("--seed", Long.toString(best.seed()), "--split-seed", Long.toString(searchSeed), "--out", out.toString()));
    return args;
  }

  /** Exact values: a learning rate printed to 4 digits would train another model. */
  private static String text(Object v) {
    if (v instanceof Double d) {
      return Decimal.text(d);
    }
    if (v instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      list.forEach(x -> parts.add(text(x)));
      return String.join(",", parts);
    }
    return String.valueOf(v);
  }

  /** {@code descent train …} for a POSIX shell: arguments with other characters single-quoted. */
  static String shell(List<String> args) {
    StringBuilder sb = new StringBuilder("descent");
    for (String a : args) {
      sb.append(' ').append(PLAIN.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'");
    }
    return sb.toString();
  }

  /**
   * Runs the command in this process (quietly) and returns null, or the reason it failed. The
   * retrained model is the trial's: the same data, split, seed and settings.
   */
  static String retrain(List<String> args) {
    StringWriter sink = new StringWriter();
    List<String> quiet = new ArrayList<>(args);
    quiet.add("--json");
    quiet.add("--json-history");
    quiet.add("none");
    int code = Main.run(quiet.toArray(new String[0]), new PrintWriter(sink), new PrintWriter(sink));
    return code == Main.OK ? null : String.format(Locale.ROOT, "exit %d: %s", code, sink.toString().strip());
  }
}
