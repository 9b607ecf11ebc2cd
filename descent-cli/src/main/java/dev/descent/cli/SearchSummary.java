package dev.descent.cli;

import dev.descent.run.PreparedData;
import dev.descent.run.RunConfig;
import dev.descent.run.TrainingSettings;
import dev.descent.search.Metric;
import dev.descent.search.RoundReport;
import dev.descent.search.SearchConfig;
import dev.descent.search.SearchResult;
import dev.descent.search.Space;
import dev.descent.search.Status;
import dev.descent.search.TrialRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The human report of a search: settings, how coarse-to-fine shrank the box, the best trials, and where the files went. */
final class SearchSummary {
  static final int TOP = 10;

  private SearchSummary() {}

  static void print(PrintWriter out, RunConfig base, PreparedData data, SearchConfig config, String executor, Space space,
      SearchResult result, Path journal, List<Path> plots) {
    TrainingSettings t = base.training();
    Metric metric = config.metric();
    out.printf("search    %d trials%s on %s, %s sampler, pruning %s, seed %d%n", config.trials(),
        config.coarseToFine().rounds() == 1 ? "" : " in " + config.coarseToFine().rounds() + " rounds", executor, config.sampler().spec(),
        config.pruner().spec(), config.seed());
    out.printf("metric    %s (%s)%n", metric.jsonName(), metric.maximize() ? "higher is better" : "lower is better");
    out.printf("data      %s: %d train, %d dev examples (the same for every trial)%n", base.data().data().source(), data.train().size(),
        data.dev().size());
    out.printf("base      hidden %s, %s, init %s, %s lr %s, batch %s, %d epochs%n", t.hiddenText(), t.network().activation().label(),
        t.network().init(), t.optimizer().name(), t.optimizer().learningRate(), t.batchSize() == 0 ? "full" : t.batchSize(), t.epochs());
    String indent = "space     ";
    for (String line : space.toString().split("\n")) {
      out.println(indent + line);
      indent = "          ";
    }
    for (RoundReport r : result.rounds()) {
      out.println("box       " + r.toString().replace("\n", "\n          "));
    }
    out.println();
    table(out, metric, space, result);
    out.println();
    Optional<TrialRecord> best = result.best();
    if (best.isPresent()) {
      TrialRecord b = best.get();
      out.printf("best      trial %d: %s → dev accuracy %s, dev cost %s%n", b.id(), params(b, space), Report.percent(b.devAccuracy()),
          Report.number(b.devCost()));
    } else {
      out.println("best      none: no trial completed (see the table and the journal for errors)");
    }
    long pruned = result.trials().stream().filter(r -> r.status() == Status.PRUNED).count();
    long failed = result.trials().stream().filter(r -> r.status() == Status.FAILED).count();
    out.printf("trials    %d: %d complete, %d pruned, %d failed%n", result.trials().size(), result.trials().size() - pruned - failed, pruned,
        failed);
    out.println("journal   " + journal + " (to continue after a stop: the same command with --resume)");
    for (Path p : plots) {
      out.println("plot      " + p);
    }
    out.flush();
  }

  private static void table(PrintWriter out, Metric metric, Space space, SearchResult result) {
    List<String[]> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("rank", "trial"));
    header.addAll(space.parameters().keySet());
    header.addAll(List.of("dev acc", "dev cost", "epochs", "status"));
    rows.add(header.toArray(new String[0]));
    List<TrialRecord> ranked = result.ranked();
    for (int i = 0; i < Math.min(TOP, ranked.size()); i++) {
      TrialRecord r = ranked.get(i);
      List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1), Integer.toString(r.id())));
      for (String name : space.parameters().keySet()) {
        row.add(value(r.params().get(name)));
      }
      row.addAll(List.of(Report.percent(r.devAccuracy()), Report.number(r.devCost()), Integer.toString(r.epochs()), r.status().jsonName()));
      rows.add(row.toArray(new String[0]));
    }
    out.println(ranked.size() > TOP ? "best " + TOP + " of " + ranked.size() + " trials by " + metric.jsonName() + ":" : "trials by " + metric.jsonName() + ":");
    Report.table(out, rows.toArray(new String[0][]));
  }

  private static String params(TrialRecord r, Space space) {
    List<String> parts = new ArrayList<>();
    for (String name : space.parameters().keySet()) {
      parts.add(name + "=" + value(r.params().get(name)));
    }
    return String.join(", ", parts);
  }

  /** Numbers to 4 significant digits (0.003162, 0.9871), the rest as they are. */
  static String value(Object v) {
    if (v instanceof Double d) {
      return new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }
}
