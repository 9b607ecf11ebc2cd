package dev.descent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.DescentException;
import dev.descent.cli.experiment.CourseFigure;
import dev.descent.cli.experiment.Experiment;
import dev.descent.cli.experiment.ExperimentContext;
import dev.descent.cli.experiment.ExperimentJson;
import dev.descent.cli.experiment.ExperimentResult;
import dev.descent.cli.experiment.Experiments;
import dev.descent.cli.experiment.RunRow;
import dev.descent.cli.experiment.Spread;
import dev.descent.cli.report.ExperimentSuite;
import dev.descent.tensor.Rng;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code descent experiment NAME}: reproduces one of the course's classic results. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = "Reproduce a classic result of the course as a table and plots; 'all' runs every one and writes one HTML page.")
public final class ExperimentCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Names.class,
      description = "The experiment: ${COMPLETION-CANDIDATES}")
  String name;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "descent-out/experiments",
      description = "Directory for tables and plots (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--data", paramLabel = "FILE", description = "Run on this data file instead of the built-in set (where the experiment supports it).")
  String data;

  @Option(names = "--rng", paramLabel = "KIND",
      description = "For the course's tables (initialization, optimization, regularization): numpy replays the notebooks "
          + "(the course's data, numpy's generator at their seeds, float64: the course's figures), descent runs "
          + "Descent's look-alike data and generator in float32 (default: numpy).")
  String rng;

  @Option(names = "--seeds", paramLabel = "N",
      description = "Also rerun every configuration of the course's tables with seeds 1..N of Descent's generator, and "
          + "report mean ± standard deviation, min–max and a plot with the course's figure marked (default: none).")
  Integer seeds;

  /** The experiments {@code --rng} and {@code --seeds} apply to. */
  static final java.util.Set<String> COURSE_TABLES = java.util.Set.of("initialization", "optimization", "regularization");

  @Option(names = "--json", description = "Print one JSON object on stdout instead of the table.")
  boolean json;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  static final Map<String, Experiment> EXPERIMENTS = Experiments.all();

  static final class Names extends ArrayList<String> {
    Names() {
      super(Experiments.all().keySet());
      add(ExperimentSuite.ALL);
    }
  }

  /** The generator and spread the options ask for, checked against the experiment. */
  private ExperimentContext context(Path dir, String experiment) {
    Rng.Kind kind = rng == null ? Rng.Kind.NUMPY : Rng.Kind.parse(rng);
    int n = seeds == null ? 0 : seeds;
    return new ExperimentContext(dir, data, spec.commandLine().getErr(), COURSE_TABLES.contains(experiment) ? kind : Rng.Kind.DESCENT,
        COURSE_TABLES.contains(experiment) ? n : 0);
  }

  private void checkOptions() {
    if (rng != null) {
      Rng.Kind.parse(rng);
    }
    if (seeds != null && seeds < 1) {
      throw new UsageException("--seeds " + seeds + ": must be at least 1, the number of seeds of Descent's generator to "
          + "rerun each configuration with, e.g. --seeds 10");
    }
    boolean single = !ExperimentSuite.ALL.equals(name);
    if (single && (rng != null || seeds != null) && EXPERIMENTS.containsKey(name) && !COURSE_TABLES.contains(name)) {
      throw new UsageException((rng != null ? "--rng" : "--seeds") + " applies to the course's tables (initialization, "
          + "optimization, regularization), not to '" + name + "'; leave it out");
    }
    if (seeds != null && "numpy".equals(rng)) {
      throw new UsageException("--seeds " + seeds + " with --rng numpy: the spread reruns with seeds 1.." + seeds
          + " of Descent's generator, while numpy's replays only the notebooks' own seeds; leave out --rng numpy "
          + "(the table still shows the notebook's run beside the spread)");
    }
  }

  @Override
  public Integer call() {
    checkOptions();
    if (ExperimentSuite.ALL.equals(name)) {
      boolean allRan = new ExperimentSuite(EXPERIMENTS, n -> context(out(n), n))
          .run(out.resolve("index.html"), json, spec.commandLine().getOut(), spec.commandLine().getErr());
      return allRan ? Main.OK : Main.RUNTIME_ERROR;
    }
    Experiment e = EXPERIMENTS.get(name);
    if (e == null) {
      throw new IllegalArgumentException("unknown experiment '" + name + "'; expected one of " + String.join(", ", EXPERIMENTS.keySet()));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = out(name);
    ExperimentResult r = e.run(context(dir, name));
    if (json) {
      print(out, ExperimentJson.of(r));
    } else {
      printTable(out, r);
    }
    return 0;
  }

  Path out(String experiment) {
    Path dir = out.resolve(experiment);
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException ex) {
      throw new DescentException("--out " + out + ": cannot create " + dir + ": " + OutputOptions.why(ex));
    }
    return dir;
  }

  static void print(PrintWriter out, ObjectNode json) {
    try {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
    out.flush();
  }

  static void printTable(PrintWriter out, ExperimentResult r) {
    out.println(r.name() + ": " + r.setting());
    out.println();
    List<String> extraKeys = new ArrayList<>();
    for (RunRow row : r.runs()) {
      for (String k : row.extra().keySet()) {
        if (!extraKeys.contains(k)) {
          extraKeys.add(k);
        }
      }
    }
    // cells first, then each column as wide as its widest cell; columns no run fills are left out
    List<String> headers = new ArrayList<>(List.of("run", "train", "test", "final cost", "seconds"));
    extraKeys.forEach(k -> headers.add(k.replace('_', ' ')));
    boolean course = !r.course().isEmpty();
    List<String[]> cells = new ArrayList<>();
    for (RunRow row : r.runs()) {
      // course mode prints the course's four decimals, so that "to the printed digit" can be read off
      List<String> c = new ArrayList<>(List.of(row.name(), course ? pct4(row.trainAccuracy()) : pct(row.trainAccuracy()),
          course ? pct4(row.testAccuracy()) : pct(row.testAccuracy()),
          Double.isNaN(row.finalCost()) ? "-" : String.format("%.4g", row.finalCost()), String.format("%.2f", row.seconds())));
      for (String k : extraKeys) {
        Object v = row.extra().get(k);
        c.add(v == null ? "-" : v instanceof Double d ? String.format("%.4g", d) : v.toString());
      }
      cells.add(c.toArray(new String[0]));
    }
    List<Integer> shown = new ArrayList<>();
    int[] width = new int[headers.size()];
    for (int j = 0; j < headers.size(); j++) {
      boolean filled = false;
      width[j] = headers.get(j).length();
      for (String[] c : cells) {
        filled |= !c[j].equals("-");
        width[j] = Math.max(width[j], c[j].length());
      }
      if (filled || j == 0) {
        shown.add(j);
      }
    }
    StringBuilder header = new StringBuilder(" ");
    for (int j : shown) {
      header.append(j == 0 ? String.format(" %-" + width[j] + "s", headers.get(j)) : String.format("  %" + width[j] + "s", headers.get(j)));
    }
    if (course) {
      header.append(String.format(" %12s %12s  %s", "course train", "course test", "vs course"));
    }
    out.println(header);
    out.println("  " + "-".repeat(header.length() - 2));
    for (int i = 0; i < cells.size(); i++) {
      String[] c = cells.get(i);
      RunRow row = r.runs().get(i);
      StringBuilder sb = new StringBuilder(" ");
      for (int j : shown) {
        sb.append(j == 0 ? String.format(" %-" + width[j] + "s", c[j]) : String.format("  %" + width[j] + "s", c[j]));
      }
      CourseFigure f = r.courseFigure(row.name());
      if (course) {
        sb.append(f == null ? String.format(" %12s %12s  %s", "-", "-", "")
            : String.format(" %12s %12s  %s", pct4(f.train()), pct4(f.test()), r.differsFromCourse(row) ? "DIFFERS" : "same"));
      }
      out.println(sb.toString().stripTrailing());
    }
    out.println();
    printSpreads(out, r);
    for (String line : r.details()) {
      out.println(line);
    }
    if (!r.details().isEmpty()) {
      out.println();
    }
    if (!r.reference().isEmpty()) {
      out.println("reference (the course / numpy): " + String.join("; ", r.reference()));
    }
    out.println(r.lesson());
    for (Path p : r.plots()) {
      out.println("plot  " + p);
    }
    out.flush();
  }

  private static void printSpreads(PrintWriter out, ExperimentResult r) {
    if (r.trainSpread().isEmpty()) {
      return;
    }
    int n = r.trainSpread().values().iterator().next().values().length;
    out.println("spread over seeds 1.." + n + " of Descent's generator (same data, network and training):");
    for (RunRow row : r.runs()) {
      CourseFigure f = r.courseFigure(row.name());
      for (String set : new String[] {"train", "test"}) {
        Spread s = (set.equals("train") ? r.trainSpread() : r.testSpread()).get(row.name());
        if (s == null) {
          continue;
        }
        double c = f == null ? Double.NaN : set.equals("train") ? f.train() : f.test();
        out.printf(java.util.Locale.ROOT, "  %-10s %-5s %6.2f %% ± %5.2f   min %6.2f %%  max %6.2f %%%s%n", row.name(), set,
            100 * s.mean(), 100 * s.standardDeviation(), 100 * s.min(), 100 * s.max(),
            Double.isNaN(c) ? "" : String.format(java.util.Locale.ROOT, "   course %.2f %%: %.0f %% of seeds at or below it",
                100 * c, 100 * s.rankOf(c)));
      }
    }
    out.println();
  }

  static String pct4(double v) {
    return Double.isNaN(v) ? "-" : String.format(java.util.Locale.ROOT, "%.2f %%", 100 * v);
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.1f %%", 100 * v);
  }
}
