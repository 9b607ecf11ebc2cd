package dev.descent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The float64 reference fixtures, read at run time from {@code ../shared/golden/} when it exists
 * (so regenerated fixtures are picked up), else from the copy in the test resources.
 */
public final class Golden {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Golden() {}

  /** The directory with the shared fixtures, or null when only the bundled copy is available. */
  public static Path sharedDirectory() {
    String shared = System.getProperty("descent.shared");
    Path dir = shared != null ? Path.of(shared, "golden") : Path.of("..", "..", "shared", "golden");
    return Files.isDirectory(dir) ? dir : null;
  }

  public static JsonNode load(String file) {
    try {
      Path dir = sharedDirectory();
      if (dir != null && Files.exists(dir.resolve(file))) {
        return JSON.readTree(dir.resolve(file).toFile());
      }
      try (InputStream in = Golden.class.getResourceAsStream("/golden/" + file)) {
        if (in == null) {
          throw new IllegalStateException("golden fixture " + file + " is neither in ../shared/golden nor in test resources");
        }
        return JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An array node {@code {"shape": [...], "data": [...]}} as a matrix; a vector becomes 1 × n. */
  public static Matrix matrix(JsonNode node, Precision precision) {
    JsonNode shape = node.get("shape");
    int rows = shape.size() == 1 ? 1 : shape.get(0).asInt();
    int cols = shape.size() == 1 ? shape.get(0).asInt() : shape.get(1).asInt();
    double[] data = doubles(node.get("data"));
    return Matrix.of(precision, rows, cols, data);
  }

  /** A vector node as an m × 1 column (labels). */
  public static Matrix column(JsonNode node, Precision precision) {
    double[] data = doubles(node.has("data") ? node.get("data") : node);
    return Matrix.of(precision, data.length, 1, data);
  }

  public static double[] doubles(JsonNode array) {
    JsonNode a = array.has("data") ? array.get("data") : array;
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  /** Relative closeness as the fixtures promise: |a − b| ≤ tol·max(1, |b|) element-wise. */
  public static void assertClose(Matrix expected, Matrix actual, double tolerance, String what) {
    if (!expected.sameShape(actual)) {
      throw new AssertionError(what + ": shape " + actual.shape() + ", expected " + expected.shape());
    }
    for (int k = 0; k < expected.size(); k++) {
      double e = expected.getFlat(k);
      double a = actual.getFlat(k);
      if (!(Math.abs(a - e) <= tolerance * Math.max(1, Math.abs(e)))) {
        throw new AssertionError(what + "[" + k + "]: " + a + ", expected " + e + " (tolerance " + tolerance + ")");
      }
    }
  }

  public static void assertClose(double expected, double actual, double tolerance, String what) {
    if (!(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)))) {
      throw new AssertionError(what + ": " + actual + ", expected " + expected + " (tolerance " + tolerance + ")");
    }
  }
}
