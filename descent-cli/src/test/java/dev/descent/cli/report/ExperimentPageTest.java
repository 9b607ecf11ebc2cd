package dev.descent.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.cli.experiment.ExperimentResult;
import dev.descent.cli.experiment.RunRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiments' page built from synthetic results: every section, table, number and image, and escaping. */
class ExperimentPageTest {
  static final Provenance PROVENANCE = new Provenance("0.1.0", "Test machine, 2 cores", Instant.parse("2025-01-31T14:02:00Z"));

  @TempDir
  Path dir;

  ExperimentResult optimization() {
    return new ExperimentResult("optimization", "moons (300 examples), [2,5,2,1] relu, 10 000 epochs",
        List.of(new RunRow("gd", 0.7966666666666666, 0.78, 0.5213456, 1.254, Map.of("epochs to 90 %", 12)),
            new RunRow("momentum", 0.797, 0.79, 0.51, 1.5, Map.of("epochs to 90 %", 11)),
            new RunRow("adam", 0.94, 0.9333333333333333, 0.1834, 2.0, Map.of())),
        List.of(Pages.plot(dir.resolve("optimization-cost.png"), "cost"), Pages.plot(dir.resolve("optimization-boundary-adam.png"), "adam")),
        List.of("gd ≈ 79.7 %", "momentum: 79.7 %", "adam ≈ 94 %", "Adam converges in far fewer epochs"),
        "Momentum and Adam smooth the steps.");
  }

  static ExperimentResult saddle() {
    return new ExperimentResult("saddle", "f(x, y) = x² − y² from (1, 1e-3)",
        List.of(new RunRow("gd", Double.NaN, Double.NaN, -3.5, 0.01, Map.of("escape step", 812L))), List.of(), List.of(),
        "Gradient descent lingers near a saddle point.");
  }

  Page page(List<Section> sections) {
    return new Page("Descent: the course's experiments", ExperimentSuite.INTRO, PROVENANCE, sections);
  }

  Document written(Page page) {
    return Pages.parse(page.write(dir.resolve("index.html")));
  }

