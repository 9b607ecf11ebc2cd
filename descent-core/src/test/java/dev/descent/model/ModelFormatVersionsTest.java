package dev.descent.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.nn.Loss;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model files of every released format version stay loadable. */
class ModelFormatVersionsTest {

  static Path resource(String name) throws URISyntaxException {
    return Path.of(ModelFormatVersionsTest.class.getResource("/models/" + name).toURI());
  }

  @Test
  void version1BinaryModelFromACsvLoadsAndPredicts() throws URISyntaxException {
    // written by `descent train --data small.csv --hidden 4 --epochs 20` (string labels cat/dog)
    Model m = ModelFile.read(resource("v1-binary-csv.descent"));
    assertEquals(List.of("cat", "dog"), m.classNames());
    assertEquals(List.of("a", "b"), m.featureNames());
    assertEquals(Loss.BINARY_CROSS_ENTROPY, m.network().loss());
    assertEquals(2, m.network().inputs());
    assertEquals(17, m.network().parameterCount());
    Matrix p = m.predict(Matrix.of(Precision.F64, 1, 2, 1, 2));
    assertEquals(0.334061, 1 - p.get(0, 0), 1e-6);
  }
}
