package dev.descent.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.cli.experiment.Experiment;
import dev.descent.cli.experiment.ExperimentContext;
import dev.descent.cli.experiment.ExperimentJson;
import dev.descent.cli.experiment.ExperimentResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code descent experiment all}: runs every registered experiment in the registry's order, each
 * in its own directory, prints one line per experiment, and writes one report page with a section
 * per experiment. An experiment that throws does not stop the others: its section says what
 * failed, and the exit code is 1 once all have run.
 *
 * <pre>{@code
 * new ExperimentSuite(Experiments.all(), name -> new ExperimentContext(dir.resolve(name), null, err))
 *     .run(dir.resolve("index.html"), false, out, err);
 * //   initialization   ok       4 runs, best test 96.0 % (he), 11.8 s
 * // report  descent-out/experiments/index.html
 * }</pre>
 */
public final class ExperimentSuite {
  /** The name that runs them all. */
  public static final String ALL = "all";

  private final Map<String, Experiment> experiments;
  private final Function<String, ExperimentContext> contexts;

  /** What one experiment gave: its result, or the failure (exactly one is null), and its section. */
  public record Outcome(String name, ExperimentResult result, RuntimeException failure, Section section) {}

  public ExperimentSuite(Map<String, Experiment> experiments, Function<String, ExperimentContext> contexts) {
    this.experiments = new LinkedHashMap<>(experiments);  // the registry's order is the course's
    this.contexts = contexts;
  }

  /**
   * Runs them all, writes the page to {@code page}, prints the summary lines (or, with {@code json},
   * {@code {"experiments":[…],"report":PATH}}) on {@code out}, and says on {@code err} which
   * failed; returns whether all ran (the command exits 1 when not).
   */
  public boolean run(Path page, boolean json, PrintWriter out, PrintWriter err) {
    List<Outcome> outcomes = runAll(json ? null : out, err);
    new Page("Descent: the course's experiments", INTRO, Provenance.current(), sections(outcomes)).write(page);
    if (json) {
      print(out, json(outcomes, page));
    } else {
      out.println("report  " + page);
      out.flush();
    }
    List<String> failed = new ArrayList<>();
    for (Outcome o : outcomes) {
      if (o.failure() != null) {
        failed.add(o.name());
      }
    }
    if (failed.isEmpty()) {
      return true;
    }
    err.println("descent: " + failed.size() + " of " + outcomes.size() + " experiments failed (" + String.join(", ", failed)
        + "); the report says why: " + page);
    err.flush();
    return false;
  }

  /** Runs each experiment in order, with a progress line on {@code err} and, unless null, a summary line on {@code summary}. */
  private List<Outcome> runAll(PrintWriter summary, PrintWriter err) {
    int width = 0;
    for (String name : experiments.keySet()) {
      width = Math.max(width, name.length());
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, Experiment> e : experiments.entrySet()) {
      err.printf("experiment %d of %d: %s%n", outcomes.size() + 1, experiments.size(), e.getKey());
      err.flush();
      Outcome o = runOne(e.getKey(), e.getValue());
      outcomes.add(o);
      if (summary != null) {
        summary.printf("  %-" + width + "s   %-6s   %s%n", o.name(), o.failure() == null ? "ok" : "FAILED", o.section().summary());
        summary.flush();
      }
    }
    return outcomes;
  }

  static final String INTRO = "Each section reproduces a classic result of the course \"Improving Deep Neural Networks\": "
      + "the setting, our runs in a table with the course's numbers beside them, the plots, and what the result teaches. "
      + "Accuracies are on the experiment's own train and test sets; seconds are wall-clock time on the machine above.";

  private Outcome runOne(String name, Experiment experiment) {
    long start = System.nanoTime();
    try {
      ExperimentResult r = experiment.run(contexts.apply(name));
      return new Outcome(name, r, null, ExperimentSection.of(r, (System.nanoTime() - start) / 1e9));
    } catch (RuntimeException failure) {
      // NOTE: one experiment's failure must not cost the others; it is reported in its section and the exit code
      return new Outcome(name, null, failure, ExperimentSection.failed(name, failure, (System.nanoTime() - start) / 1e9));
    }
  }

  static List<Section> sections(List<Outcome> outcomes) {
    List<Section> sections = new ArrayList<>();
    for (Outcome o : outcomes) {
      sections.add(o.section());
    }
    return sections;
  }

  static ObjectNode json(List<Outcome> outcomes, Path page) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    ArrayNode list = root.putArray("experiments");
    for (Outcome o : outcomes) {
      if (o.failure() == null) {
        list.add(ExperimentJson.of(o.result()));
      } else {
        list.addObject().put("experiment", o.name()).put("error", ExperimentSection.message(o.failure()));
      }
    }
    root.put("report", page.toString());
    return root;
  }

  private static void print(PrintWriter out, ObjectNode json) {
    try {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot encode JSON output", e);
    }
    out.flush();
  }
}
