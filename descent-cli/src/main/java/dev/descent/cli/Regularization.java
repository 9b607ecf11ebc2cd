package dev.descent.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.cli.plot.Axis;
import dev.descent.cli.plot.Figures;
import dev.descent.cli.plot.Plots;
import dev.descent.cli.plot.Series;
import dev.descent.cli.plot.XyPlot;
import dev.descent.data.io.ImageShape;
import dev.descent.nn.CostTerm;
import dev.descent.regularize.EarlyStopping;
import dev.descent.run.AugmentSpec;
import dev.descent.run.NetworkSpec;
import dev.descent.run.RegularizedLayers;
import dev.descent.run.Regularizers;
import dev.descent.run.RunResult;
import dev.descent.train.Callback;
import dev.descent.train.GradientNormMonitor;
import dev.descent.train.GradientNorms;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regularization of one {@code descent train} run, resolved from {@link
 * RegularizationOptions}: how the network is decorated, the callbacks (gradient norms, early
 * stopping), what is done after training (restore the best epoch, leave the augmentation layer
 * out of the saved model), and what is reported (diagnosis, norms, early stopping, plot).
 */
final class Regularization {
  private final RegularizerOptions options;
  private final double[] keepProbs;
  private final List<CostTerm> costTerms;
  private final AugmentSpec augment;
  private final EarlyStopping earlyStopping;
  private final Double bayesError;
  private final int features;
  private final GradientNormMonitor norms;
  private PrintWriter warnings;

  Regularization(RegularizerOptions options, double[] keepProbs, List<CostTerm> costTerms, AugmentSpec augment,
      EarlyStopping.Config stopping, Double bayesError, int features) {
    this.options = options;
    this.keepProbs = keepProbs;
    this.costTerms = costTerms;
    this.augment = augment;
    this.earlyStopping = stopping == null ? null : new EarlyStopping(stopping);
    this.bayesError = bayesError;
    this.features = features;
    this.norms = new GradientNormMonitor(GradientNorms.Limits.defaults(), this::warn);
  }

  /** Gradient warnings go here as they appear (stderr); without it they are only reported at the end. */
  void warnTo(PrintWriter err) {
    this.warnings = err;
  }

  private void warn(String line) {
    if (warnings != null) {
      warnings.println("warning: " + line);
      warnings.flush();
    }
  }

  /** Wraps {@code base} (plain, or another option's decorator) with augmentation, dropout and penalties. */
  NetworkSpec.LayerDecorator decorator(NetworkSpec.LayerDecorator base) {
    return new RegularizedLayers(base, augment == null ? null : augment.layer(), keepProbs, costTerms);
  }

  /** Gradient norms, then early stopping; a checkpoint writer goes after them (it saves early stopping's verdict). */
  List<Callback> callbacks() {
    List<Callback> out = new ArrayList<>();
    out.add(norms);
    if (earlyStopping != null) {
      out.add(earlyStopping);
    }
    return out;
  }

  void putSettings(Map<String, Object> settings) {
    options.putSettings(settings, keepProbs);
    if (augment != null) {
      settings.put("augment", augment.text());
      if (augment.layout() != null) {
        settings.put("image_layout", augment.layout().height() + "x" + augment.layout().width() + "x"
            + augment.layout().channels() + " HWC" + (augment.inferred() ? " (inferred)" : ""));
      }
    }
    if (earlyStopping != null) {
      EarlyStopping.Config c = earlyStopping.config();
      settings.put("early_stopping", Map.of("patience", c.patience(), "min_delta", c.minDelta(), "metric", c.metric().label()));
    }
    if (bayesError != null) {
      settings.put("bayes_error", bayesError);
    }
  }

  /** Lines for the settings block of the summary, e.g. "regularize L2 λ 0.7", or none. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    String penalties = options.describe(keepProbs);
    if (penalties != null) {
      sb.append("regularize ").append(penalties).append('\n');
    }
    if (augment != null) {
      sb.append("augment   ").append(augment.describe(features)).append('\n');
    }
    if (earlyStopping != null) {
      EarlyStopping.Config c = earlyStopping.config();
      sb.append(String.format(Locale.ROOT, "stop      early on dev %s, patience %d, min delta %s; keeps the best dev epoch%n",
          c.metric().label(), c.patience(), RegularizerOptions.number(c.minDelta())));
    }
    return sb.toString();
  }

  /** Records the kept epoch and leaves the augmentation layer, a training device, out of the model. */
  RunResult finish(RunResult r) {
    if (earlyStopping != null) {
      earlyStopping.keepBest(r.history());
    }
    return r.withoutAugmentation();
  }

  /** Early stopping, or null: a checkpoint saves its progress. */
  EarlyStopping earlyStopping() {
    return earlyStopping;
  }

  /**
   * What a checkpoint's recipe records beyond L2 and a single keep probability (those are in
   * {@code TrainingSettings}): L1, a keep probability per layer, batch norm, augmentation, early stopping.
   */
  Regularizers recorded(boolean batchNorm) {
    List<Double> perLayer = new ArrayList<>();
    for (double k : keepProbs) {
      perLayer.add(k);
    }
    boolean uniform = perLayer.stream().distinct().count() <= 1;
    ImageShape shape = augment == null || augment.layout() == null || augment.inferred() ? null
        : new ImageShape(augment.layout().height(), augment.layout().width(), augment.layout().channels());
    return new Regularizers(options.l1, uniform ? List.of() : perLayer, batchNorm, augment == null ? null : augment.text(), shape,
        earlyStopping == null ? null : earlyStopping.config());
  }

