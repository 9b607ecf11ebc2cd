package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.DescentException;
import dev.descent.run.ClusterBackend;
import dev.descent.run.ClusterExecutor;
import dev.descent.run.PreparedData;
import dev.descent.run.Recipe;
import dev.descent.run.RunConfig;
import dev.descent.run.TrainingObjective;
import dev.descent.search.Executor;
import dev.descent.search.Journal;
import dev.descent.search.LocalExecutor;
import dev.descent.search.Search;
import dev.descent.search.SearchConfig;
import dev.descent.search.SearchResult;
import dev.descent.search.Space;
import dev.descent.search.TrialRecord;
import dev.descent.tensor.Blas;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code descent search}: trains many models with sampled hyper-parameters (the options of
 * {@code train} are the base every trial starts from) and ranks them on the dev set.
 */
@Command(name = "search", mixinStandardHelpOptions = true, defaultValueProvider = CoreDefaults.class, sortOptions = false,
    description = {"Search hyper-parameters: train --trials models with params sampled from --param distributions (on a log scale for the "
        + "learning rate, 1 − β for averaging weights), compare them on the dev set, and zoom in with --rounds.",
        "Every finished trial is appended to the journal; after a crash, run the same command with --resume."})
public final class SearchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data;

  @Mixin
  NetworkOptions network;

  @Mixin
  TrainingOptions training;

  @Mixin
  SplitOptions splitting;

  @Mixin
  SearchOptions search;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RunConfig base = RunOptions.of(data, network, training, splitting.ratios(data.test != null), splitting.normalize(),
        splitting.seed(training.seed()));
    Space space = search.space(base.training());
    SearchConfig config = search.config(training.seed());
    int threads = search.threads();
    Path dir = output.directory();
    Path journalFile = search.journalFile(dir);
    PreparedData prepared = base.data().prepare(base.training().precision());
    TrainingObjective objective = new TrainingObjective(prepared, base.training()).withHistoriesIn(dir.resolve("trials"));
    List<String> warnings = new ArrayList<>();
    SearchResult result;
    String where;
    try (Journal journal = openJournal(journalFile, warning -> {
          warnings.add(warning);
          err.println("descent: warning: " + warning);
        });
        ClusterExecutor cluster = search.spark == null ? null : spark(search.spark, base, config)) {
      checkRecipe(journal, Recipe.of(base), err, warnings);
      if (cluster == null && threads > 1) {
        // N trials on N cores: one OpenBLAS thread each, not N each
        Blas.setThreads(1);
      }
      Executor executor = cluster != null ? cluster : new LocalExecutor(threads);
      where = executor.toString();
      SearchProgress progress = SearchProgress.forTerminal(err, config);
      result = new Search(config, executor, InstantSource.system(), progress).run(space, objective, journal);
      progress.finish();
    }
    List<Path> plots = SearchPlots.write(result, space, dir);
    List<String> bestArgs = null;
    String retrainFailure = null;
    if (result.best().isPresent()) {
      TrialRecord best = result.best().get();
      bestArgs = BestTrial.arguments(spec.commandLine().getParseResult(), base.training().with(best.params()), best, config.seed(),
          dir.resolve("best"));
      retrainFailure = BestTrial.retrain(bestArgs);
      if (retrainFailure != null) {
        String warning = "the best trial could not be retrained into " + dir.resolve("best") + ": " + retrainFailure;
        warnings.add(warning);
        err.println("descent: warning: " + warning);
      }
    }
    ObjectNode json = Report.object();
    {
      json.put("command", "search");
      json.put("journal", journalFile.toString());
      json.put("executor", where);
      json.setAll(result.toJson());
      if (bestArgs != null) {
        ObjectNode best = (ObjectNode) json.get("best");
        best.put("command", BestTrial.shell(bestArgs));
        ArrayNode args = best.putArray("arguments");
        bestArgs.forEach(args::add);
        if (retrainFailure == null) {
          best.put("model", dir.resolve("best").resolve("model.descent").toString());
        }
      }
      json.put("trials_directory", dir.resolve("trials").toString());
      ArrayNode files = json.putArray("plots");
      plots.forEach(p -> files.add(p.toString()));
      ArrayNode warned = json.putArray("warnings");
      warnings.forEach(warned::add);
    }
    // what the dashboard's search page reads: the --json answer, kept beside the journal
    Path summaryFile = dir.resolve("search-summary.json");
    try {
      dev.descent.io.AtomicFile.write(summaryFile, o -> o.write(Report.JSON.writeValueAsBytes(json)));
    } catch (java.io.IOException e) {
      throw new DescentException(summaryFile + ": cannot write the search's summary: " + OutputOptions.why(e), e);
    }
    if (output.jsonOption.json) {
      Report.print(out, json);
    } else {
      SearchSummary.print(out, base, prepared, config, where, space, result, journalFile, plots);
      if (bestArgs != null) {
        out.println("command   " + BestTrial.shell(bestArgs));
        if (retrainFailure == null) {
          out.println("model     " + dir.resolve("best").resolve("model.descent") + " (the best trial, retrained by that command)");
        }
      }
      out.println("histories " + dir.resolve("trials") + "/ID/history.jsonl (watch them with: descent dashboard " + dir + ")");
      out.flush();
    }
    return Main.OK;
  }

  /**
   * Records the search's recipe in a new journal, or refuses to resume a journal written with
   * other options or data (it would report that search's results as this one's).
   */
  private static void checkRecipe(Journal journal, JsonNode recipe, PrintWriter err, List<String> warnings) {
    if (journal.recipe() == null) {
      if (journal.isEmpty()) {
        journal.writeRecipe(recipe);
      } else {
        String warning = journal.name() + ": has no recipe (written by an older Descent), so its options and data cannot be checked;"
            + " resume it only with the options that started it";
        warnings.add(warning);
        err.println("descent: warning: " + warning);
      }
      return;
    }
    List<String> differences = Recipe.differences(journal.recipe(), recipe);
    if (!differences.isEmpty()) {
      throw new UsageException(journal.name() + ": is the journal of a search with other options or data: " + String.join("; ", differences)
          + "; resume with the options that started it, or give another --journal (or --out) for a new search");
    }
  }

  private Journal openJournal(Path file, java.util.function.Consumer<String> warnings) {
    if (search.resume) {
      return Journal.resume(file, warnings);
    }
    // the lock first: a journal another search is writing is refused as such, not as one to resume
    Journal journal = Journal.resume(file, warning -> {});
    if (!journal.isEmpty()) {
      journal.close();
      throw new UsageException("--journal " + file + " already holds trials of a search; add --resume to continue it, "
          + "or give another --journal (or --out) to start a new one");
    }
    return journal;
  }

  /** The Spark executor of the descent-spark module, found on the class path only when --spark is given. */
  static ClusterExecutor spark(String master, RunConfig base, SearchConfig config) {
    for (ClusterBackend backend : ServiceLoader.load(ClusterBackend.class)) {
      if (backend.name().equals("spark")) {
        return backend.open(master, base, config);
      }
    }
    throw new DescentException("--spark " + master + ": the Spark executor (module descent-spark) is not on the class path; "
        + "run through ./descent, which builds and loads it when --spark is given, or spark-submit descent-spark/target/descent-spark-app.jar");
  }
}
