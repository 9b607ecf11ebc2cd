package dev.descent.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.cli.Cli;
import dev.descent.cli.experiment.Experiments;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code descent experiment all} over every registered experiment, run once for the class: the
 * JSON, then the page checked against it (a section, a table row and a data-value per number, an
 * embedded PNG per plot), then the page in a real headless browser.
 */
class ExperimentAllTest {
  @TempDir
  static Path dir;

  static Cli.Result all;

  @BeforeAll
  static void runAll() {
    all = Cli.run("experiment", "all", "--out", dir.toString(), "--json");
  }

  @Test
  void printsEveryExperimentInTheRegistrysOrderAndThePage() {
    assertEquals(0, all.code(), all.err());
    JsonNode j = all.json();
    List<String> names = new ArrayList<>();
    j.get("experiments").forEach(e -> names.add(e.get("experiment").asText()));
    assertEquals(new ArrayList<>(Experiments.all().keySet()), names);
    assertEquals(dir.resolve("index.html").toString(), j.get("report").asText());
    assertTrue(Files.isRegularFile(dir.resolve("index.html")));
  }

  @Test
  void thePageHoldsEachExperimentsNumbersAndPlots() {
    Document page = Pages.parse(dir.resolve("index.html"));
    assertEquals(Experiments.all().size(), page.select("section.report").size());
    for (JsonNode e : all.json().get("experiments")) {
      String name = e.get("experiment").asText();
      Element section = Pages.section(page, Html.id(name));
      assertEquals(name + " ok", section.selectFirst("h2").text());
      Map<String, Map<String, Element>> rows = Pages.rows(section.selectFirst("table"));
      assertEquals(e.get("runs").size(), rows.size(), name);
      for (JsonNode run : e.get("runs")) {
        Map<String, Element> row = rows.get(run.get("name").asText());
        assertNumber(run.get("train_accuracy"), row.get("train accuracy"));
        assertNumber(run.get("test_accuracy"), row.get("test accuracy"));
        assertNumber(run.get("final_cost"), row.get("final cost"));
        assertNumber(run.get("seconds"), row.get("seconds"));
      }
      List<String> plots = new ArrayList<>();
      e.get("plots").forEach(p -> plots.add(Path.of(p.asText()).getFileName().toString()));
      assertEquals(plots, section.select("figcaption").eachText(), name);
      for (Element img : section.select("img")) {
        Pages.image(img);
      }
      for (JsonNode p : e.get("plots")) {
        assertEquals(dir.resolve(name), Path.of(p.asText()).getParent(), "the plots of " + name + " in their own directory");
      }
    }
  }

  private static void assertNumber(JsonNode json, Element cell) {
    if (json.isNull()) {
      assertTrue(cell == null || cell.text().equals("–"), "a missing number shows as a dash or has no column: " + cell);
    } else {
      assertEquals(json.asDouble(), Pages.value(cell), cell.outerHtml());
    }
  }

  @Test
  void aRealBrowserRendersThePage() throws Exception {
    Path chromium = Chromium.find().orElse(null);
    Assumptions.assumeTrue(chromium != null, Chromium.MISSING);
    Path page = dir.resolve("index.html");
    Path scratch = Files.createDirectories(dir.resolve("browser"));
    Chromium.Run dom = Chromium.run(chromium, scratch, "--dump-dom", page.toUri().toString());
    assertEquals(0, dom.exitCode(), dom.stderr());
    Document rendered = Jsoup.parse(dom.stdout());
    Document written = Pages.parse(page);
    assertEquals(written.title(), rendered.title());
    assertEquals(Pages.ids(written), Pages.ids(rendered));
    assertEquals(written.select("img").size(), rendered.select("img").size());
    assertEquals(written.select("td[data-value]").eachAttr("data-value"), rendered.select("td[data-value]").eachAttr("data-value"));

    Path shot = dir.resolve("index.png");
    Chromium.Run screenshot = Chromium.run(chromium, scratch, "--window-size=1280,1600", "--screenshot=" + shot, page.toUri().toString());
    assertEquals(0, screenshot.exitCode(), screenshot.stderr());
    BufferedImage image = ImageIO.read(shot.toFile());
    assertEquals(1280, image.getWidth());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    assertTrue(colours.size() > 100, "the screenshot shows text and plots, not a blank page: " + colours.size() + " colours");
  }
}
