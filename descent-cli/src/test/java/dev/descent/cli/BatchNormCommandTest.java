package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.data.Dataset;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.nn.BatchNorm;
import dev.descent.nn.Layer;
import dev.descent.run.DataRequest;
import dev.descent.run.DataSource;
import dev.descent.run.PreparedData;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.train.Evaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent train --batch-norm}: the layers it builds, the saved model, and training batches of one. */
class BatchNormCommandTest {
  @TempDir
  Path dir;

  @Test
  void batchNormFollowsEveryHiddenDenseLayerAndTheSavedModelScoresAsTrained() {
    JsonNode json = Cli.run("train", "--data", "spiral", "--classes", "3", "--hidden", "16,8", "--batch-norm",
        "--epochs", "40", "--lr", "0.01", "--out", dir.toString(), "--json").ok().json();
    Model model = ModelFile.read(dir.resolve("model.descent"));
    List<String> kinds = new ArrayList<>();
    for (Layer l : model.network().layers()) {
      kinds.add(l.spec().kind() + (l.spec().settings().containsKey("bias") ? " bias=" + l.spec().settings().get("bias") : ""));
    }
    assertEquals(List.of("dense bias=false", "batch_norm", "activation", "dense bias=false", "batch_norm", "activation",
        "dense bias=true"), kinds);
    assertEquals(Boolean.TRUE, model.settings().get("batch_norm"));
    // the same split and standardization as train, scored by the loaded model in inference mode
    Dataset all = DataSource.load(new DataRequest("spiral", null, null, null, List.of("3"), 300, Double.NaN, 3));
    PreparedData data = PreparedData.prepare(all, null, new double[] {60, 20, 20}, true, 1);
    Evaluation test = Evaluation.of(model.network(), data.test());
    assertEquals(json.get("test").get("accuracy").asDouble(), test.accuracy());
    assertEquals(json.get("test").get("cost").asDouble(), test.cost(), 1e-7);
    assertTrue(json.get("train").get("accuracy").asDouble() > 0.9, "batch norm trains the spiral: " + json.get("train"));
    // the running statistics travelled: one example alone gets the prediction it gets among all
    Matrix one = Matrix.fromRows(Precision.F64, new double[][] {((Dataset) data.test()).features().row(0)});
    Matrix alone = model.network().predict(one);
    for (int j = 0; j < 3; j++) {
      assertEquals(test.outputs().get(0, j), alone.get(0, j), 1e-6);
    }
  }

  @Test
  void aTrainingBatchOfOneWithBatchNormIsAUsageError() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--batch-norm", "--batch-size", "1", "--epochs", "1",
        "--out", dir.toString());
    assertEquals(2, r.code());
    assertEquals("descent: batch norm in layer 1 needs at least 2 examples per training batch to estimate statistics;"
        + " got a batch of 1 (use --batch-size ≥ 2)\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void aLastBatchOfOneExampleJoinsThePreviousBatch() {
    // 300 spiral examples at 60/20/20 leave 180 for training: batches of 179 would end with 1
    Cli.Result r = Cli.run("train", "--data", "spiral", "--batch-norm", "--batch-size", "179", "--epochs", "2",
        "--out", dir.toString(), "--json").ok();
    assertEquals(2, r.json().get("epochs").asInt());
  }

  @Test
  void withoutTheOptionTheNetworkHasNoBatchNorm() {
    Cli.run("train", "--data", "moons", "--hidden", "4", "--epochs", "1", "--out", dir.toString(), "--json").ok();
    Model model = ModelFile.read(dir.resolve("model.descent"));
    assertTrue(model.network().layers().stream().noneMatch(l -> l instanceof BatchNorm));
    assertEquals(Boolean.FALSE, model.settings().get("batch_norm"));
  }
}
