package dev.descent.search;

import dev.descent.DescentException;
import dev.descent.tensor.Rng;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a hyper-parameter search: round by round (coarse-to-fine), batch by batch (the
 * sampler's), proposes each trial, skips those the journal already holds, runs the rest on the
 * executor, appends each record to the journal as it finishes, then narrows the box.
 *
 * <p>Reproducible: trial i's params come from {@code Rng.of(seed).fork("propose", i)} and the
 * history of the earlier batches, its training seed is {@code Rng.of(seed).fork("trial",
 * i).nextLong()}, and pruning judges it against smaller ids only; so one seed gives the same
 * trials and scores on any number of threads, and a resumed search the same as an unbroken one.
 * On resume, each journalled trial is checked against the trial this search proposes for its id,
 * so a journal of another search (other seed, space or sampler) is refused, not mixed in.
 *
 * <pre>{@code
 * Space space = Space.parse(List.of("lr=log:1e-5:1", "beta=one-minus-log:0.8:0.999"));
 * SearchConfig config = SearchConfig.of(42, 20).withCoarseToFine(CoarseToFine.of(3));
 * try (Journal journal = Journal.resume(Path.of("search.jsonl"), warnings::add)) {
 *   SearchResult result = Search.local(config).run(space, objective, journal);
 *   result.best();   // the best complete trial of the 60
 * }
 * }</pre>
 */
public final class Search {
  private final SearchConfig config;
  private final Executor executor;
  private final InstantSource clock;
  private final SearchListener listener;

  public Search(SearchConfig config, Executor executor, InstantSource clock, SearchListener listener) {
    this.config = config;
    this.executor = executor;
    this.clock = clock;
    this.listener = listener;
  }

  /** On one thread per processor, timed by the system clock, without a listener. */
  public static Search local(SearchConfig config) {
    return new Search(config, LocalExecutor.ofAvailableProcessors(), InstantSource.system(), SearchListener.NONE);
  }

  /** A search whose records live in memory only. */
  public SearchResult run(Space space, Objective objective) {
    return run(space, objective, Journal.inMemory());
  }

  public SearchResult run(Space space, Objective objective, Journal journal) {
    TreeMap<Integer, TrialRecord> done = new TreeMap<>();
    PruningBoard board = new PruningBoard(config.pruner(), config.metric());
    for (TrialRecord r : journal.records()) {
      if (r.id() >= config.totalTrials()) {
        throw foreign(journal, r, "is beyond this search's " + config.totalTrials() + " trials (ids 0 to " + (config.totalTrials() - 1) + ")");
      }
      done.put(r.id(), r);
      board.addFinished(r);
    }
    Space current = space;
    List<RoundReport> reports = new ArrayList<>();
    int rounds = config.coarseToFine().rounds();
    for (int number = 1; number <= rounds; number++) {
      Round round = new Round(number, current, config.firstTrialOfRound(number), config.trialsInRound(number), config.metric());
      runRound(round, objective, journal, board, done);
      if (number < rounds) {
        RoundReport report = config.coarseToFine().narrow(round, new ArrayList<>(done.values()));
        reports.add(report);
        listener.roundFinished(report);
        current = report.next();
      }
    }
    return new SearchResult(config.metric(), space, new ArrayList<>(done.values()), reports);
  }

  private void runRound(Round round, Objective objective, Journal journal, PruningBoard board, TreeMap<Integer, TrialRecord> done) {
    TrialRunner runner = new ObjectiveRunner(objective, board, config.metric(), round.number(), clock);
    int end = round.firstId() + round.trials();
    for (int first = round.firstId(); first < end; first = (int) Math.min((long) first + config.sampler().batchSize(), end)) {
      int last = (int) Math.min((long) first + config.sampler().batchSize(), end);
      List<TrialRecord> history = new ArrayList<>(done.headMap(first).values());
      List<Trial> toRun = new ArrayList<>();
      List<Map<String, Object>> pending = new ArrayList<>();
      for (int id = first; id < last; id++) {
        Trial trial = propose(round, id, history, pending);
        pending.add(trial.params());
        TrialRecord journalled = done.get(id);
        if (journalled != null) {
          check(journal, journalled, trial, round);
        } else {
          board.expect(id);
          toRun.add(trial);
        }
      }
      executor.execute(toRun, runner, record -> {
        synchronized (done) {
          journal.append(record);
          done.put(record.id(), record);
          listener.trialFinished(record);
        }
      });
      for (Trial t : toRun) {
        if (!done.containsKey(t.id())) {
          throw new IllegalStateException("executor " + executor + " returned without a record of trial " + t.id());
        }
      }
    }
  }

  private Trial propose(Round round, int id, List<TrialRecord> history, List<Map<String, Object>> pending) {
    Map<String, Object> params = config.sampler().propose(round, id, history, List.copyOf(pending), Rng.of(config.seed()).fork("propose", id));
    if (!round.space().contains(params) || params.size() != round.space().parameters().size()) {
      throw new IllegalStateException("sampler " + config.sampler().spec() + " proposed " + params + " for trial " + id + ", outside the space " + round.space());
    }
    return Trial.of(config.seed(), id, params);
  }

  private static void check(Journal journal, TrialRecord journalled, Trial proposed, Round round) {
    if (!journalled.params().equals(proposed.params()) || journalled.seed() != proposed.seed() || journalled.round() != round.number()) {
      throw foreign(journal, journalled, "was run with " + journalled.params() + " (seed " + journalled.seed() + ", round " + journalled.round()
          + ") but this search proposes " + proposed.params() + " (seed " + proposed.seed() + ", round " + round.number() + ")");
    }
  }

  private static DescentException foreign(Journal journal, TrialRecord r, String problem) {
    return new DescentException("trial " + r.id() + " " + problem
        + "; the journal belongs to another search: resume with the same seed, params, sampler, trials and rounds, or start a new journal",
        journal.name(), journal.lineOf(r.id()), -1, null);
  }
}
