package dev.descent.cli.experiment;

import dev.descent.autodiff.Arithmetic;
import dev.descent.autodiff.Tape;
import dev.descent.autodiff.Variable;
import dev.descent.check.CheckOptions;
import dev.descent.check.GradientCheck;
import dev.descent.check.GradientCheckReport;
import dev.descent.check.GradientCorruption;
import dev.descent.nn.Network;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The course's gradient-checking lab: the one-dimensional J(θ) = θx at x = 2, θ = 4; then the
 * [4,5,3,1] relu/relu/sigmoid network of the golden fixture dense_binary.json on its 7 examples,
 * with backprop's gradients as they are ("correct") and with the lab's two deliberate bugs, dW2
 * doubled and db1 multiplied by 4 ("buggy"). ε = 1e-7 throughout.
 */
public final class GradientCheckExperiment implements Experiment {

  @Override
  public String name() {
    return "gradient-check";
  }

  @Override
  public ExperimentResult run(ExperimentContext context) {
    if (context.dataFile() != null) {
      throw new IllegalArgumentException("experiment gradient-check runs on the course's fixed network and examples; "
          + "it takes no --data (check your own network with 'descent gradcheck --data FILE')");
    }
    GoldenFixtures network = GoldenFixtures.load("dense_binary.json");
    GoldenFixtures reference = GoldenFixtures.load("gradient_check.json");
    List<RunRow> rows = new ArrayList<>();
    rows.add(oneDimensional(reference.json().get("one_dimensional").get("x").asDouble(),
        reference.json().get("one_dimensional").get("theta").asDouble()));
    rows.add(network("correct", network, GradientCorruption.none()));
    rows.add(network("buggy", network, GradientCorruption.courseLab()));
    List<String> details = new ArrayList<>(List.of("The buggy run, parameter by parameter:"));
    details.addAll(List.of(check(network, GradientCorruption.courseLab()).text().split("\n")));
    return new ExperimentResult(name(),
        "ε = 1e-7; J(θ) = θx at x = 2, θ = 4; the [4,5,3,1] relu/relu/sigmoid network of dense_binary.json (7 examples); "
            + "buggy: dW2 × 2 and db1 × 4 (read from " + network.source() + ")",
        rows, List.of(),
        List.of(String.format(Locale.ROOT, "one-dimensional %.3e", reference.json().get("one_dimensional").get("difference").asDouble()),
            String.format(Locale.ROOT, "correct %.3e", reference.json().get("difference").asDouble()),
            String.format(Locale.ROOT, "buggy %.4f", reference.json().get("buggy_difference").asDouble()),
            // NOTE: the caveat on a line of its own: a line naming a run goes into that run's table cell in the report
            "these three from numpy on the same network (gradient_check.json); the course notebook, on its own network "
                + "and data, prints 2.9e-10, ≈1.2e-7 and ≈0.29"),
        "Centered differences (J(θ+ε) − J(θ−ε)) / 2ε approximate the gradient to O(ε²), so a correct backward pass agrees "
            + "to about 1e-7 or better; a wrong rule shows as a relative difference of 1e-3 and up. Ranking the parameters "
            + "by their own difference points at the broken ones: b1 and W2 top the buggy run, the rest stay at float "
            + "noise. Check with dropout off, on a few examples, then train with the check off: it costs two forward "
            + "passes per parameter entry.", details);
  }

  /** J(θ) = θ·x as a one-op tape, checked like any other. */
  static RunRow oneDimensional(double x, double theta) {
    long start = System.nanoTime();
    Tape tape = new Tape();
    Variable t = Variable.parameter("theta", Matrix.scalar(Precision.F64, theta));
    Variable j = tape.record(new Arithmetic(Arithmetic.Kind.MULTIPLY, t, Variable.constant("x", Matrix.scalar(Precision.F64, x))));
    GradientCheckReport r = GradientCheck.of(tape, j, List.of(t)).run();
    return row("one-dimensional", r, j.scalar(), start);
  }

  static RunRow network(String name, GoldenFixtures fixtures, GradientCorruption corruption) {
    long start = System.nanoTime();
    GradientCheckReport r = check(fixtures, corruption);
    return row(name, r, fixtures.denseBinaryNetwork().cost(fixtures.x(), fixtures.y()), start);
  }

  static GradientCheckReport check(GoldenFixtures fixtures, GradientCorruption corruption) {
    Network net = fixtures.denseBinaryNetwork();
    return GradientCheck.of(net, fixtures.x(), fixtures.y()).run(CheckOptions.defaults().withCorruption(corruption));
  }

  private static RunRow row(String name, GradientCheckReport r, double cost, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("difference", r.difference());
    extra.put("verdict", r.verdict().label());
    extra.put("worst_parameter", r.ranking().get(0).name());
    extra.put("ranking", ranking(r));
    return new RunRow(name, Double.NaN, Double.NaN, cost, seconds, extra);
  }

  /** The parameters worst first, e.g. "b1 W2 W3 b2 W1 b3". */
  static String ranking(GradientCheckReport r) {
    StringBuilder sb = new StringBuilder();
    r.ranking().forEach(p -> sb.append(sb.length() == 0 ? "" : " ").append(p.name()));
    return sb.toString();
  }
}
