package dev.descent.cli.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

/** The registry of experiments, in the course's order. */
public final class Experiments {
  private Experiments() {}

  public static Map<String, Experiment> all() {
    Map<String, Experiment> m = new LinkedHashMap<>();
    for (Experiment e : new Experiment[] {new InitializationExperiment(), new OptimizationExperiment(),
        new EwaExperiment(), new LrDecayExperiment(), new SaddleExperiment(), new RegularizationExperiment(),
        new GradientCheckExperiment(), new BatchNormExperiment(), new AutodiffExperiment()}) {
      m.put(e.name(), e);
    }
    return m;
  }
}
