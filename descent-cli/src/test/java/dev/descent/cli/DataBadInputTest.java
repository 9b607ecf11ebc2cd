package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad data files through {@code descent train}: one line naming file, line and column; exit 1; no model written. */
class DataBadInputTest {
  @TempDir
  Path dir;

  Cli.Result trainOn(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    return Cli.run("train", "--data", f.toString(), "--epochs", "1", "--out", dir.resolve("out").toString());
  }

  void assertDataError(Cli.Result r, String message) {
    assertEquals(1, r.code(), r.err());
    assertEquals(message, r.error());
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(dir.resolve("out").resolve("model.descent")), "no model written");
  }

  @Test
  void raggedRow() throws IOException {
    Cli.Result r = trainOn("ragged.csv", "a,b,y\n1,2,0\n3,1\n4,5,1\n");
    assertDataError(r, dir.resolve("ragged.csv") + " line 3: expected 3 columns, found 2");
  }

  @Test
  void nonNumericCell() throws IOException {
    Cli.Result r = trainOn("text.csv", "a,b,y\n1,2,0\n3,abc,1\n4,5,1\n");
    assertTrue(r.error().startsWith(dir.resolve("text.csv") + " line 3 column 2: "), r.error());
    assertTrue(r.error().contains("abc"), r.error());
    assertEquals(1, r.code());
  }

  @Test
  void notANumber() throws IOException {
    Cli.Result r = trainOn("nan.csv", "a,b,y\n1,2,0\n3,NaN,1\n4,5,1\n");
    assertTrue(r.error().startsWith(dir.resolve("nan.csv") + " line 3 column 2: "), r.error());
    assertTrue(r.error().contains("NaN"), r.error());
  }

  @Test
  void infinity() throws IOException {
    Cli.Result r = trainOn("inf.csv", "a,b,y\n1,2,0\n3,Infinity,1\n4,5,1\n");
    assertTrue(r.error().startsWith(dir.resolve("inf.csv") + " line 3 column 2: "), r.error());
    assertEquals(1, r.code());
  }

  @Test
  void emptyFile() throws IOException {
    Cli.Result r = trainOn("empty.csv", "");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.error().startsWith(dir.resolve("empty.csv").toString()), r.error());
    assertTrue(r.error().contains("empty"), r.error());
  }

  @Test
  void headerOnly() throws IOException {
    Cli.Result r = trainOn("header.csv", "a,b,y\n");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.error().startsWith(dir.resolve("header.csv").toString()), r.error());
    assertTrue(r.error().contains("no examples") || r.error().contains("header"), r.error());
  }

  @Test
  void labelOutsideTheClasses() throws IOException {
    Path f = dir.resolve("labels.csv");
    Files.writeString(f, "a,b,y\n1,2,cat\n3,1,dog\n4,5,bird\n");
    Cli.Result r = Cli.run("train", "--data", f.toString(), "--classes", "cat,dog", "--epochs", "1", "--out", dir.resolve("out").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.error().startsWith(f + " line 4"), r.error());
    assertTrue(r.error().contains("bird") && r.error().contains("cat") && r.error().contains("dog"), r.error());
  }

  @Test
  void wrongHdf5DatasetNameListsWhatIsThere() {
    Path cats = SharedData.file("datasets", "train_catvnoncat.h5");
    org.junit.jupiter.api.Assumptions.assumeTrue(cats != null, "../shared/datasets is not present; skipping the HDF5 case");
    Cli.Result r = Cli.run("train", "--data", cats.toString(), "--hdf5-features", "pixels", "--epochs", "1", "--out", dir.resolve("out").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.error().contains("pixels") && r.error().contains("train_set_x"), r.error());
  }
}
