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

  History(int capacity) {
    trainCost = new double[capacity];
    devCost = new double[capacity];
    devAccuracy = new double[capacity];
  }

  void add(double train, double dev, double accuracy) {
    trainCost[epochs] = train;
    devCost[epochs] = dev;
    devAccuracy[epochs] = accuracy;
    epochs++;
  }

  void stop(String reason) {
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
