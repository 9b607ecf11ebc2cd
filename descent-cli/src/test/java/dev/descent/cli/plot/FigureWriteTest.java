package dev.descent.cli.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.descent.DescentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureWriteTest {
  @TempDir Path directory;

  private static Figure small() {
    return Figures.ofSize(300, 200)
        .xy(XyPlot.of("c", Axis.linear("x"), Axis.linear("y"))
            .line(Series.of("a", new double[] {1, 2})));
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writingLeavesOnlyThePngAndReplacesAnOldOne() throws IOException {
    Path file = directory.resolve("cost.png");
    Files.writeString(file, "an old, broken figure");

    small().writePng(file);

    assertEquals(List.of("cost.png"), names(directory), "no temporary file left behind");
    Png.roundTrip(small(), directory, "cost.png", 300, 200);
  }

  @Test
  void missingDirectoriesAreCreated() {
    Png.roundTrip(small(), directory.resolve("runs/1/plots"), "cost.png", 300, 200);
  }

  @Test
  void aFileInTheWayOfTheDirectoryIsAClearError() throws IOException {
    Path notADirectory = Files.writeString(directory.resolve("notes.txt"), "text");
    Path file = notADirectory.resolve("cost.png");

    DescentException e = assertThrows(DescentException.class, () -> small().writePng(file));

    assertEquals(
        file + ": cannot write the figure: " + notADirectory
            + " exists and is not a directory; choose a writable directory",
        e.getMessage());
    assertEquals(file.toString(), e.file());
    assertEquals(List.of("notes.txt"), names(directory));
  }

  @Test
  void aDirectoryAsTheTargetIsAClearError() throws IOException {
    Path target = Files.createDirectory(directory.resolve("cost.png"));

    DescentException e = assertThrows(DescentException.class, () -> small().writePng(target));

    assertEquals(
        target + ": cannot write the figure: this is a directory; give a file name ending in .png",
        e.getMessage());
  }
}
