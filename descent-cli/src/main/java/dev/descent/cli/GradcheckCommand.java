package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.check.CheckOptions;
import dev.descent.check.DirectionalCheckReport;
import dev.descent.check.GradientCheck;
import dev.descent.check.GradientCheckReport;
import dev.descent.check.GradientCorruption;
import dev.descent.check.ParameterDifference;
import dev.descent.check.Verdict;
import dev.descent.data.Dataset;
import dev.descent.data.Standardizer;
import dev.descent.io.Decimal;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.nn.CostTerm;
import dev.descent.nn.Network;
import dev.descent.regularize.L1Penalty;
import dev.descent.regularize.L2Penalty;
import dev.descent.run.DataSource;
import dev.descent.run.NetworkSpec;
import dev.descent.run.Regularizers;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code descent gradcheck}: compares backpropagation with centered differences on a network
 * built from train's data and network options (or a saved model), and prints the course's
 * verdict and the parameters ranked worst first.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, defaultValueProvider = CoreDefaults.class, sortOptions = false,
    description = {"Check backpropagation against centered differences (J(θ+ε) − J(θ−ε)) / 2ε, on a float64 copy of a "
        + "freshly initialized network (train's data and network options) or of a saved model (--model).",
        "The check uses --examples examples: a built-in set is generated with that many, a file gives its first rows. "
            + "L2/L1 terms are part of the checked cost; dropout is switched off (random masks would differ between "
            + "J(θ+ε) and J(θ−ε)).",
        "Verdict on the relative difference ‖g − g̃‖ / (‖g‖ + ‖g̃‖): ok below 1e-7, check (look again) below 1e-3, "
            + "bug from 1e-3."},
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:the verdict is ok or check", "1:the verdict is bug (difference ≥ 1e-3), or a data or file error",
        "2:bad options"})
