package dev.descent.cli;

import static dev.descent.cli.BadInputTest.assertFails;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input of the regularization issue: one line with the whole message, and the exit code. */
class RegularizationBadInputTest {
  @TempDir
  Path dir;

  String[] train(String... extra) {
    String[] base = {"train", "--data", "moons", "--hidden", "4,3", "--epochs", "2", "--out", dir.toString()};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void negativeL2() {
    assertFails(2, "--l2 -0.1: λ must be a finite number ≥ 0 (0 turns the penalty off), e.g. --l2 0.7", train("--l2", "-0.1"));
  }

  @Test
  void negativeL1() {
    assertFails(2, "--l1 -1: λ must be a finite number ≥ 0 (0 turns the penalty off), e.g. --l1 0.7", train("--l1", "-1"));
  }

  @Test
  void keepProbabilityAboveOne() {
    assertFails(2, "--keep-prob 1.3: must be in (0, 1]; to drop 30% of units use --keep-prob 0.7 or --drop-rate 0.3",
        train("--keep-prob", "1.3"));
  }

  @Test
  void keepProbabilityZero() {
    assertFails(2, "--keep-prob 0: must be in (0, 1]; to drop 30% of units use --keep-prob 0.7 or --drop-rate 0.3",
        train("--keep-prob", "0"));
  }

  @Test
  void keepProbabilityOutsideInAList() {
    assertFails(2, "--keep-prob 1,1.3: hidden layer 2 has 1.3: must be in (0, 1]; to drop 30% of units use --keep-prob 0.7"
        + " or --drop-rate 0.3", train("--keep-prob", "1,1.3"));
  }

  @Test
  void dropRateOfOne() {
    assertFails(2, "--drop-rate 1: must be in [0, 1); to drop 30% of units use --keep-prob 0.7 or --drop-rate 0.3",
        train("--drop-rate", "1"));
  }

  @Test
  void dropoutListOfTheWrongLength() {
    assertFails(2, "--keep-prob 1,0.8: gives 2 values for 3 hidden layers (--hidden 20,7,5); give one per hidden layer, or one"
        + " for all", "train", "--data", "moons", "--hidden", "20,7,5", "--keep-prob", "1,0.8", "--out", dir.toString());
  }

  @Test
  void keepProbAndDropRateTogether() {
    // picocli's check of the exclusive group, in Main's words
    assertFails(2, "--keep-prob and --drop-rate exclude each other; give only one", train("--keep-prob", "0.8", "--drop-rate", "0.2"));
  }

  @Test
  void patienceOfZero() {
    assertFails(2, "--early-stopping 0: the patience must be at least 1 epoch, e.g. --early-stopping 10",
        train("--early-stopping", "0"));
  }

  @Test
  void earlyStoppingWithoutADevSet() {
    assertFails(2, "--early-stopping 5 watches the dev set, but --split 80,0,20 leaves none; give the dev set a share, e.g."
        + " --split 60,20,20", train("--split", "80,0,20", "--early-stopping", "5"));
  }

  @Test
  void minDeltaWithoutEarlyStopping() {
    assertFails(2, "--min-delta sets up early stopping; give --early-stopping PATIENCE too, e.g. --early-stopping 10",
        train("--min-delta", "0.01"));
  }

  @Test
  void negativeMinDelta() {
    assertFails(2, "--min-delta -0.01: must be a finite number ≥ 0 (0: any improvement counts)",
        train("--early-stopping", "3", "--min-delta", "-0.01"));
  }

  @Test
  void unknownStopMetric() {
    assertFails(2, "--stop-metric loss: expected cost or accuracy", train("--early-stopping", "3", "--stop-metric", "loss"));
  }

  @Test
  void imageAugmentationOnTabularData() {
    assertFails(2, "--augment flip: flip, crop and shift need images, but 2 features are not a square RGB image (3·s²"
        + " values, e.g. 12288 for 64×64×3); for other data use noise:SD", train("--augment", "flip"));
  }

  @Test
  void unknownAugmentation() {
    assertFails(2, "--augment noise:0.1,rotate:10: unknown step 'rotate:10'; accepted: noise:SD (any features), flip,"
        + " crop:PAD, shift:PIXELS (square RGB images)", train("--augment", "noise:0.1,rotate:10"));
  }

  @Test
  void noiseWithoutItsDeviation() {
    assertFails(2, "--augment noise: 'noise' needs a standard deviation, e.g. noise:0.1", train("--augment", "noise"));
  }

  @Test
  void negativeNoise() {
    assertFails(2, "--augment noise:-1: noise sd = -1.0: must be a finite number > 0, e.g. 0.1 on standardized features;"
        + " to add no noise leave the augmentation out", train("--augment", "noise:-1"));
  }

  @Test
  void bayesErrorAsAPercentage() {
    assertFails(2, "--bayes-error 5: must be a fraction in [0, 1]; for 5% write 0.05", train("--bayes-error", "5"));
  }

  @Test
  void gradcheckEpsilonOfZero() {
    assertFails(2, "--epsilon 0: must be in (0, 1); the course uses 1e-7", "gradcheck", "--epsilon", "0");
  }

  @Test
  void gradcheckNoDirections() {
    assertFails(2, "--directional 0: must be 1 to 100000 (each direction costs two evaluations of the cost; 10 directions are plenty to catch a bug)",
        "gradcheck", "--directional", "0");
  }

  @Test
  void gradcheckCorruptingAnUnknownParameter() {
    assertFails(2, "gradient corruption names parameter 'W9', which is not checked; the parameters are W1, b1, W2, b2, W3, b3",
        "gradcheck", "--corrupt", "W9:2");
  }

  @Test
  void gradcheckCorruptionWithoutFactor() {
    assertFails(2, "--corrupt W2: expected PARAM:FACTOR, e.g. W2:2 (dW2 doubled)", "gradcheck", "--corrupt", "W2");
  }

  @Test
  void gradcheckNegativeL2() {
    assertFails(2, "--l2 -0.5: λ must be a finite number ≥ 0 (0 turns the penalty off), e.g. --l2 0.7",
        "gradcheck", "--l2", "-0.5");
  }

  @Test
  void gradcheckModelWithANewNetworksOptions() {
    Cli.Result t = Cli.run(train());
    org.junit.jupiter.api.Assertions.assertEquals(0, t.code(), t.err());
    Path model = dir.resolve("model.descent");
    assertFails(2, "--hidden describes a new network, but --model " + model + " brings its own; drop --hidden or --model",
        "gradcheck", "--model", model.toString(), "--hidden", "5");
  }

  @Test
  void regularizationExperimentOnANonMatFile() {
    assertFails(2, "--data points.csv: the regularization experiment reads the course's data.mat (a MATLAB file holding X, y,"
        + " Xval, yval); give a .mat file or leave --data out for the built-in football set",
        "experiment", "regularization", "--data", "points.csv", "--out", dir.toString());
  }

  @Test
  void regularizationExperimentOnAMissingMatFile() {
    Path missing = dir.resolve("data.mat");
    assertFails(1, missing + ": no such file", "experiment", "regularization", "--data", missing.toString(), "--out",
        dir.toString());
  }

  @Test
  void gradientCheckExperimentTakesNoData() throws Exception {
    Path file = Files.writeString(dir.resolve("x.csv"), "1,2\n");
    assertFails(2, "experiment gradient-check runs on the course's fixed network and examples; it takes no --data (check"
        + " your own network with 'descent gradcheck --data FILE')",
        "experiment", "gradient-check", "--data", file.toString(), "--out", dir.toString());
  }
}