  /** The L2 λ (0: none) and single keep probability (1: none; per layer: {@link #recorded}) of {@code TrainingSettings}. */
  double lambda() {
    return options.l2 == null ? 0 : options.l2;
  }

  double keepProb() {
    return keepProbs.length == 0 || java.util.Arrays.stream(keepProbs).distinct().count() > 1 ? 1 : keepProbs[0];
  }

  /** gradient-norms.png in {@code dir}: one line per layer, log scale. */
  List<Path> plots(Path dir) {
    if (norms.epochs() == 0) {
      return List.of();
    }
    XyPlot plot = XyPlot.of("Gradient norm per layer (data cost on a probe batch of training examples)", Axis.linear("epoch"),
        Axis.log("gradient norm ‖(dW, db)‖"));
    boolean any = false;
    for (int l = 0; l < norms.layerLabels().size(); l++) {
      double[] g = norms.gradientNorms(l);
      if (Plots.hasFinite(g)) {
        plot = plot.line(Series.of(norms.layerLabels().get(l), g));
        any = true;
      }
    }
    if (!any) {
      return List.of();
    }
    Path file = dir.resolve("gradient-norms.png");
    Figures.standard().xy(plot).writePng(file);
    return List.of(file);
  }

  /** Adds "diagnosis" (null for regression or without a dev or test set), "gradient_norms" and "early_stopping". */
  void report(ObjectNode json, RunResult r) {
    RunDiagnosis diagnosis = RunDiagnosis.of(r, bayesError, norms.warningCounts().containsKey("exploding gradients"));
    if (diagnosis != null) {
      json.set("diagnosis", diagnosis.json());
    } else {
      json.putNull("diagnosis");
    }
    if (norms.last() != null) {
      json.set("gradient_norms", normsJson());
    }
    if (earlyStopping != null) {
      ObjectNode e = json.putObject("early_stopping");
      EarlyStopping.Config c = earlyStopping.config();
      e.put("metric", c.metric().label());
      e.put("patience", c.patience());
      e.put("min_delta", c.minDelta());
      e.put("stopped", earlyStopping.stopped());
      e.put("last_epoch", earlyStopping.lastEpoch() + 1);
      if (earlyStopping.bestEpoch() >= 0) {
        e.put("best_epoch", earlyStopping.bestEpoch() + 1);
        e.put("best_value", earlyStopping.bestValue());
      }
    }
  }

  private ObjectNode normsJson() {
    ObjectNode n = Report.object();
    GradientNorms last = norms.last();
    n.put("epoch", norms.epochs());
    n.put("probe_examples", "first " + GradientNormMonitor.PROBE_EXAMPLES + " training examples at most");
    ArrayNode layers = n.putArray("layers");
    for (GradientNorms.LayerNorms l : last.layers()) {
      ObjectNode o = layers.addObject();
      o.put("layer", l.index());
      ArrayNode p = o.putArray("parameters");
      l.parameters().forEach(p::add);
      o.put("weight_norm", l.weightNorm());
      o.put("gradient_norm", l.gradientNorm());
    }
    if (Double.isFinite(last.ratio())) {
      n.put("first_over_last", last.ratio());
    }
    ArrayNode w = n.putArray("warnings");
    norms.firstWarnings().forEach(w::add);
    ObjectNode counts = n.putObject("epochs_with_warning");
    norms.warningCounts().forEach(counts::put);
    return n;
  }

  /** Lines after the result table: early stopping, the diagnosis, the last epoch's norms. */
  void summary(PrintWriter out, RunResult r) {
    if (earlyStopping != null) {
      out.println("early stopping: " + earlyStopping.text());
    }
    RunDiagnosis diagnosis = RunDiagnosis.of(r, bayesError, norms.warningCounts().containsKey("exploding gradients"));
    out.println(diagnosis != null ? "diagnosis: " + diagnosis.text() : "diagnosis: " + RunDiagnosis.unavailable(r));
    GradientNorms last = norms.last();
    if (last != null) {
      out.printf(Locale.ROOT, "gradient norms after epoch %d (data cost on up to %d training examples):%n", norms.epochs(),
          GradientNormMonitor.PROBE_EXAMPLES);
      for (GradientNorms.LayerNorms l : last.layers()) {
        out.printf(Locale.ROOT, "  %-22s weight %-10.4g gradient %.4g%n", label(l), l.weightNorm(), l.gradientNorm());
      }
      out.printf(Locale.ROOT, "  first / last layer's gradient norm: %.3g%n", last.ratio());
      norms.warningCounts().forEach((kind, n) -> out.printf(Locale.ROOT, "  warning: %s in %d of %d epochs (first: %s)%n",
          kind, n, norms.epochs(), first(kind)));
    }
    out.flush();
  }

  private String first(String kind) {
    for (String w : norms.firstWarnings()) {
      if (w.contains(": " + kind)) {
        return w.substring(0, w.indexOf(':'));
      }
    }
    return "?";
  }

  private static String label(GradientNorms.LayerNorms l) {
    return "layer " + l.index() + " (" + String.join(", ", l.parameters()) + ")";
  }
}