public final class GradcheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data;

  @Mixin
  NetworkOptions network;

  @Mixin
  RegularizerOptions regularizer;

  @Option(names = "--epsilon", paramLabel = "EPS",
      description = "The step ε of the centered differences (default: ${DEFAULT-VALUE}, the course's).")
  double epsilon;

  @Option(names = "--directional", paramLabel = "K",
      description = "Fast mode: compare slopes along K random directions (2K cost evaluations instead of 2 per parameter "
          + "entry); says whether backprop is wrong, not where (default: the full check).")
  Integer directional;

  @Option(names = "--model", paramLabel = "FILE",
      description = "Check a model written by 'descent train' (its network, standardizer and L2/L1 settings) instead.")
  Path model;

  @Option(names = "--corrupt", paramLabel = "PARAM:FACTOR[,...]", split = ",",
      description = "Break the analytic gradient on purpose to see the check fail, e.g. W2:2,b1:4 (the course lab's bugs).")
  List<String> corrupt;

  @Mixin
  SeedOption seedOption;

  @Option(names = "--no-normalize", description = "Do not standardize the inputs.")
  boolean noNormalize;

  @Mixin
  JsonOption jsonOption;

  @Mixin
  DebugOption debugOption;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CheckOptions options = options();
    Checked checked = model != null ? savedModel() : freshNetwork();
    GradientCheck check = GradientCheck.of(checked.network, checked.examples);
    Verdict verdict;
    if (directional != null) {
      DirectionalCheckReport r = check.directional(directional, Rng.of(seedOption.seed).fork("directions", 0), options);
      verdict = r.verdict();
      if (jsonOption.json) {
        ObjectNode root = header(checked, r.difference(), r.verdict(), r.dropoutDisabled(), "directional");
        root.put("directions", r.directions());
        Report.print(out, root);
      } else {
        out.print(checked.description);
        out.print(r.text());
        printDropout(out, r.dropoutDisabled());
      }
    } else {
      GradientCheckReport r = check.run(options);
      verdict = r.verdict();
      if (jsonOption.json) {
        Report.print(out, json(checked, r));
      } else {
        out.print(checked.description);
        out.print(r.text());
        printDropout(out, r.dropoutDisabled());
      }
    }
    out.flush();
    if (verdict == Verdict.BUG) {
      err.println("descent: gradient check failed: backpropagation disagrees with centered differences (verdict bug)");
      err.flush();
      return Main.RUNTIME_ERROR;
    }
    return Main.OK;
  }

  /** More directions than this cost more than the full check of any network a check is run on. */
  static final int MAX_DIRECTIONS = 100_000;

  private CheckOptions options() {
    if (directional != null && (directional < 1 || directional > MAX_DIRECTIONS)) {
      throw new UsageException("--directional " + directional + ": must be 1 to " + MAX_DIRECTIONS + " (each direction costs"
          + " two evaluations of the cost; 10 directions are plenty to catch a bug)");
    }
    try {
      return CheckOptions.defaults().withEpsilon(epsilon).withCorruption(corruption());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--epsilon " + Decimal.text(epsilon) + ": must be in (0, 1); the course uses 1e-7");
    }
  }

  private GradientCorruption corruption() {
    GradientCorruption c = GradientCorruption.none();
    if (corrupt == null) {
      return c;
    }
    for (String item : corrupt) {
      String[] parts = item.split(":", 2);
      double factor;
      try {
        factor = parts.length == 2 ? Double.parseDouble(parts[1]) : Double.NaN;
      } catch (NumberFormatException e) {
        factor = Double.NaN;
      }
      if (parts[0].isBlank() || !Double.isFinite(factor)) {
        throw new UsageException("--corrupt " + item + ": expected PARAM:FACTOR, e.g. W2:2 (dW2 doubled)");
      }
      c = c.andThen(GradientCorruption.scale(parts[0].trim(), factor));
    }
    return c;
  }

  /** The network to check, its examples, and a line saying what they are. */
  private record Checked(Network network, Dataset examples, String description) {}

  private Checked freshNetwork() {
    NetworkSpec s = network.spec();
    Dataset all = data.load();
    Dataset examples = firstRows(noNormalize ? all : Standardizer.fit(all.features()).apply(all));
    double[] keep = regularizer.keepProbs(s.hidden());
    List<CostTerm> terms = regularizer.costTerms();
    Network net = s.build(examples, Precision.F64, Rng.of(seedOption.seed),
        Regularizers.layers(NetworkSpec.LayerDecorator.PLAIN, null, keep, terms));
    String penalties = regularizer.describe(keep);
    return new Checked(net, examples, String.format(Locale.ROOT, "network   %d → %s → %d (%s, init %s, seed %d), freshly initialized%s%n"
        + "data      %s: %d examples%s%n", net.inputs(), s.hidden(), net.outputs(), s.activation().label(), s.init(), seedOption.seed,
        penalties == null ? "" : "; " + penalties, data.data, examples.size(), noNormalize ? "" : " (standardized)"));
  }

  private Checked savedModel() {
    for (String option : new String[] {"--hidden", "--activation", "--init", "--keep-prob", "--drop-rate"}) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new UsageException(option + " describes a new network, but --model " + model
            + " brings its own; drop " + option + " or --model");
      }
    }
    Model m = ModelFile.read(model);
    Dataset labelled = DataSource.loadLabelledForModel(data.data, m);
    Dataset examples = firstRows(m.standardizer() == null ? labelled : m.standardizer().apply(labelled));
    // penalties are not part of a model file; its settings say which it was trained with
    boolean given = regularizer.l2 != null || regularizer.l1 != null;
    List<CostTerm> terms = given ? regularizer.costTerms() : new ArrayList<>();
    Double l2 = given ? regularizer.l2 : setting(m, "l2");
    Double l1 = given ? regularizer.l1 : setting(m, "l1");
    List<String> described = new ArrayList<>();
    if (l2 != null) {
      described.add("L2 λ " + Decimal.text(l2));
    }
    if (l1 != null) {
      described.add("L1 λ " + Decimal.text(l1));
    }
    if (!given) {
      if (l2 != null) {
        terms.add(new L2Penalty(l2));
      }
      if (l1 != null) {
        terms.add(new L1Penalty(l1));
      }
    }
    String from = given ? "given" : "from the model's settings";
    Network net = m.network().withCostTerms(terms);
    return new Checked(net, examples, String.format(Locale.ROOT, "model     %s: %d → %d, %d parameters%s%ndata      %s: %d examples%n",
        model, net.inputs(), net.outputs(), net.parameterCount(),
        described.isEmpty() ? "" : "; " + String.join(", ", described) + " (" + from + ")", data.data, examples.size()));
  }

  private static Double setting(Model m, String key) {
    Object v = m.settings().get(key);
    return v instanceof Number n ? n.doubleValue() : null;
  }

  private Dataset firstRows(Dataset d) {
    if (data.examples >= d.size()) {
      return d;
    }
    int[] rows = new int[data.examples];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    return d.subset(d.name(), rows);
  }

  private static void printDropout(PrintWriter out, boolean disabled) {
    if (disabled) {
      out.println("dropout was switched off for the check: a fresh random mask in J(θ+ε) and J(θ−ε) would measure the "
          + "noise, not the slope; check with dropout off, then train with it on");
    }
  }

  private ObjectNode header(Checked checked, double difference, Verdict verdict, boolean dropoutDisabled, String mode) {
    ObjectNode root = Report.object();
    root.put("command", "gradcheck");
    root.put("mode", mode);
    root.put("epsilon", epsilon);
    root.put("examples", checked.examples.size());
    root.put("difference", difference);
    root.put("verdict", verdict.label());
    root.put("dropout_disabled", dropoutDisabled);
    return root;
  }

  private ObjectNode json(Checked checked, GradientCheckReport r) {
    ObjectNode root = header(checked, r.difference(), r.verdict(), r.dropoutDisabled(), "full");
    root.put("entries", r.entries());
    ArrayNode params = root.putArray("parameters");
    for (ParameterDifference p : r.ranking()) {
      ObjectNode n = params.addObject();
      n.put("name", p.name());
      n.putArray("shape").add(p.rows()).add(p.cols());
      n.put("difference", p.difference());
      n.put("verdict", p.verdict().label());
      n.putArray("worst_index").add(p.worst().row()).add(p.worst().col());
      n.put("worst_analytic", p.worst().analytic());
      n.put("worst_numerical", p.worst().numerical());
    }
    return root;
  }
}
