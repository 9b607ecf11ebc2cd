package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a model trained on columns a,b evaluated a file headed b,a silently, with the columns
 * swapped. Named columns are now matched by name (and the reordering said); refusals are in
 * hostile/cases.tsv (evaluate-columns-missing-and-unknown, predict-columns-unknown).
 */
class ColumnNamesTest {
  @TempDir
  Path dir;

  @Test
  void swappedColumnsAreMatchedByNameAndTheReorderingIsSaid() throws IOException {
    StringBuilder ab = new StringBuilder("a,b,y\n");
    StringBuilder ba = new StringBuilder("b,a,y\n");
    StringBuilder baUnlabelled = new StringBuilder("b,a\n");
    StringBuilder abUnlabelled = new StringBuilder("a,b\n");
    for (int i = 0; i < 60; i++) {
      double a = i % 7;
      double b = (i * 3) % 5 - 2;
      int y = a > 3 ? 1 : 0;
      ab.append(a).append(',').append(b).append(',').append(y).append('\n');
      ba.append(b).append(',').append(a).append(',').append(y).append('\n');
      abUnlabelled.append(a).append(',').append(b).append('\n');
      baUnlabelled.append(b).append(',').append(a).append('\n');
    }
    Path train = Files.writeString(dir.resolve("ab.csv"), ab);
    Path swapped = Files.writeString(dir.resolve("ba.csv"), ba);
    Cli.run("train", "--data", train.toString(), "--hidden", "4", "--epochs", "20", "--lr", "0.05", "--out", dir.resolve("out").toString()).ok();
    String model = dir.resolve("out/model.descent").toString();

    Cli.Result same = Cli.run("evaluate", "--model", model, "--data", train.toString(), "--json").ok();
    Cli.Result reordered = Cli.run("evaluate", "--model", model, "--data", swapped.toString(), "--json").ok();
    assertEquals(same.json().get("test"), reordered.json().get("test"));
    assertEquals("descent: warning: " + swapped + ": columns b, a matched to the model's features a, b by name (reordered)",
        reordered.err().strip());

    Path abFile = Files.writeString(dir.resolve("ab-x.csv"), abUnlabelled);
    Path baFile = Files.writeString(dir.resolve("ba-x.csv"), baUnlabelled);
    Cli.Result predicted = Cli.run("predict", "--model", model, "--data", abFile.toString()).ok();
    Cli.Result predictedSwapped = Cli.run("predict", "--model", model, "--data", baFile.toString()).ok();
    assertEquals(predicted.out(), predictedSwapped.out());
    assertEquals("descent: warning: " + baFile + ": columns b, a matched to the model's features a, b by name (reordered)",
        predictedSwapped.err().strip());
  }
}
