package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import dev.descent.run.DataSource;
import dev.descent.tensor.Matrix;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code descent export --format onnx} run by ONNX Runtime: on the whole data set, raw features
 * in, the probabilities equal {@code descent predict}'s to 1e-5 and the labels are the same, for
 * a binary model, a softmax model, a batch-norm model and an L2 + dropout model (between them
 * every activation), and a regression model's predictions too.
 */
class OnnxExportTest {
  static final double TOLERANCE = 1e-5;

  @TempDir
  Path dir;

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of("binary", "moons", List.of("--hidden", "8,4", "--activation", "leaky-relu")),
        Arguments.of("softmax", "spiral", List.of("--classes", "3", "--hidden", "16", "--activation", "tanh")),
        Arguments.of("batch-norm", "spiral", List.of("--classes", "3", "--hidden", "16,8", "--batch-norm")),
        Arguments.of("l2-dropout", "moons", List.of("--hidden", "12", "--activation", "sigmoid", "--l2", "0.7",
            "--keep-prob", "0.8")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void onnxRuntimeGivesTheProbabilitiesAndLabelsOfDescentPredict(String name, String data, List<String> options)
      throws OrtException {
    Path model = train(data, options);
    Path onnx = dir.resolve(name + ".onnx");
    String said = Cli.run("export", "--model", model.toString(), "--out", onnx.toString()).ok().out();
    assertTrue(said.startsWith("wrote " + onnx + ": ONNX opset 17, input features (batch × 2 float32), outputs probabilities, label"), said);

    Model m = ModelFile.read(model);
    Matrix x = DataSource.loadForModel(data, m).features();
    String[] csv = Cli.run("predict", "--model", model.toString(), "--data", data).ok().out().split("\n");
    try (OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx.toString(), new OrtSession.SessionOptions());
         OnnxTensor input = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), floats(x));
         OrtSession.Result result = session.run(Map.of("features", input))) {
      float[][] probabilities = (float[][]) result.get("probabilities").orElseThrow().getValue();
      long[] labels = (long[]) result.get("label").orElseThrow().getValue();
      Matrix descent = m.predict(x);
      assertEquals(x.rows(), csv.length - 1);
      for (int i = 0; i < x.rows(); i++) {
        String[] row = csv[i + 1].split(",");
        assertEquals(m.classNames().get((int) labels[i]), row[0], "label of example " + (i + 1));
        for (int c = 0; c < probabilities[i].length; c++) {
          double expected = descent.cols() == 1 ? (c == 0 ? 1 - descent.get(i, 0) : descent.get(i, 0)) : descent.get(i, c);
          assertEquals(expected, probabilities[i][c], TOLERANCE, "example " + (i + 1) + " class " + c);
          assertEquals(Double.parseDouble(row[c + 1]), probabilities[i][c], TOLERANCE, "predict's p of example " + (i + 1));
        }
      }
      Map<String, String> meta = session.getMetadata().getCustomMetadata();
      assertEquals(json(m.featureNames()), meta.get("feature_names"));
      assertEquals(json(m.classNames()), meta.get("class_names"));
    }
  }

  @Test
  void aRegressionModelHasItsPredictionsAsTheOnlyOutput() throws Exception {
    StringBuilder csv = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 200; i++) {
      double a = Math.sin(i) * 3;
      double b = Math.cos(i * 0.7) + 10;
      csv.append(a).append(',').append(b).append(',').append(a * a - 2 * b).append('\n');
    }
    Path data = java.nio.file.Files.writeString(dir.resolve("r.csv"), csv);
    Path model = train(data.toString(), List.of("--regression", "--hidden", "6"));
    Path onnx = dir.resolve("regression.onnx");
    Cli.run("export", "--model", model.toString(), "--out", onnx.toString()).ok();
    Model m = ModelFile.read(model);
    Matrix x = DataSource.loadForModel(data.toString(), m).features();
    try (OrtSession session = OrtEnvironment.getEnvironment().createSession(onnx.toString(), new OrtSession.SessionOptions());
         OnnxTensor input = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), floats(x));
         OrtSession.Result result = session.run(Map.of("features", input))) {
      assertEquals(List.of("predictions"), List.copyOf(session.getOutputNames()));
      float[][] predictions = (float[][]) result.get("predictions").orElseThrow().getValue();
      Matrix descent = m.predict(x);
      for (int i = 0; i < x.rows(); i++) {
        assertEquals(descent.get(i, 0), predictions[i][0], TOLERANCE, "example " + (i + 1));
      }
    }
  }

  private Path train(String data, List<String> options) {
    Path out = dir.resolve("out-" + Math.abs((data + options).hashCode()));
    List<String> args = new java.util.ArrayList<>(List.of("train", "--data", data, "--epochs", "30", "--out", out.toString()));
    args.addAll(options);
    Cli.run(args.toArray(String[]::new)).ok();
    return out.resolve("model.descent");
  }

  static float[][] floats(Matrix x) {
    float[][] out = new float[x.rows()][x.cols()];
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < x.cols(); j++) {
        out[i][j] = (float) x.get(i, j);
      }
    }
    return out;
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
