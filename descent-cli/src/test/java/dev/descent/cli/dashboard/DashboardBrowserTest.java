package dev.descent.cli.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.cli.Cli;
import dev.descent.cli.report.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium over a directory where a run is still writing: the runs
 * list, live growth of the chart, two runs overlaid, a new run appearing, a search's table sorted
 * and its best command, and no console errors (CSP violations included). Screenshots go to
 * target/dashboard-*.png. Skipped, saying why, without Chromium.
 */
class DashboardBrowserTest {
  @TempDir
  Path root;
  @TempDir
  Path scratch;

  @Test
  void showsRunsLiveOverlaidAndASearchYouCanActOn() throws Exception {
    Optional<Path> chromium = Chromium.find();
    Assumptions.assumeTrue(chromium.isPresent(), Chromium.MISSING);
    Cli.run("train", "--epochs", "40", "--out", root.resolve("a").toString()).ok();
    Cli.run("search", "--data", "moons", "--epochs", "20", "--trials", "3", "--param", "lr=log:1e-3:1e-1", "--out",
        root.resolve("s").toString()).ok();
    // a run still writing: 10 of a's lines so far
    List<String> lines = Files.readAllLines(root.resolve("a/history.jsonl"));
    Path live = Files.createDirectories(root.resolve("live")).resolve("history.jsonl");
    Files.write(live, lines.subList(0, 10));
    try (Dashboard dashboard = Dashboard.start(List.of(root), "127.0.0.1", 0); DevTools browser = DevTools.open(chromium.get(), scratch)) {
      String base = "http://127.0.0.1:" + dashboard.port() + "/";
      browser.navigate(base + "?run=0/live&run=0/a");
      assertTrue(browser.waitFor("document.body.dataset.ready === '1' && document.body.dataset.points === '100'"),
          "points " + browser.eval("document.body.dataset.points"));
      // a, live, s, s/best and the three trials
      assertEquals("7", browser.eval("document.body.dataset.runs"));
      assertEquals("5", browser.eval("document.querySelectorAll('[data-chart=cost] .u-legend .u-series').length"), "epoch + 2 runs × (train, dev)");
      Path shots = Path.of("target");
      browser.screenshot(shots.resolve("dashboard-runs.png"));
      Files.write(live, lines.subList(10, 15), StandardOpenOption.APPEND);
      assertTrue(browser.waitFor("document.body.dataset.points === '110'"), "points " + browser.eval("document.body.dataset.points"));
      Files.createDirectories(root.resolve("new"));
      Files.write(root.resolve("new/history.jsonl"), lines.subList(0, 3));
      assertTrue(browser.waitFor("document.querySelector('li[data-run=\"0/new\"]') !== null"), "a new run appears without a reload");

      browser.navigate(base + "?search=0/s");
      assertTrue(browser.waitFor("document.querySelectorAll('#trials tbody tr').length === 3"));
      String command = browser.eval("document.getElementById('best-command').textContent");
      assertTrue(command.startsWith("descent train --data moons --epochs 20 --lr ") && command.contains("--split-seed 1"), command);
      browser.eval("document.querySelector('th[data-column=dev_accuracy]').click()");
      String ascending = browser.eval("[...document.querySelectorAll('#trials tbody tr')].map(r => r.children[3].textContent).join(' ')");
      browser.eval("document.querySelector('th[data-column=dev_accuracy]').click()");
      String descending = browser.eval("[...document.querySelectorAll('#trials tbody tr')].map(r => r.children[3].textContent).join(' ')");
      List<String> up = List.of(ascending.split(" "));
      assertEquals(up.stream().sorted().toList(), up, ascending);
      assertEquals(up.stream().sorted(java.util.Comparator.reverseOrder()).toList(), List.of(descending.split(" ")), descending);
      browser.screenshot(shots.resolve("dashboard-search.png"));
      assertEquals(List.of(), browser.errors);
    }
  }
}