  @Test
  void everySectionTableNumberAndPlotIsOnThePage() {
    Section failed = ExperimentSection.failed("lr-decay", new IllegalStateException("cost became NaN at epoch 12 (learning rate 2.0)"), 0.5);
    Document page = written(page(List.of(ExperimentSection.of(optimization(), 3.21), ExperimentSection.of(saddle(), 0.04), failed)));

    assertEquals("Descent: the course's experiments", page.title());
    assertEquals("Descent: the course's experiments", page.selectFirst("h1").text());
    assertEquals("Generated 2025-01-31 14:02 UTC by Descent 0.1.0 on Test machine, 2 cores", page.selectFirst(".generated").text());
    assertEquals(List.of("optimization", "saddle", "lr-decay"), Pages.ids(page));
    assertEquals(List.of("3 runs, best test 93.3 % (adam), 3.2 s", "1 run, 0.0 s", "failed: cost became NaN at epoch 12 (learning rate 2.0)"),
        page.select("nav.toc .summary").eachText());
    assertEquals(List.of("ok", "ok", "failed"), page.select("nav.toc .badge").eachText());

    Element opt = Pages.section(page, "optimization");
    assertEquals("optimization ok", opt.selectFirst("h2").text());
    assertEquals("Setting moons (300 examples), [2,5,2,1] relu, 10 000 epochs", opt.selectFirst("p.setting").text());
    assertEquals("What it shows. Momentum and Adam smooth the steps.", opt.selectFirst("p.lesson").text());
    assertEquals("Reproduce: descent experiment optimization", opt.selectFirst("p.command").text());
    Element table = opt.selectFirst("table");
    assertEquals(List.of("run", "train accuracy", "test accuracy", "the course's result", "final cost", "seconds", "epochs to 90 %"),
        Pages.header(table));
    Map<String, Map<String, Element>> rows = Pages.rows(table);
    assertEquals(List.of("gd", "momentum", "adam"), new ArrayList<>(rows.keySet()));
    Map<String, Element> gd = rows.get("gd");
    assertEquals("79.7 %", gd.get("train accuracy").text());
    assertEquals(0.7966666666666666, Pages.value(gd.get("train accuracy")));
    assertEquals("78.0 %", gd.get("test accuracy").text());
    assertEquals("0.5213", gd.get("final cost").text());
    assertEquals(0.5213456, Pages.value(gd.get("final cost")));
    assertEquals("1.25", gd.get("seconds").text());
    assertEquals("12", gd.get("epochs to 90 %").text());
    assertEquals(12, Pages.value(gd.get("epochs to 90 %")));
    assertEquals("≈ 79.7 %", gd.get("the course's result").text());
    assertEquals("ref", gd.get("the course's result").className());
    assertEquals("79.7 %", rows.get("momentum").get("the course's result").text());
    assertEquals("≈ 94 %", rows.get("adam").get("the course's result").text());
    assertEquals("93.3 %", rows.get("adam").get("test accuracy").text());
    assertEquals("–", rows.get("adam").get("epochs to 90 %").text());
    assertFalse(rows.get("adam").get("epochs to 90 %").hasAttr("data-value"));
    assertEquals(List.of("Adam converges in far fewer epochs"), opt.select("ul.items li").eachText());
    assertEquals(List.of("optimization-cost.png", "optimization-boundary-adam.png"), opt.select("figure figcaption").eachText());
    for (Element img : opt.select("img")) {
      assertEquals(320, Pages.image(img).getWidth());
    }
    assertEquals(List.of("wide", ""), List.of(opt.select("figure").get(0).className(), opt.select("figure").get(1).className()),
        "cost curves span the row");

    Element saddle = Pages.section(page, "saddle");
    Map<String, Map<String, Element>> saddleRows = Pages.rows(saddle.selectFirst("table"));
    assertEquals(List.of("run", "final cost", "seconds", "escape step"), Pages.header(saddle.selectFirst("table")),
        "no run has an accuracy: no accuracy columns");
    assertEquals(-3.5, Pages.value(saddleRows.get("gd").get("final cost")));
    assertEquals("812", saddleRows.get("gd").get("escape step").text());
    assertTrue(saddle.select("img, figure, ul.items").isEmpty());

    Element lr = Pages.section(page, "lr-decay");
    assertEquals("report failed", lr.className());
    assertEquals("lr-decay failed", lr.selectFirst("h2").text());
    Element notice = lr.selectFirst(".notice.failure");
    assertEquals("alert", notice.attr("role"));
    assertEquals("The experiment failed after 0.5 s; the experiments after it still ran.", notice.selectFirst("strong").text());
    assertEquals("cost became NaN at epoch 12 (learning rate 2.0)", notice.selectFirst("p").text());
    assertEquals("Run it alone with 'descent experiment lr-decay --debug' for the stack trace.", lr.select("p").last().text());
    assertEquals(2, page.select("img").size(), "the plots of optimization, none elsewhere");
  }

  /** A course table: the course's figures beside ours, a differing row marked, and the spread over seeds in a table of its own. */
  @Test
  void theCoursesFiguresStandBesideOursAndADifferenceIsMarked() {
    ExperimentResult r = new ExperimentResult("initialization", "circles",
        List.of(new RunRow("random", 0.83, 0.86, 0.38, 1, Map.of()), new RunRow("he", 0.99, 0.95, 0.06, 1, Map.of()),
            new RunRow("xavier", 0.99, 0.93, 0.09, 1, Map.of())),
        List.of(), List.of("the look-alike data: expect other figures"), "He trains best.", List.of(),
        Map.of("random", new dev.descent.cli.experiment.CourseFigure(0.83, 0.86), "he", new dev.descent.cli.experiment.CourseFigure(0.9933, 0.96)),
        Map.of("he", dev.descent.cli.experiment.Spread.of(new double[] {0.98, 0.99, 1.0})), Map.of());
    Element section = Pages.section(written(page(List.of(ExperimentSection.of(r, 1)))), "initialization");
    Element table = section.selectFirst("table");
    assertEquals(List.of("run", "train accuracy", "course train", "test accuracy", "course test", "vs course", "final cost", "seconds"),
        Pages.header(table));
    Map<String, Map<String, Element>> rows = Pages.rows(table);
    assertEquals("same", rows.get("random").get("vs course").text());
    assertEquals("differs", rows.get("he").get("vs course").text());
    assertTrue(rows.get("he").get("vs course").hasClass("em"), rows.get("he").get("vs course").outerHtml());
    assertEquals("99.33 %", rows.get("he").get("course train").text());
    assertEquals("–", rows.get("xavier").get("course train").text());
    // the explanation sits under the table, not in a cell
    assertFalse(table.text().contains("look-alike"));
    assertTrue(section.text().contains("the look-alike data: expect other figures"));
    Element spread = section.select("table").get(1);
    assertEquals(List.of("run", "set", "mean", "std. dev.", "min", "max", "course", "seeds at or below the course"), Pages.header(spread));
    Map<String, Element> he = Pages.rows(spread).get("he");
    assertEquals("99.00 %", he.get("mean").text());
    assertEquals("98.00 %", he.get("min").text());
    assertEquals("67 %", he.get("seeds at or below the course").text());
  }

