package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.check.CheckOptions;
import dev.descent.run.TrainingSettings;
import dev.descent.train.LearningRateFinder;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options' defaults are the library's: written once, in core, and read by the commands through CoreDefaults. */
class CoreDefaultsTest {

  @Test
  void trainWithNoOptionsHasTheDefaultTrainingSettings() {
    TrainCommand train = new TrainCommand();
    new CommandLine(train).parseArgs();
    assertEquals(TrainingSettings.defaults(), RunOptions.settings(train.network, train.training, 0, 1));
  }

  @Test
  void searchAndGradcheckTakeTheSameDefaults() {
    SearchCommand search = new SearchCommand();
    new CommandLine(search).parseArgs();
    assertEquals(TrainingSettings.defaults(), RunOptions.settings(search.network, search.training, 0, 1));
    GradcheckCommand gradcheck = new GradcheckCommand();
    new CommandLine(gradcheck).parseArgs();
    assertEquals(TrainingSettings.defaults().network(), gradcheck.network.spec());
    assertEquals(TrainingSettings.defaults().seed(), gradcheck.seedOption.seed);
    assertEquals(CheckOptions.defaults().epsilon(), gradcheck.epsilon);
  }

  @Test
  void lrFindSweepsTheFindersDefaultRange() {
    LrFindCommand lrFind = new LrFindCommand();
    new CommandLine(lrFind).parseArgs();
    LearningRateFinder.Settings s = LearningRateFinder.Settings.defaults();
    assertEquals(s.lrMin(), lrFind.lrMin);
    assertEquals(s.lrMax(), lrFind.lrMax);
    assertEquals(s.steps(), lrFind.steps);
  }

  @Test
  void helpShowsTheDefaultsAsTheyAreTyped() {
    String help = new CommandLine(new TrainCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    assertTrue(help.contains("(default: 20,7)"), help);
    assertTrue(help.contains("ε of RMSprop, AdaGrad and Adam (default: 1e-8)."), help);
    assertTrue(help.contains("Learning rate (default: 0.001)."), help);
    assertTrue(help.contains("AdamW's decoupled weight decay (default: 0.01)."), help);
  }
}
