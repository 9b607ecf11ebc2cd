package dev.descent.train;

import java.util.Arrays;

/**
 * The per-epoch record of a run: training cost, dev cost and dev accuracy (NaN where not
 * evaluated), how the run ended, and which epoch's parameters the network holds at the end.
 */
public final class History {
  private double[] trainCost;
  private double[] devCost;
  private double[] devAccuracy;
  private int epochs;
  private String stopReason = "completed";
  private int keptEpoch = -1;

  /** Room for {@code capacity} epochs, up to 4 096 at first: {@code --epochs 2000000000} must not allocate 48 GB up front. */
  public History(int capacity) {
    int initial = Math.min(capacity, 1 << 12);
    trainCost = new double[initial];
    devCost = new double[initial];
    devAccuracy = new double[initial];
  }

  /** A history read back (e.g. from a checkpoint): the epochs so far, completed. */
  public static History of(double[] trainCost, double[] devCost, double[] devAccuracy) {
    if (devCost.length != trainCost.length || devAccuracy.length != trainCost.length) {
      throw new IllegalArgumentException("history: " + trainCost.length + " train costs, " + devCost.length + " dev costs and "
          + devAccuracy.length + " dev accuracies; must be as many of each");
    }
    History h = new History(trainCost.length);
    h.trainCost = trainCost.clone();
    h.devCost = devCost.clone();
    h.devAccuracy = devAccuracy.clone();
    h.epochs = trainCost.length;
    return h;
  }

  /** This history followed by {@code later}'s epochs (a resumed run's), ending as {@code later} ended. */
  public History then(History later) {
    History h = new History(epochs + later.epochs);
    System.arraycopy(trainCost, 0, h.trainCost, 0, epochs);
    System.arraycopy(devCost, 0, h.devCost, 0, epochs);
    System.arraycopy(devAccuracy, 0, h.devAccuracy, 0, epochs);
    System.arraycopy(later.trainCost, 0, h.trainCost, epochs, later.epochs);
    System.arraycopy(later.devCost, 0, h.devCost, epochs, later.epochs);
    System.arraycopy(later.devAccuracy, 0, h.devAccuracy, epochs, later.epochs);
    h.epochs = epochs + later.epochs;
    h.stopReason = later.stopReason;
    h.keptEpoch = later.keptEpoch;
    return h;
  }

  public void add(double train, double dev, double accuracy) {
    if (epochs == trainCost.length) {
      int size = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(16L, 2L * epochs));
      trainCost = Arrays.copyOf(trainCost, size);
      devCost = Arrays.copyOf(devCost, size);
      devAccuracy = Arrays.copyOf(devAccuracy, size);
    }
    trainCost[epochs] = train;
    devCost[epochs] = dev;
    devAccuracy[epochs] = accuracy;
    epochs++;
  }

  public void stop(String reason) {
    this.stopReason = reason;
  }

  /** Records that the network holds the parameters as they were after epoch {@code epoch} (0-based). */
  public void keep(int epoch) {
    this.keptEpoch = epoch;
  }

  public int epochs() {
    return epochs;
  }

  public double[] trainCost() {
    return Arrays.copyOf(trainCost, epochs);
  }

  public double[] devCost() {
    return Arrays.copyOf(devCost, epochs);
  }

  public double[] devAccuracy() {
    return Arrays.copyOf(devAccuracy, epochs);
  }

  public double lastTrainCost() {
    return epochs == 0 ? Double.NaN : trainCost[epochs - 1];
  }

  /** "completed", or why training stopped early. */
  public String stopReason() {
    return stopReason;
  }

  public boolean completed() {
    return stopReason.equals("completed");
  }

  /** The 0-based epoch whose parameters the network holds (the last one unless restored). */
  public int keptEpoch() {
    return keptEpoch < 0 ? epochs - 1 : keptEpoch;
  }
}
