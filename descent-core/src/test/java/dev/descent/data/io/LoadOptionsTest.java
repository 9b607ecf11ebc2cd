package dev.descent.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LoadOptionsTest {

  static void fails(String message, Executable build) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, build).getMessage());
  }

  @Test
  void defaults() {
    LoadOptions o = LoadOptions.defaults();
    assertEquals(Optional.empty(), o.labelColumn());
    assertEquals(List.of(), o.classNames());
    assertEquals(false, o.regression());
    assertEquals(Optional.empty(), o.labelsFile());
    assertEquals(Optional.empty(), o.hdf5Features());
    assertEquals("X", o.matFeatures());
    assertEquals("y", o.matLabels());
  }

  @Test
  void withersSetOneField() {
    LoadOptions o = LoadOptions.defaults().withLabelsFile(Path.of("y.npy")).withHdf5("a", "b")
        .withLabelColumn("3");
    assertEquals(Optional.of(Path.of("y.npy")), o.labelsFile());
    assertEquals(Optional.of("a"), o.hdf5Features());
    assertEquals(Optional.of("b"), o.hdf5Labels());
    assertEquals(Optional.of(3), o.labelColumnNumber());
    assertEquals(Optional.empty(), o.withLabelColumn("species").labelColumnNumber());
  }

  @Test
  void badOptionsAreRefused() {
    LoadOptions d = LoadOptions.defaults();
    fails("classes [cat]: give at least 2 class names", () -> d.withClassNames(List.of("cat")));
    fails("classes [a, b, a]: a class name appears twice", () -> d.withClassNames(List.of("a", "b", "a")));
    fails("class name ' ': must not be blank", () -> d.withClassNames(List.of("a", " ")));
    fails("classes [a, b]: class names and regression exclude each other; drop one",
        () -> d.withRegression(true).withClassNames(List.of("a", "b")));
    fails("label column 0: columns are numbered from 1", () -> d.withLabelColumn("0"));
    fails("label column '': must not be blank", () -> d.withLabelColumn(""));
    fails("MAT features variable '': must not be blank", () -> d.withMat("", "y"));
  }
}
