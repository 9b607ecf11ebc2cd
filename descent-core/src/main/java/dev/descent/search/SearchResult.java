package dev.descent.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The trials of a finished search: the best, the ranking for a table, the series for plots
 * (metric against each parameter on that parameter's scale; metric over trial order with the
 * best so far) and the JSON the CLI prints:
 *
 * <pre>
 * {"metric":"dev_accuracy","maximize":true,"scales":{"lr":"log"},
 *  "trials":[{"rank":1,"id":7,"params":{"lr":0.0031},…,"dev_accuracy":0.93,"status":"complete"},…],
 *  "best":{"id":7,…},"rounds":[{"round":1,"top":5,"changes":[{"param":"lr","from":"log:1e-5:1","to":…,"fraction":0.3}]}]}
 * </pre>
 */
public final class SearchResult {
  private final Metric metric;
  private final Space space;
  private final List<TrialRecord> trials;
  private final List<RoundReport> rounds;

  public SearchResult(Metric metric, Space space, List<TrialRecord> trials, List<RoundReport> rounds) {
    this.metric = metric;
    this.space = space;
    List<TrialRecord> byId = new ArrayList<>(trials);
    byId.sort(Comparator.comparingInt(TrialRecord::id));
    this.trials = List.copyOf(byId);
    this.rounds = List.copyOf(rounds);
  }

  public Metric metric() {
    return metric;
  }

  /** All trials, by id. */
  public List<TrialRecord> trials() {
    return trials;
  }

  /** The coarse-to-fine narrowing after each round but the last. */
  public List<RoundReport> rounds() {
    return rounds;
  }

  /** The complete trial with the best metric (the smaller id on a tie); empty when none completed. */
  public Optional<TrialRecord> best() {
    List<TrialRecord> ranked = ranked();
    return ranked.isEmpty() || ranked.get(0).status() != Status.COMPLETE ? Optional.empty() : Optional.of(ranked.get(0));
  }

  /** For a table: complete trials best first, then pruned ones best first (metric when stopped), then failed ones; ties by id. */
  public List<TrialRecord> ranked() {
    List<TrialRecord> ranked = new ArrayList<>(trials);
    ranked.sort(Comparator.comparingInt((TrialRecord r) -> r.status().ordinal()).thenComparingDouble(r -> -metric.score(metric.of(r))));
    return ranked;
  }

  /** The metric against one parameter's values, for a scatter plot on {@code scale}; complete and pruned trials. */
  public ParamSeries series(String param) {
    Distribution d = space.get(param);
    List<ParamSeries.Point> points = new ArrayList<>();
    for (TrialRecord r : trials) {
      if (r.status() != Status.FAILED) {
        points.add(new ParamSeries.Point(r.id(), r.params().get(param), metric.of(r), r.status()));
      }
    }
    return new ParamSeries(param, d.scaleName(), points);
  }

  /** The metric over trial order, with the best complete metric so far (NaN before the first). */
  public List<TracePoint> trace() {
    List<TracePoint> trace = new ArrayList<>();
    double best = Double.NaN;
    for (TrialRecord r : trials) {
      double value = metric.of(r);
      if (r.status() == Status.COMPLETE && (Double.isNaN(best) || metric.score(value) > metric.score(best))) {
        best = value;
      }
      trace.add(new TracePoint(r.id(), r.round(), value, best, r.status()));
    }
    return trace;
  }

  public ObjectNode toJson() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode json = nodes.objectNode();
    json.put("metric", metric.jsonName());
    json.put("maximize", metric.maximize());
    ObjectNode scales = json.putObject("scales");
    space.parameters().forEach((name, d) -> scales.put(name, d.scaleName()));
    ArrayNode list = json.putArray("trials");
    int rank = 1;
    for (TrialRecord r : ranked()) {
      ObjectNode t = nodes.objectNode();
      t.put("rank", rank++);
      t.setAll(r.toJson());
      list.add(t);
    }
    Optional<TrialRecord> best = best();
    if (best.isPresent()) {
      json.set("best", best.get().toJson());
    } else {
      json.putNull("best");
    }
    ArrayNode roundList = json.putArray("rounds");
    for (RoundReport report : rounds) {
      ObjectNode o = roundList.addObject();
      o.put("round", report.round());
      o.put("top", report.top());
      ObjectNode next = o.putObject("next");
      report.next().parameters().forEach((name, d) -> next.put(name, d.spec()));
      ArrayNode changes = o.putArray("changes");
      for (BoxChange c : report.changes()) {
        changes.addObject().put("param", c.param()).put("from", c.from()).put("to", c.to()).put("fraction", c.fraction());
      }
      if (report.note() != null) {
        o.put("note", report.note());
      }
    }
    return json;
  }

  /** One parameter's values and the metric, for a plot with the parameter on {@code scale} ("log", "linear", "one-minus-log", "categorical"). */
  public record ParamSeries(String param, String scale, List<Point> points) {
    public ParamSeries {
      points = List.copyOf(points);
    }

    public record Point(int id, Object value, double metric, Status status) {}
  }

  /** One trial in id order, with the best complete metric up to it. */
  public record TracePoint(int id, int round, double metric, double bestSoFar, Status status) {}
}
