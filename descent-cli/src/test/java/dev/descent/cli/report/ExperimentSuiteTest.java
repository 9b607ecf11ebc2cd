package dev.descent.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.Cli;
import dev.descent.cli.experiment.Experiment;
import dev.descent.cli.experiment.ExperimentContext;
import dev.descent.cli.experiment.ExperimentResult;
import dev.descent.cli.experiment.Experiments;
import dev.descent.cli.experiment.RunRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code experiment all}'s runner on stand-in experiments: order, summaries, JSON, and failures that do not stop the rest. */
class ExperimentSuiteTest {
  @TempDir
  Path dir;

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** An experiment that writes one plot into its directory and returns one run. */
  record Good(String name, double test) implements Experiment {
    @Override
    public ExperimentResult run(ExperimentContext context) {
      Path plot = Pages.plot(context.out().resolve(name + "-cost.png"), name);
      return new ExperimentResult(name, "stand-in", List.of(new RunRow("a", 1.0, test, 0.25, 0.01, Map.of())), List.of(plot),
          List.of("a ≈ 90 %"), "A stand-in.");
    }
  }

  record Failing(String name, RuntimeException failure) implements Experiment {
    @Override
    public ExperimentResult run(ExperimentContext context) {
      throw failure;
    }
  }

  /** Whether all ran. */
  boolean run(boolean json, Experiment... experiments) {
    Map<String, Experiment> registry = new LinkedHashMap<>();
    for (Experiment e : experiments) {
      registry.put(e.name(), e);
    }
    Function<String, ExperimentContext> contexts = name -> {
      try {
        return new ExperimentContext(Files.createDirectories(dir.resolve(name)), null, new PrintWriter(err, true));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    return new ExperimentSuite(registry, contexts).run(dir.resolve("index.html"), json, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void aFailedExperimentDoesNotStopTheOthersAndTheSuiteSaysNotAllRan() {
    boolean allRan = run(false, new Good("first", 0.75), new Failing("broken", new IllegalStateException("cost became NaN at epoch 3")),
        new Good("last", 0.5));
    assertFalse(allRan);
    String[] lines = out.toString().split("\n");
    assertEquals(4, lines.length, out.toString());
    assertTrue(lines[0].matches("  first    ok       1 run, best test 75\\.0 % \\(a\\), \\d+\\.\\d s"), lines[0]);
    assertEquals("  broken   FAILED   failed: cost became NaN at epoch 3", lines[1]);
    assertTrue(lines[2].matches("  last     ok       1 run, best test 50\\.0 % \\(a\\), \\d+\\.\\d s"), lines[2]);
    assertEquals("report  " + dir.resolve("index.html"), lines[3]);
    assertEquals(List.of("experiment 1 of 3: first", "experiment 2 of 3: broken", "experiment 3 of 3: last",
        "descent: 1 of 3 experiments failed (broken); the report says why: " + dir.resolve("index.html")),
        List.of(err.toString().split("\n")));
    Document page = Pages.parse(dir.resolve("index.html"));
    assertEquals(List.of("first", "broken", "last"), Pages.ids(page));
    assertEquals("cost became NaN at epoch 3", Pages.section(page, "broken").selectFirst(".notice.failure p").text());
    for (String name : List.of("first", "last")) {
      Element img = Pages.section(page, name).selectFirst("img");
      Pages.image(img);
      assertEquals(name + "-cost.png", img.attr("alt"));
      assertTrue(Files.exists(dir.resolve(name).resolve(name + "-cost.png")), "each experiment's PNGs in its directory");
    }
  }

  @Test
  void jsonHoldsEachExperimentsObjectAnErrorForAFailureAndTheReport() throws IOException {
    Experiment missingPlot = new Experiment() {
      @Override
      public String name() {
        return "missing-plot";
      }

      @Override
      public ExperimentResult run(ExperimentContext context) {
        return new ExperimentResult(name(), "s", List.of(), List.of(context.out().resolve("never.png")), List.of(), "l");
      }
    };
    boolean allRan = run(true, new Failing("bug", new NullPointerException("net is null")), new Good("good", 0.5), missingPlot);
    assertFalse(allRan);
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals(dir.resolve("index.html").toString(), j.get("report").asText());
    JsonNode list = j.get("experiments");
    assertEquals(3, list.size());
    assertEquals("{\"experiment\":\"bug\",\"error\":\"internal error: java.lang.NullPointerException: net is null\"}", list.get(0).toString());
    assertEquals("good", list.get(1).get("experiment").asText());
    assertEquals(0.5, list.get(1).get("runs").get(0).get("test_accuracy").asDouble());
    assertEquals(dir.resolve("good/good-cost.png").toString(), list.get(1).get("plots").get(0).asText());
    assertEquals(dir.resolve("missing-plot/never.png") + ": plot not found; the experiment listed a file it did not write",
        list.get(2).get("error").asText());
    assertEquals(List.of("bug", "good", "missing-plot"), Pages.ids(Pages.parse(dir.resolve("index.html"))));
  }

  @Test
  void allIsOfferedBesideTheExperiments() {
    Cli.Result help = Cli.run("experiment", "--help");
    assertEquals(0, help.code(), help.err());
    String names = String.join(", ", Experiments.all().keySet()) + ", all";
    assertTrue(help.out().replaceAll("\\s+", " ").contains(names), "help lists '" + names + "': " + help.out());
  }
}
