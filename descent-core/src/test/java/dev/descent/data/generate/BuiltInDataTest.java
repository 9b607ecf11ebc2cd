package dev.descent.data.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.data.Dataset;
import dev.descent.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInDataTest {

  @Test
  void namesAreListedInHelpOrder() {
    assertEquals(List.of("moons", "circles", "blobs", "spiral", "flower", "football", "course-circles", "course-moons", "course-football"), BuiltInData.names());
  }

  @Test
  void everyNameGeneratesItsDefaultSize() {
    int[] sizes = {200, 200, 300, 300, 400, 400};
    for (int i = 0; i < sizes.length; i++) {
      String name = BuiltInData.names().get(i);
      Dataset d = BuiltInData.generate(name, GeneratorOptions.seed(1));
      assertEquals(sizes[i], d.size(), name);
      assertEquals(name, d.name());
    }
  }

  @Test
  void optionsReachTheGeneratorWithTheSeed() {
    Dataset d = BuiltInData.generate("spiral",
        GeneratorOptions.seed(3).withClasses(4).withExamples(80).withNoise(0.1));
    assertArrayEquals(Generators.spiral(80, 4, 0.1, Rng.of(3)).features().toArray(),
        d.features().toArray());
    Dataset moons = BuiltInData.generate("moons", GeneratorOptions.seed(5).withNoise(0.3));
    assertArrayEquals(Generators.moons(200, 0.3, Rng.of(5)).features().toArray(),
        moons.features().toArray());
    Dataset blobs = BuiltInData.generate("blobs", GeneratorOptions.seed(2).withNoise(2.0));
    assertArrayEquals(Generators.blobs(300, 3, 2.0, Rng.of(2)).features().toArray(),
        blobs.features().toArray());
  }

  @Test
  void unknownNameListsTheValidOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BuiltInData.generate("moon", GeneratorOptions.seed(1)));
    assertEquals("unknown data set 'moon'; the built-in data sets are moons, circles, blobs, spiral, "
        + "flower, football, course-circles, course-moons, course-football", e.getMessage());
  }

  @Test
  void classCountForATwoClassSetIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BuiltInData.generate("moons", GeneratorOptions.seed(1).withClasses(3)));
    assertEquals("classes = 3: moons has 2 classes; a class count applies to blobs and spiral",
        e.getMessage());
  }

  @Test
  void badValuesFailInTheGeneratorsOptions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BuiltInData.generate("spiral", GeneratorOptions.seed(1).withClasses(1)));
    assertEquals("spiral classes = 1: must be at least 2", e.getMessage());
  }
}
