package dev.descent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.DescentException;
import dev.descent.cli.experiment.AccuracyGap;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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

  @Mixin
  JsonOption jsonOption;

  @Mixin
  DebugOption debugOption;

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
          .run(out.resolve("index.html"), jsonOption.json(), spec.commandLine().getOut(), spec.commandLine().getErr());
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
    if (jsonOption.json()) {
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

  /** Between columns: three spaces, so that headers of several words do not run together. */
  private static final String GAP = "   ";

  /** The first column left-aligned after one space, the others right-aligned after {@link #GAP}. */
  private static String cell(boolean first, int width, String text) {
    return first ? String.format(" %-" + width + "s", text) : String.format("%s%" + width + "s", GAP, text);
  }

  /**
   * A header as two lines (the first empty when it fits on one): one line when it is no longer
   * than the column's cells or a single word, else split at the space nearest its middle.
   */
  static String[] headerLines(String header, int cellWidth) {
    if (header.length() <= cellWidth || header.indexOf(' ') < 0) {
      return new String[] {"", header};
    }
    int best = -1;
    for (int k = header.indexOf(' '); k >= 0; k = header.indexOf(' ', k + 1)) {
      if (best < 0 || Math.abs(2 * k - header.length()) < Math.abs(2 * best - header.length())) {
        best = k;
      }
    }
    return new String[] {header.substring(0, best), header.substring(best + 1)};
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
          Double.isNaN(row.finalCost()) ? "-" : String.format(Locale.ROOT, "%.4g", row.finalCost()), String.format(Locale.ROOT, "%.2f", row.seconds())));
      for (String k : extraKeys) {
        Object v = row.extra().get(k);
        c.add(v == null ? "-" : v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v instanceof AccuracyGap g ? g.text() : v.toString());
      }
      cells.add(c.toArray(new String[0]));
    }
    List<Integer> shown = new ArrayList<>();
    int[] width = new int[headers.size()];
    String[][] title = new String[headers.size()][];
    for (int j = 0; j < headers.size(); j++) {
      boolean filled = false;
      int cellWidth = 0;
      for (String[] c : cells) {
        filled |= !c[j].equals("-");
        cellWidth = Math.max(cellWidth, c[j].length());
      }
      // a header longer than its cells takes two lines, so that the column is no wider than it needs
      title[j] = headerLines(headers.get(j), cellWidth);
      width[j] = Math.max(cellWidth, Math.max(title[j][0].length(), title[j][1].length()));
      if (filled || j == 0) {
        shown.add(j);
      }
    }
    String[] courseTitles = {"course", "train", "course", "test", "vs", "course"};
    boolean twoLines = false;
    for (int j : shown) {
      twoLines |= !title[j][0].isEmpty();
    }
    StringBuilder[] header = {new StringBuilder(" "), new StringBuilder(" ")};
    for (int line = 0; line < 2; line++) {
      for (int j : shown) {
        header[line].append(cell(j == 0, width[j], title[j][line]));
      }
      if (course) {
        header[line].append(String.format("%s%8s%s%8s%s%-9s", GAP, courseTitles[line], GAP, courseTitles[2 + line], GAP,
            courseTitles[4 + line]));
      }
    }
    int length = Math.max(header[0].toString().stripTrailing().length(), header[1].toString().stripTrailing().length());
    if (twoLines || course) {
      out.println(header[0].toString().stripTrailing());
    }
    out.println(header[1].toString().stripTrailing());
    out.println("  " + "-".repeat(length - 2));
    for (int i = 0; i < cells.size(); i++) {
      String[] c = cells.get(i);
      RunRow row = r.runs().get(i);
      StringBuilder sb = new StringBuilder(" ");
      for (int j : shown) {
        sb.append(cell(j == 0, width[j], c[j]));
      }
      CourseFigure f = r.courseFigure(row.name());
      if (course) {
        sb.append(f == null ? String.format("%s%8s%s%8s%s%s", GAP, "-", GAP, "-", GAP, "")
            : String.format("%s%8s%s%8s%s%s", GAP, pct4(f.train()), GAP, pct4(f.test()), GAP,
                r.differsFromCourse(row) ? "DIFFERS" : "same"));
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
        out.printf(Locale.ROOT, "  %-10s %-5s %6.2f %% ± %5.2f   min %6.2f %%  max %6.2f %%%s%n", row.name(), set,
            100 * s.mean(), 100 * s.standardDeviation(), 100 * s.min(), 100 * s.max(),
            Double.isNaN(c) ? "" : String.format(Locale.ROOT, "   course %.2f %%: %.0f %% of seeds at or below it",
                100 * c, 100 * s.rankOf(c)));
      }
    }
    out.println();
  }

  static String pct4(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * v);
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
  }
}
