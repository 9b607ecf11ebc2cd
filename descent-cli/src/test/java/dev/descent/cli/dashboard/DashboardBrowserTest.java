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
    // 16 trials, 9 of them pruned (the pruner's decisions are the same on one thread every time)
    Cli.run("search", "--data", "moons", "--epochs", "12", "--trials", "16", "--parallel", "1", "--param", "lr=log:1e-3:1", "--param",
        "hidden=choice:20-7,5-2,10", "--param", "beta1=one-minus-log:0.8:0.999", "--param", "keep-prob=uniform:0.5:1", "--prune",
        "median:warmup=4,min-trials=5", "--out", root.resolve("s").toString()).ok();
    List<String> journal = Files.readAllLines(root.resolve("s/search.jsonl"));
    long pruned = journal.stream().filter(l -> l.contains("\"status\":\"pruned\"")).count();
    assertTrue(pruned >= 2 && pruned <= 14, "pruned " + pruned + " of 16: the test needs both kinds");
    // a run still writing: 10 of a's lines so far
    List<String> lines = Files.readAllLines(root.resolve("a/history.jsonl"));
    Path live = Files.createDirectories(root.resolve("live")).resolve("history.jsonl");
    Files.write(live, lines.subList(0, 10));
    try (Dashboard dashboard = Dashboard.start(List.of(root), "127.0.0.1", 0); DevTools browser = DevTools.open(chromium.get(), scratch)) {
      String base = "http://127.0.0.1:" + dashboard.port() + "/";
      browser.navigate(base + "?run=0/live&run=0/a");
      assertTrue(browser.waitFor("document.body.dataset.ready === '1' && document.body.dataset.points === '100'"),
          "points " + browser.eval("document.body.dataset.points"));
      // a, live, s, s/best and the 16 trials
      assertEquals("20", browser.eval("document.body.dataset.runs"));
      assertEquals("5", browser.eval("document.querySelectorAll('[data-chart=cost] .u-legend .u-series').length"), "epoch + 2 runs × (train, dev)");
      Path shots = Path.of("target");
      assertTrue(browser.waitFor("document.images.length >= 4 && [...document.images].every(i => i.complete && i.naturalWidth > 0)"),
          "run a's plots shown: " + browser.eval("[...document.images].map(i => i.src + ' ' + i.complete + ' ' + i.naturalWidth).join('; ')"));
      browser.screenshot(shots.resolve("dashboard-runs.png"));
      Files.write(live, lines.subList(10, 15), StandardOpenOption.APPEND);
      assertTrue(browser.waitFor("document.body.dataset.points === '110'"), "points " + browser.eval("document.body.dataset.points"));
      Files.createDirectories(root.resolve("new"));
      Files.write(root.resolve("new/history.jsonl"), lines.subList(0, 3));
      assertTrue(browser.waitFor("document.querySelector('li[data-run=\"0/new\"]') !== null"), "a new run appears without a reload");

      browser.navigate(base + "?search=0/s");
      assertTrue(browser.waitFor("document.querySelectorAll('#trials tbody tr').length === 16 && document.querySelector('#search-curves canvas')"));
      String command = browser.eval("document.getElementById('best-command').textContent");
      assertTrue(command.startsWith("descent train --data moons --epochs 12 --lr ") && command.contains(" --hidden ") && command.contains("--split-seed 1"), command);
      browser.eval("document.querySelector('th[data-column=dev_accuracy]').click()");
      String ascending = browser.eval("[...document.querySelectorAll('#trials tbody tr')].map(r => r.children[3].textContent).join(' ')");
      browser.eval("document.querySelector('th[data-column=dev_accuracy]').click()");
      String descending = browser.eval("[...document.querySelectorAll('#trials tbody tr')].map(r => r.children[3].textContent).join(' ')");
      List<String> up = List.of(ascending.split(" "));
      assertEquals(up.stream().sorted().toList(), up, ascending);
      assertEquals(up.stream().sorted(java.util.Comparator.reverseOrder()).toList(), List.of(descending.split(" ")), descending);
      browser.eval("window.plotIn = (id, inner) => state.searchPlots.find(u => u.root.closest('#' + id + (inner ? ' ' + inner : '')))");
      // the metric by trial: numbered as the table numbers them, from 0, pruned trials included
      assertEquals("0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15", browser.eval("plotIn('search-chart').data[0].join()"));
      assertEquals(Long.toString(pruned), browser.eval("plotIn('search-chart').data[2].filter(v => v != null).length"));
      // each parameter on its sampling scale: lr on a log axis, hidden on a categorical one (its names as ticks), beta1 as 1 − β
      assertEquals("3", browser.eval("plotIn('search-params', '[data-param=lr]').scales.x.distr"));
      assertEquals("1", browser.eval("plotIn('search-params', '[data-param=keep-prob]').scales.x.distr"));
      assertEquals("5-2|10|20-7", browser.eval("plotIn('search-params', '[data-param=hidden]').axes[0]._values.join('|')"));
      assertEquals("0.8|0.9|0.95|0.98|0.99|0.995|0.998", browser.eval("plotIn('search-params', '[data-param=beta1]').axes[0]._values.join('|')"));
      String jitter = browser.eval("plotIn('search-params', '[data-param=hidden]').data[0].filter(x => Math.abs(x - Math.round(x)) > 0.01).length");
      assertTrue(Integer.parseInt(jitter) >= 8, jitter + " of 16 trials off their category's centre: jittered");
      // parallel coordinates: a line per trial and an axis per parameter and the metric
      assertEquals("16", browser.eval("document.querySelectorAll('#search-parallel svg path[data-trial]').length"));
      assertEquals(Long.toString(pruned), browser.eval("document.querySelectorAll('#search-parallel svg path[stroke-dasharray]').length"));
      assertEquals("lr (log)|hidden (categorical)|beta1 (one-minus-log)|keep-prob (linear)|dev accuracy",
          browser.eval("[...document.querySelectorAll('#search-parallel g.axis > text[font-weight]')].map(t => t.textContent).join('|')"));
      // importance: every parameter listed, the method named, the shares summing to 100 %
      assertEquals("4", browser.eval("document.querySelectorAll('#search-importance tr[data-param]').length"));
      assertTrue(browser.eval("document.querySelector('#search-importance .method').textContent").startsWith("Method: fANOVA main effects of a random forest"));
      double total = Double.parseDouble(browser.eval("[...document.querySelectorAll('#search-importance tr[data-param] td:nth-child(2)')]"
          + ".reduce((s, td) => s + parseFloat(td.textContent), 0)"));
      assertEquals(100, total, 0.25);
      // the pruned trials' curves, each up to the epoch it was stopped at
      assertEquals(Long.toString(pruned), browser.eval("document.getElementById('search-curves').dataset.pruned"));
      String stops = browser.eval("(() => { const u = plotIn('search-curves'); return u.series.slice(1).filter(s => s.label.endsWith('(pruned)'))"
          + ".map((s, k) => { const i = u.series.indexOf(s); const ys = u.data[i]; let last = -1; ys.forEach((v, j) => { if (v != null) last = j; });"
          + " return u.data[0][last]; }).join(); })()");
      List<String> expected = new java.util.ArrayList<>();
      java.util.TreeMap<Integer, Integer> stopped = new java.util.TreeMap<>();
      for (String line : journal) {
        com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        if (n.path("status").asText().equals("pruned")) {
          stopped.put(n.get("id").asInt(), n.get("epochs").asInt());
        }
      }
      stopped.values().forEach(e -> expected.add(e.toString()));
      assertEquals(String.join(",", expected), stops, "each pruned curve ends at the trial's last epoch");
      browser.screenshot(shots.resolve("dashboard-search.png"));
      assertEquals(List.of(), browser.errors);
    }
  }
}