  @Test
  void aMissingAccuracyShowsAsADashWithoutAValueWhenOtherRunsHaveOne() {
    ExperimentResult r = new ExperimentResult("mixed", "s", List.of(new RunRow("a", 0.5, 0.25, 1, 1, Map.of()),
        new RunRow("b", 0.75, Double.NaN, Double.NaN, 1, Map.of())), List.of(), List.of(), "l");
    Map<String, Map<String, Element>> rows = Pages.rows(Pages.section(written(page(List.of(ExperimentSection.of(r, 1)))), "mixed")
        .selectFirst("table"));
    assertEquals("25.0 %", rows.get("a").get("test accuracy").text());
    assertEquals("–", rows.get("b").get("test accuracy").text());
    assertFalse(rows.get("b").get("test accuracy").hasAttr("data-value"));
    assertEquals("–", rows.get("b").get("final cost").text());
  }

  @Test
  void aBugIsReportedWithItsClassAndAKnownFailureWithItsMessage() {
    assertEquals("internal error: java.lang.NullPointerException: x", ExperimentSection.message(new NullPointerException("x")));
    assertEquals("internal error: java.lang.ArithmeticException", ExperimentSection.message(new ArithmeticException()));
    assertEquals("data.csv line 3: bad", ExperimentSection.message(new DescentException("bad", "data.csv", 3, -1, null)));
    assertEquals("beta = 2.0: must be in [0, 1)", ExperimentSection.message(new IllegalArgumentException("beta = 2.0: must be in [0, 1)")));
  }

  @Test
  void referenceLinesGoBesideTheRunTheyNameTheLongestNameFirst() {
    List<RunRow> runs = List.of(row("lr"), row("lr 0.1"), row("he"));
    Map<String, String> beside = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
    ExperimentSection.match(runs, List.of("lr 0.1: 91 %", "lr ≈ 80 %", "heavy-ball momentum is the same", "he", "he:97 %"), beside, rest);
    assertEquals(Map.of("lr 0.1", "91 %", "lr", "≈ 80 %", "he", "97 %"), beside);
    assertEquals(List.of("heavy-ball momentum is the same", "he"), rest);
  }

  private static RunRow row(String name) {
    return new RunRow(name, 0.5, 0.5, 0.5, 1, Map.of());
  }

  @Test
  void textFromDataCannotBreakThePage() {
    String script = "<script>document.title='pwned'</script>";
    String tag = "</td></tr></table><img src=x onerror=\"alert(1)\">";
    String quotes = "a & b \"c\" 'd' <e>";
    ExperimentResult hostile = new ExperimentResult(script, tag, List.of(new RunRow(script, 0.5, 0.5, 0.1, 1, Map.of(tag, quotes)),
        new RunRow(quotes, 0.25, 0.75, 0.2, 1, Map.of())),
        List.of(Pages.plot(dir.resolve("x\"><img src=y onerror=alert(2)>.png"), "x")), List.of(quotes + " 50 %", tag), quotes);
    Document page = written(page(List.of(ExperimentSection.of(hostile, 1),
        ExperimentSection.failed(tag, new IllegalStateException(script + "\n" + tag), 1))));

    assertTrue(page.select("script").isEmpty(), page.select("script").outerHtml());
    assertEquals(1, page.select("img").size());
    assertEquals(1, page.select("table").size(), "one table; the failed section has none");
    assertEquals(List.of("script-document-title-pwned-script", "td-tr-table-img-src-x-onerror-alert-1"), Pages.ids(page));
    Element first = Pages.section(page, "script-document-title-pwned-script");
    assertEquals(script + " ok", first.selectFirst("h2").text());
    assertEquals("Setting " + tag, first.selectFirst("p.setting").text());
    Map<String, Map<String, Element>> rows = Pages.rows(first.selectFirst("table"));
    assertEquals(List.of(script, quotes), new ArrayList<>(rows.keySet()));
    assertEquals(quotes, rows.get(script).get(tag).text());
    assertEquals("50 %", rows.get(quotes).get("the course's result").text());
    assertEquals(List.of(tag), first.select("ul.items li").eachText());
    assertEquals("Plot x\"><img src=y onerror=alert(2)>.png", first.selectFirst("img").attr("alt"));
    Pages.image(first.selectFirst("img"));
    Element failed = Pages.section(page, "td-tr-table-img-src-x-onerror-alert-1");
    assertEquals(script + " " + tag, failed.selectFirst(".notice p").text());
    assertEquals("descent &lt;x&gt; &amp;amp; &quot;&#39;", Html.text("descent <x> &amp; \"'"));
    assertEquals("a\uFFFDb\tc", Html.text("a\u0000b\tc"));
  }

