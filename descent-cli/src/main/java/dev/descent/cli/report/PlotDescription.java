package dev.descent.cli.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a plot of Descent's shows, in a sentence read from its file name: the report's caption and
 * the image's alt text (a screen reader says "training cost per epoch of each run", not
 * "optimization-cost.png"). A file name it does not know is described as a plot of that name.
 *
 * <pre>{@code
 * PlotDescription.of("optimization-boundary-adam.png")   // "Decision boundary of run adam over the training data"
 * }</pre>
 */
final class PlotDescription {
  private static final Pattern BOUNDARY = Pattern.compile("(.+)-boundary-(.+)\\.png");
  private static final Pattern COST_AT_RATE = Pattern.compile("(.+)-cost-lr(.+)\\.png");
  private static final Pattern SPREAD = Pattern.compile("(.+)-spread-(train|test)\\.png");
  private static final Pattern COST = Pattern.compile("(.+)-cost\\.png");
  private static final Pattern SURFACE = Pattern.compile("saddle-(.+)\\.png");
  private static final Pattern FIRST_DAYS = Pattern.compile("ewa-first-(\\d+)-days\\.png");
  private static final Pattern SEARCH = Pattern.compile("search-(.+)\\.png");

  private PlotDescription() {}

  static String of(String file) {
    switch (file) {
      case "cost.png":
        return "Cost per epoch on the training set, and on the dev set when there is one (log scale)";
      case "accuracy.png":
        return "Train and dev accuracy per epoch";
      case "boundary.png":
        return "Decision boundary of the trained network over the data's two features";
      case "confusion.png":
        return "Confusion matrix: true classes by row, predicted classes by column";
      case "gradient-norms.png":
        return "Gradient norm of each layer per epoch (log scale)";
      case "lr-find.png":
        return "Loss against the learning rate (log scale), with the suggested rate";
      case "ewa.png":
        return "A year of daily temperatures (dots) and their bias-corrected averages for each β";
      case "lr-decay-learning-rate.png":
        return "Learning rate per epoch of each schedule (log scale)";
      case "autodiff-w.png":
        return "w per step of each optimizer, approaching the minimum w* = 5";
      case "search-trials.png":
        return "Dev metric by trial number, pruned trials apart, and the best so far";
      default:
        break;
    }
    Matcher m;
    if ((m = BOUNDARY.matcher(file)).matches()) {
      return "Decision boundary of run " + m.group(2) + " over the training data";
    }
    if ((m = COST_AT_RATE.matcher(file)).matches()) {
      return "Training cost per epoch with and without batch norm at learning rate " + m.group(2) + " (log scale)";
    }
    if ((m = SPREAD.matcher(file)).matches()) {
      return (m.group(2).equals("train") ? "Training" : "Test") + " accuracy of each run over the seeds, with the course's figure marked";
    }
    if ((m = FIRST_DAYS.matcher(file)).matches()) {
      return "The first " + m.group(1) + " days: plain (dashed) and bias-corrected averages for each β";
    }
    if ((m = SURFACE.matcher(file)).matches()) {
      return "Paths of gradient descent, momentum, RMSprop and Adam over the contours of the " + m.group(1) + " function";
    }
    if ((m = COST.matcher(file)).matches()) {
      return "Training cost per epoch of each run of " + m.group(1) + " (log scale)";
    }
    if ((m = SEARCH.matcher(file)).matches()) {
      return "Dev metric of each trial against " + m.group(1) + ", on the scale it was sampled on";
    }
    return "Plot " + file;
  }
}
