package dev.descent.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.DescentException;
import dev.descent.autodiff.Variable;
import dev.descent.nn.Activation;
import dev.descent.nn.Init;
import dev.descent.nn.Loss;
import dev.descent.nn.Network;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The float64 reference fixtures (numpy, seed 1) the gradient-check lab runs on: read from the
 * shared directory when it is there ({@code -Ddescent.shared=DIR}, {@code ../shared/golden} or
 * {@code ../../shared/golden}), so regenerated fixtures are picked up, else from the copy
 * shipped in the jar.
 *
 * <pre>{@code
 * GoldenFixtures.load("dense_binary.json").get("cost").asDouble();   // 0.6130324066937114
 * }</pre>
 */
record GoldenFixtures(JsonNode json, String source) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static GoldenFixtures load(String file) {
    try {
      for (Path dir : directories()) {
        Path p = dir.resolve(file);
        if (Files.isRegularFile(p)) {
          return new GoldenFixtures(JSON.readTree(p.toFile()), p.toString());
        }
      }
      try (InputStream in = GoldenFixtures.class.getResourceAsStream("golden/" + file)) {
        if (in == null) {
          throw new IllegalStateException("fixture " + file + " is missing from the jar; rebuild descent-cli");
        }
        return new GoldenFixtures(JSON.readTree(in), "the copy of " + file + " in the descent jar");
      }
    } catch (IOException e) {
      throw new DescentException(file + ": cannot read the fixture (" + e.getMessage() + ")");
    }
  }

  private static List<Path> directories() {
    List<Path> dirs = new ArrayList<>();
    String shared = System.getProperty("descent.shared");
    if (shared != null) {
      dirs.add(Path.of(shared, "golden"));
    }
    dirs.add(Path.of("..", "shared", "golden"));
    dirs.add(Path.of("..", "..", "shared", "golden"));
    return dirs;
  }

  /** {@code {"shape": [...], "data": [...]}} as a float64 matrix; a vector becomes 1 × n. */
  static Matrix matrix(JsonNode node) {
    JsonNode shape = node.get("shape");
    JsonNode data = node.get("data");
    int rows = shape.size() == 1 ? 1 : shape.get(0).asInt();
    int cols = shape.size() == 1 ? shape.get(0).asInt() : shape.get(1).asInt();
    double[] values = new double[data.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = data.get(i).asDouble();
    }
    return Matrix.of(Precision.F64, rows, cols, values);
  }

  /** dense_binary.json's [4,5,3,1] relu/relu/sigmoid network with its parameters, in float64. */
  Network denseBinaryNetwork() {
    Network net = Network.builder(4, Precision.F64, Rng.of(1))
        .dense(5, Init.zeros()).activation(Activation.RELU)
        .dense(3, Init.zeros()).activation(Activation.RELU)
        .dense(1, Init.zeros()).loss(Loss.BINARY_CROSS_ENTROPY).build();
    for (Variable v : net.parameters()) {
      v.value().copyFrom(matrix(json.get("params").get(v.name())));
    }
    return net;
  }

  /** dense_binary.json's examples X, 7 × 4. */
  Matrix x() {
    return matrix(json.get("X"));
  }

  /** dense_binary.json's labels Y as a 7 × 1 column. */
  Matrix y() {
    Matrix row = matrix(json.get("Y"));
    return Matrix.of(Precision.F64, row.size(), 1, row.toArray());
  }
}
