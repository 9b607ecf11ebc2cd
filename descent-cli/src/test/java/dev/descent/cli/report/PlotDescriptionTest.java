package dev.descent.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlotDescriptionTest {
  @Test
  void altTextsSayWhatThePlotShowsNotItsFileName() {
    assertEquals("Decision boundary of run adam over the training data", PlotDescription.of("optimization-boundary-adam.png"));
    assertEquals("Training cost per epoch of each run of optimization (log scale)", PlotDescription.of("optimization-cost.png"));
    assertEquals("Training cost per epoch with and without batch norm at learning rate 0.01 (log scale)",
        PlotDescription.of("batchnorm-cost-lr0.01.png"));
    assertEquals("Paths of gradient descent, momentum, RMSprop and Adam over the contours of the rosenbrock function",
        PlotDescription.of("saddle-rosenbrock.png"));
    assertEquals("The first 30 days: plain (dashed) and bias-corrected averages for each β", PlotDescription.of("ewa-first-30-days.png"));
    assertEquals("Test accuracy of each run over the seeds, with the course's figure marked",
        PlotDescription.of("initialization-spread-test.png"));
    assertEquals("Gradient norm of each layer per epoch (log scale)", PlotDescription.of("gradient-norms.png"));
    assertEquals("Plot mystery.png", PlotDescription.of("mystery.png"));
  }
}
