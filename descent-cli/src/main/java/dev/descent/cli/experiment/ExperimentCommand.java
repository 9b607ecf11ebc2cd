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
    int nameWidth = 14;
    for (RunRow row : r.runs()) {
      nameWidth = Math.max(nameWidth, row.name().length());
    }
    StringBuilder header = new StringBuilder(String.format("  %-" + nameWidth + "s %10s %10s %12s %9s", "run", "train", "test", "final cost", "seconds"));
    for (String k : extraKeys) {
      header.append(String.format(" %" + Math.max(14, k.length()) + "s", k));
    }
    out.println(header);
    out.println("  " + "-".repeat(header.length() - 2));
    for (RunRow row : r.runs()) {
      StringBuilder sb = new StringBuilder(String.format("  %-" + nameWidth + "s %10s %10s %12s %9.2f", row.name(), pct(row.trainAccuracy()),
          pct(row.testAccuracy()), Double.isNaN(row.finalCost()) ? "-" : String.format("%.4g", row.finalCost()), row.seconds()));
      for (String k : extraKeys) {
        Object v = row.extra().get(k);
        sb.append(String.format(" %" + Math.max(14, k.length()) + "s", v == null ? "-" : v instanceof Double d ? String.format("%.4g", d) : v.toString()));
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
