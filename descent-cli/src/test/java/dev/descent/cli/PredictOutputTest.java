package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.descent.model.Model;
import dev.descent.model.ModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code predict} writes: CSV that spreadsheets and CSV readers take as meant, wherever it goes (issue 21). */
class PredictOutputTest {
  @TempDir
  static Path shared;
  static Model binary;

  @TempDir
  Path dir;

  @BeforeAll
  static void train() {
    Cli.run("train", "--data", "moons", "--examples", "60", "--hidden", "3", "--epochs", "2", "--out", shared.toString()).ok();
    binary = ModelFile.read(shared.resolve("model.descent"));
  }

  Path withClasses(String... names) {
    Path file = dir.resolve("named.descent");
    ModelFile.write(file, new Model(binary.network(), binary.standardizer(), List.of(names), binary.featureNames(), binary.settings()));
    return file;
  }

  static List<CsvRecord> parse(String csv) {
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
      return reader.stream().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void labelsWithCommasQuotesAndLineBreaksAreQuotedAsRfc4180Says() {
    Path model = withClasses("x,y", "say \"hi\"\nthen go");
    String csv = Cli.run("predict", "--model", model.toString(), "--data", "moons").ok().out();
    List<CsvRecord> rows = parse(csv);
    assertEquals(301, rows.size());
    assertEquals(List.of("label", "p_x,y", "p_say \"hi\"\nthen go"), rows.get(0).getFields());
    assertTrue(csv.startsWith("label,\"p_x,y\",\"p_say \"\"hi\"\"\nthen go\"\n"), csv.substring(0, 60));
    for (CsvRecord row : rows.subList(1, rows.size())) {
      assertEquals(3, row.getFieldCount(), row.toString());
      assertTrue(List.of("x,y", "say \"hi\"\nthen go").contains(row.getField(0)), row.toString());
    }
  }

  @Test
  void labelsASpreadsheetWouldRunAsFormulasGetAnApostrophe() {
    Path model = withClasses("=HYPERLINK(\"http://x\")", "@SUM(A1)");
    List<CsvRecord> rows = parse(Cli.run("predict", "--model", model.toString(), "--data", "moons").ok().out());
    for (CsvRecord row : rows.subList(1, rows.size())) {
      assertTrue(List.of("'=HYPERLINK(\"http://x\")", "'@SUM(A1)").contains(row.getField(0)), row.toString());
    }
    assertEquals("'+cmd", PredictCommand.neutralized("+cmd"));
    assertEquals("'-2+3", PredictCommand.neutralized("-2+3"));
    assertEquals("'\tx", PredictCommand.neutralized("\tx"));
    assertEquals("-1", PredictCommand.neutralized("-1"), "a negative number is a label, not a formula");
    assertEquals("+2.5e3", PredictCommand.neutralized("+2.5e3"));
    assertEquals("cat", PredictCommand.neutralized("cat"));
  }

  @Test
  void aRegressionModelsOutputIsAValueNotAProbability() throws IOException {
    StringBuilder data = new StringBuilder("a,b,y\n");
    for (int i = 0; i < 30; i++) {
      data.append(i % 7).append(',').append(i % 5).append(',').append(1.5 * (i % 7) - (i % 5)).append('\n');
    }
    Path csv = Files.writeString(dir.resolve("r.csv"), data);
    Cli.run("train", "--data", csv.toString(), "--regression", "--hidden", "3", "--epochs", "2", "--out", dir.resolve("r").toString()).ok();
    String out = Cli.run("predict", "--model", dir.resolve("r/model.descent").toString(), "--data", csv.toString()).ok().out();
    List<CsvRecord> rows = parse(out);
    assertEquals(List.of("value"), rows.get(0).getFields());
    assertEquals(31, rows.size());
    Double.parseDouble(rows.get(1).getField(0));
  }

  @Test
  void outputDashIsStdout() {
    Cli.Result r = Cli.run("predict", "--model", shared.resolve("model.descent").toString(), "--data", "moons", "--output", "-").ok();
    assertEquals(301, parse(r.out()).size());
    assertEquals(Cli.run("predict", "--model", shared.resolve("model.descent").toString(), "--data", "moons").out(), r.out());
  }

  @Test
  void aSymbolicLinksTargetIsReplacedAndTheLinkKept() throws IOException {
    Path real = Files.writeString(dir.resolve("real.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
    Cli.run("predict", "--model", shared.resolve("model.descent").toString(), "--data", "moons", "--output", link.toString()).ok();
    assertTrue(Files.isSymbolicLink(link));
    assertEquals(301, Files.readAllLines(real).size());
    assertEquals(List.of(), temporaries());
  }

  @Test
  void aFifoIsWrittenThroughNotReplaced() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    Cli.run("predict", "--model", shared.resolve("model.descent").toString(), "--data", "moons", "--output", fifo.toString()).ok();
    assertEquals(301, parse(reader.get(30, TimeUnit.SECONDS)).size());
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
  }

  @Test
  void aNewFileHonoursTheUmaskAsCpDoes() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain"));
    Path csv = dir.resolve("p.csv");
    Cli.run("predict", "--model", shared.resolve("model.descent").toString(), "--data", "moons", "--output", csv.toString()).ok();
    // rw-r--r-- under umask 022 (it was rw------- whatever the umask)
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(csv));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(shared.resolve("model.descent")));
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
