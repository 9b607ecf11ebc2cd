package dev.descent.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.tensor.F32Matrix;
import dev.descent.tensor.Precision;
import dev.descent.tensor.Rng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel parser gives FastCSV's path's data sets and errors, in any number of chunks. */
class ParallelCsvParserTest {
  @TempDir
  Path dir;

  /** A random CSV: header or not, label column anywhere, text or whole-number labels, CRLF, blank lines. */
  record Shape(boolean header, int columns, int labelIndex, boolean textLabels, boolean crlf, boolean regression) {
    static Shape random(Rng rng) {
      int columns = 2 + rng.nextInt(5);
      return new Shape(rng.nextDouble() < 0.5, columns, rng.nextInt(columns), rng.nextDouble() < 0.5,
          rng.nextDouble() < 0.5, rng.nextDouble() < 0.25);
    }

    LoadOptions options(Precision precision) {
      LoadOptions o = LoadOptions.defaults().withPrecision(precision).withRegression(regression);
      return labelIndex == columns - 1 ? o : o.withLabelColumn(Integer.toString(labelIndex + 1));
    }
  }

  static String text(Shape shape, int rows, Rng rng) {
    String end = shape.crlf() ? "\r\n" : "\n";
    StringBuilder sb = new StringBuilder(rng.nextDouble() < 0.3 ? "\uFEFF" : "");
    if (shape.header()) {
      for (int j = 0; j < shape.columns(); j++) {
        sb.append(j == 0 ? "" : ",").append(j == shape.labelIndex() ? "label" : "f" + j);
      }
      sb.append(end);
    }
    String[] names = {"cat", "dog", "bird", "ünïcode fish"};
    for (int i = 0; i < rows; i++) {
      if (rng.nextDouble() < 0.1) {
        sb.append(end);   // a blank line
      }
      for (int j = 0; j < shape.columns(); j++) {
        sb.append(j == 0 ? "" : ",").append(rng.nextDouble() < 0.1 ? " " : "");
        if (j != shape.labelIndex()) {
          sb.append(number(rng));
        } else if (shape.regression()) {
          sb.append(number(rng));
        } else if (shape.textLabels()) {
          sb.append(names[(i + rng.nextInt(3)) % names.length]);
        } else {
          sb.append(rng.nextInt(4) == 0 ? "10" : rng.nextInt(3));
        }
      }
      sb.append(i == rows - 1 && rng.nextDouble() < 0.5 ? "" : end);
    }
    return sb.toString();
  }

  static String number(Rng rng) {
    double v = rng.nextGaussian() * Math.pow(10, rng.nextInt(12) - 6);
    return switch (rng.nextInt(4)) {
      case 0 -> Double.toString(v);
      case 1 -> Float.toString((float) v);
      case 2 -> String.format("%.7g", v);
      default -> Long.toString(Math.round(v));
    };
  }

