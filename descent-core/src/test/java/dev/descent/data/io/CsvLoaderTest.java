package dev.descent.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
  @TempDir
  Path dir;

  Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  static Dataset load(Path file, LoadOptions options) {
    return new CsvLoader().load(file, options);
  }

  static DescentException fails(Path file, LoadOptions options) {
    return assertThrows(DescentException.class, () -> load(file, options));
  }

  @Test
  void headerAndStringLabelsGiveClassesInOrderOfFirstAppearance() throws IOException {
    Path f = write("iris.csv", "sepal,petal,species\n1,2,setosa\n3.5,-4e-1,versicolor\n5,6,setosa\n7,8,virginica\n");
    Dataset d = load(f, LoadOptions.defaults());
    assertEquals("iris.csv", d.name());
    assertEquals(List.of("sepal", "petal"), d.featureNames());
    assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
    assertArrayEquals(new double[] {1, 2, 3.5, -0.4, 5, 6, 7, 8}, d.features().toArray());
    assertArrayEquals(new int[] {0, 1, 0, 2}, d.labels());
    assertEquals(3, d.targets().cols());   // one-hot
  }

  @Test
  void withoutHeaderNumericZeroOneLabelsAreBinary() throws IOException {
    Path f = write("b.csv", "1,2,1\n3,4,0\n\n5,6,1\n");
    Dataset d = load(f, LoadOptions.defaults());
    assertEquals(List.of("x1", "x2"), d.featureNames());
    assertEquals(List.of("0", "1"), d.classNames());
    assertArrayEquals(new double[] {1, 0, 1}, d.targets().toArray());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, d.features().toArray());
  }

  @Test
  void numericLabelsAreSortedNumericallyAndWrittenAsWholeNumbers() throws IOException {
    Path f = write("n.csv", "1,10\n2,2\n3,1.0\n4,2\n");
    Dataset d = load(f, LoadOptions.defaults());
    assertEquals(List.of("1", "2", "10"), d.classNames());
    assertArrayEquals(new int[] {2, 1, 0, 1}, d.labels());
  }

  @Test
  void aBinaryFileWithOneClassStaysBinary() throws IOException {
    Dataset d = load(write("ones.csv", "1,1\n2,1\n"), LoadOptions.defaults());
    assertEquals(List.of("0", "1"), d.classNames());
    assertArrayEquals(new int[] {1, 1}, d.labels());
  }

  @Test
  void labelColumnByNameOrNumber() throws IOException {
    Path named = write("named.csv", "label,a,b\ncat,1,2\ndog,3,4\n");
    Dataset d = load(named, LoadOptions.defaults().withLabelColumn("label"));
    assertEquals(List.of("a", "b"), d.featureNames());
    assertArrayEquals(new double[] {1, 2, 3, 4}, d.features().toArray());
    assertEquals(List.of("cat", "dog"), d.classNames());
    Path numbered = write("numbered.csv", "0,1,2\n1,3,4\n");
    Dataset e = load(numbered, LoadOptions.defaults().withLabelColumn("1"));
    assertArrayEquals(new double[] {1, 2, 3, 4}, e.features().toArray());
    assertArrayEquals(new int[] {0, 1}, e.labels());
  }

  @Test
  void aHeaderNamedLabelColumnMayHoldNumbers() throws IOException {
    Path f = write("h.csv", "y,x1\n1,5\n0,6\n");
    Dataset d = load(f, LoadOptions.defaults().withLabelColumn("y"));
    assertEquals(List.of("x1"), d.featureNames());
    assertArrayEquals(new double[] {5, 6}, d.features().toArray());
    assertArrayEquals(new int[] {1, 0}, d.labels());
  }

  @Test
  void regressionKeepsNumericTargets() throws IOException {
    Dataset d = load(write("r.csv", "x,price\n1,2.5\n2,3.5\n"), LoadOptions.defaults().withRegression(true));
    assertTrue(d.classNames().isEmpty());
    assertArrayEquals(new double[] {2.5, 3.5}, d.targets().toArray());
  }

  @Test
  void givenClassNamesFixTheIndices() throws IOException {
    Path f = write("c.csv", "1,cat\n2,dog\n3,cat\n");
    Dataset d = load(f, LoadOptions.defaults().withClassNames(List.of("dog", "cat", "bird")));
    assertEquals(List.of("dog", "cat", "bird"), d.classNames());
    assertArrayEquals(new int[] {1, 0, 1}, d.labels());
  }

  @Test
  void quotedFieldsAndAByteOrderMarkAreRead() throws IOException {
    Path f = write("q.csv", "\uFEFFa,\"b\",kind\n\"1\",2,\"big, red\"\n3,4,small\n");
    Dataset d = load(f, LoadOptions.defaults());
    assertEquals(List.of("a", "b"), d.featureNames());
    assertEquals(List.of("big, red", "small"), d.classNames());
  }

  @Test
  void labelOutsideTheGivenClassesNamesLabelLineAndClasses() throws IOException {
    Path f = write("c.csv", "x,animal\n1,cat\n2,fish\n");
    DescentException e = fails(f, LoadOptions.defaults().withClassNames(List.of("dog", "cat", "bird")));
    assertEquals(f + " line 3 column 2: label 'fish' is not one of the classes [dog, cat, bird]", e.getMessage());
    assertEquals(3, e.line());
    assertEquals(2, e.column());
  }

  @Test
  void raggedRow() throws IOException {
    Path f = write("train.csv", "1,2,3\n4,5,6\n7,8\n");
    assertEquals(f + " line 3: expected 3 columns, found 2", fails(f, LoadOptions.defaults()).getMessage());
  }

  @Test
  void nonNumericCellShowsItsText() throws IOException {
    Path f = write("t.csv", "a,b,c\n1,abc,0\n");
    assertEquals(f + " line 2 column 2: value \"abc\" is not a number",
        fails(f, LoadOptions.defaults()).getMessage());
    Path hex = write("hex.csv", "1,2,0\n0x1p3,2,1\n");
    assertEquals(hex + " line 2 column 1: value \"0x1p3\" is not a number",
        fails(hex, LoadOptions.defaults()).getMessage());
  }

  @Test
  void nanOrInfinityInAFeature() throws IOException {
    Path f = write("t.csv", "1,2,3,0\n4,5,NaN,1\n");
    assertEquals(f + " line 2 column 3: value NaN is not a finite number",
        fails(f, LoadOptions.defaults()).getMessage());
    Path g = write("u.csv", "1,2,0\n-inf,5,1\n");
    assertEquals(g + " line 2 column 1: value -inf is not a finite number",
        fails(g, LoadOptions.defaults()).getMessage());
  }

  @Test
  void emptyCell() throws IOException {
    Path f = write("t.csv", "1,2,0\n4,,1\n");
    assertEquals(f + " line 2 column 2: empty value; expected a number", fails(f, LoadOptions.defaults()).getMessage());
  }

  @Test
  void nonNumericRegressionTarget() throws IOException {
    Path f = write("t.csv", "1,2\n4,cat\n");
    assertEquals(f + " line 2 column 2: target \"cat\" is not a number",
        fails(f, LoadOptions.defaults().withRegression(true)).getMessage());
  }

  @Test
  void fractionalClassLabelSuggestsRegression() throws IOException {
    Path f = write("t.csv", "1,1\n2,0.5\n");
    assertEquals(f + " line 2 column 2: label 0.5 is not a whole number; class labels are whole numbers"
        + " or names (for numeric targets use --regression)", fails(f, LoadOptions.defaults()).getMessage());
  }

  @Test
  void oneStringClassIsNotEnough() throws IOException {
    Path f = write("t.csv", "1,cat\n2,cat\n");
    assertEquals(f + ": all 2 labels are in the one class [cat]; classification needs at least 2 classes"
        + " (name them with --classes, or use --regression)", fails(f, LoadOptions.defaults()).getMessage());
  }

  @Test
  void emptyFileAndBlankLines() throws IOException {
    for (String text : new String[] {"", "\n\n"}) {
      Path f = write("empty.csv", text);
      assertEquals(f + ": is empty; expected one example per row: features, then a label",
          fails(f, LoadOptions.defaults()).getMessage());
    }
  }

  @Test
  void headerOnly() throws IOException {
    Path f = write("h.csv", "a,b,label\n");
    assertEquals(f + ": has a header row but no examples", fails(f, LoadOptions.defaults()).getMessage());
  }

  @Test
  void oneColumn() throws IOException {
    Path f = write("one.csv", "1\n2\n");
    assertEquals(f + " line 1: found 1 column; expected features and a label (at least 2 columns)",
        fails(f, LoadOptions.defaults()).getMessage());
  }

  @Test
  void labelColumnThatIsNotThere() throws IOException {
    Path f = write("h.csv", "a,b,kind\n1,2,x\n");
    assertEquals(f + " line 1: label column 'species' is not in the header; the columns are a, b, kind",
        fails(f, LoadOptions.defaults().withLabelColumn("species")).getMessage());
    Path g = write("n.csv", "1,2,0\n");
    assertEquals(g + " line 1: label column 'species' is not in the header; the file has no header (the"
        + " first row is numbers), so give the column by number",
        fails(g, LoadOptions.defaults().withLabelColumn("species")).getMessage());
    assertEquals(g + " line 1: label column 4 is past the last column (3)",
        fails(g, LoadOptions.defaults().withLabelColumn("4")).getMessage());
  }

  @Test
  void missingFileAndDirectory() {
    Path missing = dir.resolve("nope.csv");
    assertEquals(missing + ": no such file (looked in " + dir.toAbsolutePath() + ")",
        fails(missing, LoadOptions.defaults()).getMessage());
    assertEquals(dir + ": is a directory, not a data file", fails(dir, LoadOptions.defaults()).getMessage());
  }

  @Test
  void unreadableFileSaysPermissionDenied() {
    // NOTE: tests may run as root, who reads any file, so the mapping is checked directly
    Path f = dir.resolve("secret.csv");
    DescentException e = InputFile.ioError(f, new AccessDeniedException(f.toString()));
    assertEquals(f + ": cannot be read: permission denied", e.getMessage());
  }

  @Test
  void binaryGarbageIsOneClearError() throws IOException {
    byte[] garbage = new byte[300];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 37 + 11);
    }
    garbage[5] = 0;
    Path f = Files.write(dir.resolve("garbage.csv"), garbage);
    assertEquals(f + ": is not a text file (a zero byte at offset 5); expected CSV text",
        fails(f, LoadOptions.defaults()).getMessage());
    Path latin = Files.write(dir.resolve("latin.csv"), new byte[] {'1', ',', (byte) 0xE9, '\n'});
    assertEquals(latin + ": is not UTF-8 text; save the CSV as UTF-8",
        fails(latin, LoadOptions.defaults()).getMessage());
  }
}
