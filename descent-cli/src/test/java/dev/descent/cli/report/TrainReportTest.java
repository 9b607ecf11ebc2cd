package dev.descent.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.cli.Cli;
import dev.descent.data.Dataset;
import dev.descent.data.generate.Generators;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Network;
import dev.descent.run.NetworkSpec;
import dev.descent.run.OptimizerSpec;
import dev.descent.run.PreparedData;
import dev.descent.run.RunResult;
import dev.descent.run.TrainingRun;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import dev.descent.train.Diagnosis;
import dev.descent.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent train --report}: the page of one run, each part present exactly when the run has it. */
class TrainReportTest {
  @TempDir
  Path dir;

  @Test
  void trainWithReportWritesThePageOfTheRun() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--hidden", "8", "--lr", "0.02", "--epochs", "40", "--out", dir.toString(),
        "--json", "--report");
    assertEquals(0, r.code(), r.err());
    JsonNode j = r.json();
    Path file = dir.resolve(ReportOptions.FILE);
    assertEquals(file.toString(), j.get("report").asText());
    Document page = Pages.parse(file);
    assertEquals("Descent: training run on moons", page.title());
    assertEquals(List.of("settings", "results", "cost-curves", "gradient-norms", "bias-and-variance", "confusion-matrix", "decision-boundary"),
        Pages.ids(page));

    Element settings = Pages.section(page, "settings");
    assertEquals(j.get("model").asText(), settings.select("dt:containsOwn(model) + dd").text());
    assertEquals("40", settings.select("dt:containsOwn(epochs run) + dd").text());
    assertEquals("[8]", settings.select("dt:containsOwn(hidden) + dd").text());

    Map<String, Map<String, Element>> results = Pages.rows(Pages.section(page, "results").selectFirst("table"));
    assertEquals(List.of("train", "dev", "test"), new ArrayList<>(results.keySet()));
    for (String set : results.keySet()) {
      assertEquals(j.get(set).get("accuracy").asDouble(), Pages.value(results.get(set).get("accuracy")), set);
      assertEquals(j.get(set).get("cost").asDouble(), Pages.value(results.get(set).get("cost")), set);
    }
    assertEquals(180, Pages.value(results.get("train").get("examples")));
    assertEquals(60, Pages.value(results.get("dev").get("examples")));

    Diagnosis expected = Diagnosis.of(Diagnosis.ErrorRates.of(1 - j.get("train").get("accuracy").asDouble(),
        1 - j.get("dev").get("accuracy").asDouble()));
    Element diagnosis = Pages.section(page, "bias-and-variance");
    assertTrue(diagnosis.selectFirst("p").text().startsWith("Problem: " + expected.problem().label() + " "), diagnosis.text());
    Map<String, Map<String, Element>> gaps = Pages.rows(diagnosis.selectFirst("table"));
    assertEquals(expected.variance(), Pages.value(gaps.get("variance (dev error − train error)").get("value")));
    assertEquals(expected.remedies(), diagnosis.select("ul.items li").eachText());

    Element confusion = Pages.section(page, "confusion-matrix");
    Element counts = confusion.selectFirst("table");
    assertEquals(List.of("true \\ predicted", "0", "1"), Pages.header(counts));
    Map<String, Map<String, Element>> cells = Pages.rows(counts);
    double correct = Pages.value(cells.get("0").get("0")) + Pages.value(cells.get("1").get("1"));
    double total = correct + Pages.value(cells.get("0").get("1")) + Pages.value(cells.get("1").get("0"));
    assertEquals(60, total, "the dev set's examples");
    assertEquals(List.of(true, false, false, true), List.of(cells.get("0").get("0").hasClass("em"), cells.get("0").get("1").hasClass("em"),
        cells.get("1").get("0").hasClass("em"), cells.get("1").get("1").hasClass("em")), "the diagonal stands out");
    assertEquals(j.get("dev").get("accuracy").asDouble(), correct / total, 1e-15);

    assertEquals(List.of("cost.png", "accuracy.png"), Pages.section(page, "cost-curves").select("figcaption").eachText());
    assertEquals(List.of("boundary.png"), Pages.section(page, "decision-boundary").select("figcaption").eachText());
    for (Element img : page.select("img")) {
      assertEquals(800, Pages.image(img).getWidth());
    }
  }

  @Test
  void theSummarySaysWhereThePageIsAndWithoutReportThereIsNone() {
    Cli.Result with = Cli.run("train", "--data", "moons", "--hidden", "4", "--epochs", "5", "--out", dir.resolve("a").toString(), "--report");
    assertEquals(0, with.code(), with.err());
    String[] lines = with.out().strip().split("\n");
    assertTrue(java.util.Arrays.asList(lines).contains("report    " + dir.resolve("a").resolve(ReportOptions.FILE)),
        with.out());
    Cli.Result without = Cli.run("train", "--data", "moons", "--hidden", "4", "--epochs", "5", "--out", dir.resolve("b").toString(), "--json");
    assertEquals(0, without.code(), without.err());
    assertFalse(without.json().has("report"));
    assertFalse(Files.exists(dir.resolve("b").resolve(ReportOptions.FILE)));
  }

  @Test
  void plotsThisRunWroteAreFoundAndOlderOnesAreNot() throws IOException {
    Path old = Pages.plot(dir.resolve("gradient-norms.png"), "old");
    Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Path fresh = Pages.plot(dir.resolve("lr-finder.png"), "new");
    Files.setLastModifiedTime(fresh, FileTime.from(Instant.parse("2024-06-01T12:00:00Z")));
    Files.writeString(dir.resolve("notes.txt"), "not a plot");
    assertEquals(List.of(fresh), ReportOptions.pngsSince(dir, Instant.parse("2024-06-01T12:00:00Z")));
    assertEquals(List.of(old, fresh), ReportOptions.pngsSince(dir, Instant.parse("2019-01-01T00:00:00Z")));
  }

  @Test
  void plotsGoToTheSectionTheirNameSays() {
    Map<String, List<Path>> g = TrainReport.group(List.of(Path.of("o/cost.png"), Path.of("o/Gradient-Norms.png"), Path.of("o/confusion.png"),
        Path.of("o/decision-regions.png"), Path.of("o/boundary.png"), Path.of("o/lr-finder.png"), Path.of("o/dev-loss.png")));
    assertEquals(List.of(Path.of("o/cost.png"), Path.of("o/dev-loss.png")), g.get("Cost curves"));
    assertEquals(List.of(Path.of("o/Gradient-Norms.png")), g.get("Gradient norms"));
    assertEquals(List.of(Path.of("o/confusion.png")), g.get("Confusion matrix"));
    assertEquals(List.of(Path.of("o/decision-regions.png"), Path.of("o/boundary.png")), g.get("Decision boundary"));
    assertEquals(List.of(Path.of("o/lr-finder.png")), g.get("Other plots"));
  }

  @Test
  void partsAppearWhenTheRunHasThemAndClassNamesAreEscaped() {
    Dataset blobs = Generators.blobs(90, 3, 0.5, Rng.of(1));
    List<String> classes = List.of("<script>document.title='pwned'</script>", "a & b", "</table>");
    Dataset named = new Dataset("blobs", blobs.features(), blobs.targets(), classes, blobs.featureNames());
    PreparedData data = PreparedData.fromSets(named, null, named, false);
    Network net = new NetworkSpec(List.of(4), Activation.RELU, Init.he()).build(data.train(), Precision.F64, Rng.of(2),
        NetworkSpec.LayerDecorator.PLAIN);
    RunResult run = TrainingRun.execute(net, OptimizerSpec.of("adam", 0.05).build(),
        new TrainingConfig(20, TrainingConfig.FULL_BATCH, 1, false), data, List.of(), Map.of());
    List<Path> plots = List.of(Pages.plot(dir.resolve("gradient-norms.png"), "norms"), Pages.plot(dir.resolve("lr-finder.png"), "lr"));
    Section extra = Section.plain("Learning-rate finder", List.of(Block.Paragraph.plain("suggested 0.003")));
    Path file = new TrainReport(run, Map.of("optimizer", "adam <lr 0.05>"), plots, dir.resolve("model.descent")).with(extra)
        .page(ExperimentPageTest.PROVENANCE).write(dir.resolve("report.html"));

    Document page = Pages.parse(file);
    assertEquals("Descent: training run", page.title());
    assertEquals(List.of("settings", "results", "gradient-norms", "confusion-matrix", "other-plots", "learning-rate-finder"),
        Pages.ids(page), "no dev set: no diagnosis; no cost plot: no cost section");
    assertTrue(page.select("script").isEmpty());
    assertEquals("adam <lr 0.05>", page.select("dt:containsOwn(optimizer) + dd").text());
    Element confusion = Pages.section(page, "confusion-matrix");
    assertEquals("On the test set (90 examples): rows are the true class, columns the predicted one, so the diagonal holds "
        + "the correct predictions.", confusion.selectFirst("p").text());
    List<String> header = new ArrayList<>(List.of("true \\ predicted"));
    header.addAll(classes);
    assertEquals(header, Pages.header(confusion.selectFirst("table")));
    assertEquals(classes, new ArrayList<>(Pages.rows(confusion.select("table").get(1)).keySet()));
    assertEquals(List.of("gradient-norms.png"), Pages.section(page, "gradient-norms").select("figcaption").eachText());
    assertEquals(List.of("lr-finder.png"), Pages.section(page, "other-plots").select("figcaption").eachText());
    assertEquals("suggested 0.003", Pages.section(page, "learning-rate-finder").text().replace("Learning-rate finder ", ""));
  }
}