  /** The data set, or the message of the error (one class only, say). */
  static Object outcome(java.util.function.Supplier<Dataset> load) {
    try {
      return load.get();
    } catch (DescentException e) {
      return e.getMessage();
    }
  }

  Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("data.csv"), text, StandardCharsets.UTF_8);
  }

  static Dataset parallel(Path file, LoadOptions options, int chunks) {
    return ParallelCsvParser.read(InputFile.open(file), options, chunks).orElseThrow();
  }

  static Dataset fastCsv(Path file, LoadOptions options) {
    return CsvLoader.readQuoted(InputFile.open(file), options);
  }

  @Test
  void generatedFilesGiveTheSameDataSetsAsFastCsvInAnyNumberOfChunks() throws IOException {
    for (int seed = 1; seed <= 40; seed++) {
      Rng rng = Rng.of(seed);
      Shape shape = Shape.random(rng);
      Path file = write(text(shape, 1 + rng.nextInt(200), rng));
      for (Precision precision : Precision.values()) {
        LoadOptions options = shape.options(precision);
        Object expected = outcome(() -> fastCsv(file, options));
        if (expected instanceof Dataset d) {
          assertEquals(precision, d.features().precision());
        }
        for (int chunks : new int[] {1, 3, 17}) {
          assertEquals(expected, outcome(() -> parallel(file, options, chunks)),
              "seed " + seed + ", " + shape + ", " + chunks + " chunks");
        }
      }
    }
  }

  @Test
  void float32FeaturesAreTheFloat64ValuesRoundedOnce() throws IOException {
    Path file = write("0.1,1e-40,3.4028234e38,1\n-2.718281828459045,7,0,0\n");
    Dataset f64 = parallel(file, LoadOptions.defaults(), 2);
    Dataset f32 = parallel(file, LoadOptions.defaults().withPrecision(Precision.F32), 2);
    float[] values = ((F32Matrix) f32.features()).values;
    for (int k = 0; k < values.length; k++) {
      assertEquals((float) f64.features().getFlat(k), values[k]);
    }
    assertEquals(0.1f, values[0]);
  }

  @Test
  void aValueBeyondFloat32KeepsTheFeaturesInFloat64() throws IOException {
    Path file = write("a,y\n1,0\n1e300,1\n");
    Dataset d = new CsvLoader().load(file, LoadOptions.defaults().withPrecision(Precision.F32));
    assertEquals(Precision.F64, d.features().precision());
    assertEquals(1e300, d.features().get(1, 0));
  }

  @Test
  void labelsOfLaterChunksKeepTheOrderOfFirstAppearance() throws IOException {
    StringBuilder sb = new StringBuilder("x,kind\n");
    String[] kinds = {"b", "a", "c"};
    for (int i = 0; i < 300; i++) {
      sb.append(i).append(',').append(kinds[Math.min(2, i / 100)]).append('\n');
    }
    sb.append("1,a\n");
    Dataset d = parallel(write(sb.toString()), LoadOptions.defaults(), 5);
    assertEquals(List.of("b", "a", "c"), d.classNames());
    assertEquals(0, d.label(0));
    assertEquals(1, d.label(100));
    assertEquals(2, d.label(299));
    assertEquals(1, d.label(300));
  }

  /** The same message as FastCSV's path, whichever chunk the first error falls in. */
  @Test
  void errorsMatchFastCsvsWithLineAndColumn() throws IOException {
    String[] bad = {"1,,0", "1,NaN,0", "1,abc,0", "1,2", "1,2,0,4", "1,-inf,x", "1,1e999,0", "1,0x1p3,0"};
    for (int seed = 1; seed <= 16; seed++) {
      Rng rng = Rng.of(seed);
      StringBuilder sb = new StringBuilder("a,b,y\n");
      int at = rng.nextInt(120);
      for (int i = 0; i < 120; i++) {
        sb.append(i == at ? bad[seed % bad.length] : i + ",2.5," + (i % 2)).append(i % 7 == 0 ? "\n\n" : "\n");
      }
      sb.append("1,1,").append(bad[seed % bad.length]).append('\n');   // a later error must not win
      Path file = write(sb.toString());
      String expected = assertThrows(DescentException.class, () -> fastCsv(file, LoadOptions.defaults())).getMessage();
      for (int chunks : new int[] {1, 4, 13}) {
        assertEquals(expected, assertThrows(DescentException.class,
            () -> parallel(file, LoadOptions.defaults(), chunks)).getMessage(), "seed " + seed);
      }
    }
  }

  @Test
  void labelErrorsNameTheLineOfTheFirstBadLabel() throws IOException {
    StringBuilder sb = new StringBuilder("a,y\n");
    for (int i = 0; i < 50; i++) {
      sb.append(i).append(',').append(i == 37 ? "0.5" : i % 2).append('\n');
    }
    Path file = write(sb.toString());
    assertEquals(file + " line 39 column 2: label 0.5 is not a whole number; class labels are whole numbers or"
        + " names (for numeric targets use --regression)",
        assertThrows(DescentException.class, () -> parallel(file, LoadOptions.defaults(), 6)).getMessage());
  }

  @Test
  void quotesAndLoneCarriageReturnsAreLeftToFastCsv() throws IOException {
    assertTrue(ParallelCsvParser.read(InputFile.open(write("a,\"b\",y\n1,2,0\n")), LoadOptions.defaults(), 1).isEmpty());
    assertTrue(ParallelCsvParser.read(InputFile.open(write("1,2,0\r3,4,1\r")), LoadOptions.defaults(), 1).isEmpty());
  }
}