  @Test
  void thePageNeedsNoOtherFileNorTheNetwork() {
    Document page = written(page(List.of(ExperimentSection.of(optimization(), 1))));
    assertEquals(Page.POLICY, page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content"));
    assertTrue(page.select("script, link, iframe, object, embed, base").isEmpty());
    for (Element e : page.select("[src]")) {
      assertTrue(e.attr("src").startsWith(Pages.PNG_DATA), e.tagName() + " src " + e.attr("src"));
    }
    for (Element e : page.select("[href]")) {
      assertTrue(e.attr("href").startsWith("#"), e.tagName() + " href " + e.attr("href"));
    }
    String css = page.selectFirst("style").data();
    assertFalse(css.contains("url(") || css.contains("@import"), "the stylesheet fetches nothing");
  }

  @Test
  void isWrittenAtomicallyReplacingTheOldPageAndReadableByAll() throws IOException {
    Path file = dir.resolve("out/index.html");
    Page one = page(List.of(ExperimentSection.of(saddle(), 1)));
    Page two = page(List.of(ExperimentSection.of(optimization(), 2)));
    one.write(file);
    assertEquals(file, two.write(file));
    assertEquals(two.html(), Files.readString(file));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of("index.html"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
    }
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void anUnwritableDirectoryIsNamedInTheError() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file, not a directory");
    Path file = blocker.resolve("index.html");
    DescentException e = assertThrows(DescentException.class, () -> page(List.of()).write(file));
    assertEquals(file + ": cannot write the report (FileAlreadyExistsException: " + blocker
        + "); choose a writable --out directory", e.getMessage());
  }

  @Test
  void sectionsWithTheSameTitleGetDistinctAnchors() {
    Document page = written(page(List.of(Section.plain("Runs", List.of()), Section.plain("runs", List.of()),
        Section.plain("Contents", List.of()), Section.plain("!!!", List.of()))));
    assertEquals(List.of("runs", "runs-2", "contents-2", "section"), Pages.ids(page));
    assertEquals(List.of("#runs", "#runs-2", "#contents-2", "#section"), page.select("nav.toc a").eachAttr("href"));
  }

  @Test
  void badPartsAreRefusedWithWhatIsWrong() throws IOException {
    IllegalArgumentException row = assertThrows(IllegalArgumentException.class, () -> new Table("Runs",
        List.of(Table.Column.label("run"), Table.Column.number("cost")), List.of(List.of(Table.Cell.text("gd")))));
    assertEquals("table 'Runs' row 1 has 1 cells for 2 columns; give one cell per column", row.getMessage());
    Path text = Files.writeString(dir.resolve("cost.png"), "not a png");
    DescentException notPng = assertThrows(DescentException.class, () -> Image.of(text, "cost", false));
    assertEquals(text + ": not a PNG image (9 bytes without the PNG signature and header); plots must be written as .png",
        notPng.getMessage());
    Path missing = dir.resolve("missing.png");
    DescentException gone = assertThrows(DescentException.class, () -> Image.of(missing, "cost", false));
    assertEquals(missing + ": plot not found; the experiment listed a file it did not write", gone.getMessage());
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> Section.plain(" ", List.of()));
    assertEquals("section title = ' ': must not be blank", blank.getMessage());
  }
}
