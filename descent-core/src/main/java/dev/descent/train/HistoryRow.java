package dev.descent.train;

import java.util.Arrays;

/**
 * One epoch of {@code history.jsonl}: what {@link HistoryLog} writes and {@link HistoryFile}
 * reads back. NaN where a value was not measured: dev values without a dev set, and the probe
 * values (train accuracy, gradient norms, update ratios) outside {@link HistoryLog}'s probe epochs.
 *
 * @param epoch 1-based
 * @param seconds wall time since the run started (a resumed run goes on from its checkpoint's time)
 * @param learningRate the optimizer's rate at the end of the epoch (NaN when it has none)
 * @param regularization the L2/L1 cost term for the whole training set, {@code λ/2m·Σ‖W‖²} (0 without one)
 * @param gradientNorms per course layer (a batch norm's γ and β with the layer before), {@code ‖(dW, db)‖_F} on the probe batch
 * @param updateRatios per layer, {@code ‖ΔW‖/‖W‖} over the epoch (Karpathy's update:data ratio, ~1e-3 is healthy)
 */
public record HistoryRow(int epoch, double seconds, double learningRate, double trainCost, double trainAccuracy,
    double devCost, double devAccuracy, double regularization, double[] gradientNorms, double[] updateRatios) {

  /** The scalar fields in file order, as named in the JSON and CSV headers. */
  public static final String[] SCALARS = {"epoch", "seconds", "lr", "train_cost", "train_accuracy", "dev_cost", "dev_accuracy",
      "regularization"};

  public HistoryRow {
    gradientNorms = gradientNorms.length == 0 ? gradientNorms : gradientNorms.clone();
    updateRatios = updateRatios.length == 0 ? updateRatios : updateRatios.clone();
  }

  /** A row with only the values a checkpoint keeps (epoch from 1, costs and dev accuracy). */
  public static HistoryRow basic(int epoch, double trainCost, double devCost, double devAccuracy) {
    return new HistoryRow(epoch, Double.NaN, Double.NaN, trainCost, Double.NaN, devCost, devAccuracy, Double.NaN, new double[0],
        new double[0]);
  }

  @Override
  public double[] gradientNorms() {
    return gradientNorms.clone();
  }

  @Override
  public double[] updateRatios() {
    return updateRatios.clone();
  }

  double scalar(int i) {
    return switch (i) {
      case 0 -> epoch;
      case 1 -> seconds;
      case 2 -> learningRate;
      case 3 -> trainCost;
      case 4 -> trainAccuracy;
      case 5 -> devCost;
      case 6 -> devAccuracy;
      case 7 -> regularization;
      default -> throw new AssertionError(i);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HistoryRow r && epoch == r.epoch && Double.compare(seconds, r.seconds) == 0
        && Double.compare(learningRate, r.learningRate) == 0 && Double.compare(trainCost, r.trainCost) == 0
        && Double.compare(trainAccuracy, r.trainAccuracy) == 0 && Double.compare(devCost, r.devCost) == 0
        && Double.compare(devAccuracy, r.devAccuracy) == 0 && Double.compare(regularization, r.regularization) == 0
        && Arrays.equals(gradientNorms, r.gradientNorms) && Arrays.equals(updateRatios, r.updateRatios);
  }

  @Override
  public int hashCode() {
    return 31 * epoch + Arrays.hashCode(gradientNorms);
  }

  @Override
  public String toString() {
    return "HistoryRow[epoch " + epoch + ", train cost " + trainCost + ", dev accuracy " + devAccuracy + "]";
  }
}
