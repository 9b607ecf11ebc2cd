package dev.descent.cli.experiment;

import dev.descent.cli.plot.Plots;
import dev.descent.cli.plot.Series;
import dev.descent.data.Dataset;
import dev.descent.run.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The plots most experiments share: one cost curve per run, and one decision boundary per run. */
final class ExperimentPlots {
  private ExperimentPlots() {}

  static List<Path> costsAndBoundaries(Path dir, String experiment, String[] names, List<RunResult> results) {
    List<Path> written = new ArrayList<>();
    List<Series> series = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      series.add(Series.of(names[i], results.get(i).history().trainCost()));
    }
    Path costs = dir.resolve(experiment + "-cost.png");
    Plots.costCurves(experiment + ": training cost", series, costs);
    written.add(costs);
    for (int i = 0; i < names.length; i++) {
      RunResult r = results.get(i);
      if (r.data().train() instanceof Dataset train && train.featureCount() == 2 && train.isClassification()) {
        Path b = dir.resolve(experiment + "-boundary-" + names[i] + ".png");
        Plots.decisionBoundary(experiment + ": " + names[i], r.model().network(), train, b);
        written.add(b);
      }
    }
    return written;
  }
}
