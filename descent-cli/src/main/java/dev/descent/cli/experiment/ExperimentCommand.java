package dev.descent.cli.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.DescentException;
import dev.descent.cli.report.ExperimentSuite;
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

  @Override
  public Integer call() {
    if (ExperimentSuite.ALL.equals(name)) {
      return new ExperimentSuite(EXPERIMENTS, n -> new ExperimentContext(out(n), data, spec.commandLine().getErr()))
          .run(out.resolve("index.html"), json, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
    Experiment e = EXPERIMENTS.get(name);
    if (e == null) {
      throw new IllegalArgumentException("unknown experiment '" + name + "'; expected one of " + String.join(", ", EXPERIMENTS.keySet()));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = out(name);
    ExperimentResult r = e.run(new ExperimentContext(dir, data, err));
    if (json) {
      print(out, toJson(r));
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
      throw new DescentException("--out " + out + ": cannot create " + dir + ": " + dev.descent.cli.OutputOptions.why(ex));
    }
    return dir;
  }

  public static ObjectNode toJson(ExperimentResult r) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("experiment", r.name());
    ArrayNode runs = root.putArray("runs");
    for (RunRow row : r.runs()) {
      ObjectNode n = runs.addObject();
      n.put("name", row.name());
      putNumber(n, "train_accuracy", row.trainAccuracy());
      putNumber(n, "test_accuracy", row.testAccuracy());
      putNumber(n, "final_cost", row.finalCost());
      n.put("seconds", row.seconds());
      row.extra().forEach((k, v) -> n.set(k, m.valueToTree(v)));
    }
    ArrayNode plots = root.putArray("plots");
    r.plots().forEach(p -> plots.add(p.toString()));
    return root;
  }

  private static void putNumber(ObjectNode n, String key, double v) {
    if (Double.isNaN(v)) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
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
    List<String[]> cells = new ArrayList<>();
    for (RunRow row : r.runs()) {
      List<String> c = new ArrayList<>(List.of(row.name(), pct(row.trainAccuracy()), pct(row.testAccuracy()),
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
    out.println(header);
    out.println("  " + "-".repeat(header.length() - 2));
    for (String[] c : cells) {
      StringBuilder sb = new StringBuilder(" ");
      for (int j : shown) {
        sb.append(j == 0 ? String.format(" %-" + width[j] + "s", c[j]) : String.format("  %" + width[j] + "s", c[j]));
      }
      out.println(sb);
    }
    out.println();
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

  static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.1f %%", 100 * v);
  }
}
