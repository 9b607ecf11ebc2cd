package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.optim.Chain;
import dev.descent.optim.Clock;
import dev.descent.optim.ScaleByLearningRate;
import dev.descent.optim.Schedule;
import dev.descent.train.Callback;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code train --schedule plateau:…} reduces the rate: the options reach the Trainer, which feeds the dev cost. */
class PlateauScheduleTest {

  @Test
  void trainReducesTheLearningRateWhenTheDevCostStopsImproving() {
    TrainCommand train = new TrainCommand();
    new CommandLine(train).parseArgs("--data", "moons", "--optimizer", "gd", "--lr", "0.1", "--epochs", "4",
        // a 90 % improvement never comes after the first epoch: halve after every epoch that follows
        "--schedule", "plateau:factor=0.5,patience=1,threshold=0.9");
    TrainingSession session = TrainingSession.prepare(train.data, train.network, train.training, train.splitting.ratios(false),
        true, train.training.seed(), train.batchNorm.decorator(), train.regularization);
    List<Chain> chain = List.of((Chain) session.transform);
    Schedule plateau = ((ScaleByLearningRate) chain.get(0).stages().get(0)).schedule();
    assertEquals("plateau(lr0=0.1, factor=0.5, patience=1, minimum=0.0, threshold=0.9, per=epoch)", plateau.toString());
    List<Double> used = new ArrayList<>();
    Callback recorder = (result, context) -> {
      used.add(plateau.rate(context.optimizer().clock()));
      return false;
    };
    session.run(List.of(recorder));
    assertArrayEquals(new double[] {0.1, 0.1, 0.05, 0.025}, used.stream().mapToDouble(Double::doubleValue).toArray());
    assertEquals(0.0125, plateau.rate(new Clock()));
  }
}
