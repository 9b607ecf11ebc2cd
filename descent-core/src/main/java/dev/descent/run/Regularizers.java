package dev.descent.run;

import dev.descent.data.io.ImageShape;
import dev.descent.nn.CostTerm;
import dev.descent.regularize.EarlyStopping;
import dev.descent.regularize.L1Penalty;
import dev.descent.regularize.L2Penalty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a run adds to {@link TrainingSettings}' network and loop beyond L2 and one keep
 * probability: the L1 penalty, a keep probability per hidden layer, batch norm, data augmentation
 * and early stopping. A checkpoint's recipe carries it ({@link RunConfig#regularizers()}), so that
 * {@code descent resume} rebuilds the very network and callbacks the run trained with. Default:
 * {@link #NONE}.
 *
 * <pre>{@code
 * new Regularizers(0.01, List.of(1.0, 0.8), true, "noise:0.1", null, EarlyStopping.Config.patience(5));
 * }</pre>
 *
 * @param l1 the L1 cost coefficient λ, or null for no L1 term
 * @param keepProbs one keep probability per hidden layer, or empty for the settings' single {@code keepProb}
 * @param batchNorm batch norm in every hidden layer ({@link BatchNormDecorator#DEFAULT})
 * @param augment {@code --augment}'s steps as written ({@link AugmentSpec}), or null for none
 * @param imageShape the data file's image shape the steps act on, or null (none, or inferred from the feature count)
 * @param earlyStopping early stopping on the dev set, or null for none
 */
public record Regularizers(Double l1, List<Double> keepProbs, boolean batchNorm, String augment, ImageShape imageShape,
    EarlyStopping.Config earlyStopping) {
  /** Nothing beyond the training settings. */
  public static final Regularizers NONE = new Regularizers(null, List.of(), false, null, null, null);

  public Regularizers {
    keepProbs = List.copyOf(keepProbs);
    Params.check("l1", l1 == null || (l1 >= 0 && l1 < Double.POSITIVE_INFINITY), l1, "must be a finite number ≥ 0, e.g. 0.01");
    for (double k : keepProbs) {
      Params.check("keep-prob", k > 0 && k <= 1, k, "must be in (0, 1]; it is the probability of keeping a unit, e.g. 0.86");
    }
  }

  /** The keep probability after each hidden layer of {@code settings}. */
  public double[] keepProbs(TrainingSettings settings) {
    int layers = settings.hidden().size();
    if (!keepProbs.isEmpty() && keepProbs.size() != layers) {
      throw new IllegalArgumentException("keep-prob: " + keepProbs.size() + " values for " + layers + " hidden layers; give one per hidden layer");
    }
    double[] keep = new double[layers];
    for (int l = 0; l < layers; l++) {
      keep[l] = keepProbs.isEmpty() ? settings.keepProb() : keepProbs.get(l);
    }
    return keep;
  }

  /** The penalties as cost terms: L2 (when λ &gt; 0), then L1. */
  public List<CostTerm> costTerms(TrainingSettings settings) {
    List<CostTerm> terms = new ArrayList<>();
    if (settings.lambda() > 0) {
      terms.add(new L2Penalty(settings.lambda()));
    }
    if (l1 != null) {
      terms.add(new L1Penalty(l1));
    }
    return terms;
  }

  /** The augmentation for data of {@code features} features, or null. */
  public AugmentSpec augmentation(int features) {
    return augment == null ? null : AugmentSpec.parse(augment, features, Optional.ofNullable(imageShape));
  }

  /** How {@code settings}' hidden layers are built for data of {@code features} features. */
  public NetworkSpec.LayerDecorator decorator(TrainingSettings settings, int features) {
    AugmentSpec a = augmentation(features);
    return new RegularizedLayers(batchNorm ? BatchNormDecorator.DEFAULT : NetworkSpec.LayerDecorator.PLAIN,
        a == null ? null : a.layer(), keepProbs(settings), costTerms(settings));
  }

  /** The same without the L1 term: the network a data-parallel worker differentiates, the penalties added once on the driver. */
  public Regularizers withoutL1() {
    return new Regularizers(null, keepProbs, batchNorm, augment, imageShape, earlyStopping);
  }

  /** These regularizers as one line of JSON (the "regularizers" object of a {@link RunConfig}), e.g. for a Spark task. */
  public String toJsonText() {
    return RunJson.regularizers(this).toString();
  }

  /** Reads {@link #toJsonText}'s form back; a missing or mistyped field is an IllegalArgumentException naming it. */
  public static Regularizers fromJsonText(String text) {
    try {
      return RunJson.regularizers(RunJson.MAPPER.readTree(text));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("regularizers: not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
