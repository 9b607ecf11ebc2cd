package dev.descent.data.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class GeneratorOptionsTest {

  static void fails(String message, Executable construct) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, construct).getMessage());
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertEquals(new MoonsOptions(200, 0.2), MoonsOptions.defaults());
    assertEquals(new CirclesOptions(200, 0.05, 0.5), CirclesOptions.defaults());
    assertEquals(new BlobsOptions(300, 3, 2, 1.0), BlobsOptions.defaults());
    assertEquals(new SpiralOptions(300, 3, 0.2), SpiralOptions.defaults());
    assertEquals(new FlowerOptions(400, 0.2), FlowerOptions.defaults());
    assertEquals(new FootballOptions(400, 0.05), FootballOptions.defaults());
  }

  @Test
  void withersChangeOneField() {
    assertEquals(new MoonsOptions(50, 0.2), MoonsOptions.defaults().withExamples(50));
    assertEquals(new CirclesOptions(200, 0.05, 0.8), CirclesOptions.defaults().withFactor(0.8));
    assertEquals(new BlobsOptions(300, 3, 5, 1.0), BlobsOptions.defaults().withFeatures(5));
    assertEquals(new BlobsOptions(300, 3, 2, 2.5), BlobsOptions.defaults().withSpread(2.5));
    assertEquals(new SpiralOptions(300, 6, 0.2), SpiralOptions.defaults().withClasses(6));
    assertEquals(new FootballOptions(400, 0.2), FootballOptions.defaults().withLabelNoise(0.2));
  }

  @Test
  void badValuesAreRefusedWithTheValueAndTheRange() {
    fails("moons examples = 1: must be at least 2 (one per class)", () -> new MoonsOptions(1, 0.2));
    fails("moons noise = NaN: must be a finite number ≥ 0", () -> new MoonsOptions(10, Double.NaN));
    fails("circles noise = -0.1: must be a finite number ≥ 0", () -> new CirclesOptions(10, -0.1, 0.5));
    fails("circles factor = 1.0: must be in (0, 1) (the inner radius as a fraction of the outer one)",
        () -> new CirclesOptions(10, 0.1, 1.0));
    fails("blobs classes = 1: must be at least 2", () -> new BlobsOptions(10, 1, 2, 1));
    fails("blobs examples = 3: must be at least 4 (one per class)", () -> new BlobsOptions(3, 4, 2, 1));
    fails("blobs features = 0: must be at least 1", () -> new BlobsOptions(10, 2, 0, 1));
    fails("blobs spread = Infinity: must be a finite number ≥ 0",
        () -> new BlobsOptions(10, 2, 2, Double.POSITIVE_INFINITY));
    fails("spiral examples = 2: must be at least 3 (one per class)", () -> new SpiralOptions(2, 3, 0.2));
    fails("flower noise = -1.0: must be a finite number ≥ 0", () -> new FlowerOptions(10, -1));
    fails("football label noise = 0.5: must be in [0, 0.5) (the flipped fraction far from the boundary)",
        () -> new FootballOptions(10, 0.5));
  }
}
