package dev.descent.cli.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An experiment's result as {@code --json} prints it, alone ({@code experiment NAME --json}) or in
 * the list of {@code experiment all --json}: {@code {"experiment", "runs": [{"name",
 * "train_accuracy", "test_accuracy", "final_cost", "seconds", …}], "plots"}}, a value that is not
 * a number as null, with the course's figures and the seed spreads where the experiment has them.
 */
public final class ExperimentJson {
  private ExperimentJson() {}

  public static ObjectNode of(ExperimentResult r) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("experiment", r.name());
    ArrayNode runs = root.putArray("runs");
    for (RunRow row : r.runs()) {
      ObjectNode n = runs.addObject();
      n.put("name", row.name());
      putNumber(n, "train_accuracy", row.trainAccuracy());
      putNumber(n, "test_accuracy", row.testAccuracy());
      putNumber(n, "final_cost", row.finalCost());
      n.put("seconds", row.seconds());
      row.extra().forEach((k, v) -> n.set(k, m.valueToTree(v)));
      CourseFigure f = r.courseFigure(row.name());
      if (f != null) {
        putNumber(n, "course_train_accuracy", f.train());
        putNumber(n, "course_test_accuracy", f.test());
        n.put("matches_course", !r.differsFromCourse(row));
      }
      putSpread(n, "train_spread", r.trainSpread().get(row.name()), f == null ? Double.NaN : f.train());
      putSpread(n, "test_spread", r.testSpread().get(row.name()), f == null ? Double.NaN : f.test());
    }
    ArrayNode plots = root.putArray("plots");
    r.plots().forEach(p -> plots.add(p.toString()));
    return root;
  }

  private static void putSpread(ObjectNode n, String key, Spread s, double course) {
    if (s == null) {
      return;
    }
    ObjectNode o = n.putObject(key);
    o.put("seeds", s.values().length);
    o.put("mean", s.mean());
    o.put("standard_deviation", s.standardDeviation());
    o.put("min", s.min());
    o.put("max", s.max());
    ArrayNode values = o.putArray("values");
    for (double v : s.values()) {
      values.add(v);
    }
    if (!Double.isNaN(course)) {
      o.put("share_at_or_below_course", s.rankOf(course));
    }
  }

  private static void putNumber(ObjectNode n, String key, double v) {
    if (Double.isNaN(v)) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }
}
