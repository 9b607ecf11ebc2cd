package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.Main;
import dev.descent.data.generate.ConvertedFixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code descent bench data --quick --json}: names, units and fields, and no files left behind. No timing is asserted. */
class BenchDataSuiteTest {

  @Test
  void quickRunReportsEveryWorkloadWithItsUnitAndBounds() throws Exception {
    List<Path> before = benchDirs();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"bench", "data", "--quick", "--json", "--threads", "1"}, new PrintWriter(out),
        new PrintWriter(err));
    assertEquals(0, code, err.toString());
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals("data", root.get("suite").asText());
    List<String> names = new ArrayList<>();
    List<String> units = new ArrayList<>();
    root.get("results").forEach(r -> {
      names.add(r.get("name").asText());
      units.add(r.get("unit").asText());
      assertTrue(r.get("value").asDouble() > 0, r.toString());
    });
    assertEquals(List.of("csv-parse", "csv-peak-rss", "npy-mlp-b128", "npy-mlp-b1024", "npy-epoch-beyond-heap"), names);
    assertEquals(List.of("MB/s", "MiB", "samples/s", "samples/s", "s"), units);
    JsonNode csv = root.at("/results/0");
    assertEquals(20_000, csv.get("rows").asInt());
    assertEquals(150, csv.get("target_mb_per_s").asDouble());
    JsonNode rss = root.at("/results/1");
    // twice the float32 data (20 000 × 50 × 4 bytes) plus 300 MiB
    assertEquals(2 * 20_000 * 50 * 4 / 1048576.0 + 300, rss.get("bound_mib").asDouble(), 1e-9);
    for (int i : new int[] {2, 3}) {
      JsonNode mlp = root.at("/results/" + i);
      assertTrue(mlp.get("resident_samples_per_s").asDouble() > 0, mlp.toString());
      assertEquals(mlp.get("value").asDouble() / mlp.get("resident_samples_per_s").asDouble(),
          mlp.get("mapped_over_resident").asDouble(), 1e-9);
      assertTrue(mlp.get("mapped_uniform_samples_per_s").asDouble() > 0, mlp.toString());
      assertTrue(mlp.get("shuffle").asText().startsWith("blocks of "), mlp.toString());
    }
    JsonNode epoch = root.at("/results/4");
    assertEquals(20_000, epoch.get("examples").asInt());
    assertEquals(400, epoch.get("rss_anon_bound_mib").asDouble());
    assertTrue(epoch.get("peak_rss_anon_mib").asDouble() > 0, epoch.toString());
    double accuracy = epoch.get("dev_accuracy").asDouble(-1);
    assertTrue(accuracy >= 0 && accuracy <= 1, "the child's JSON was read: " + epoch);
    assertTrue(root.get("workloads").asText().contains("within the heap: --quick"), root.get("workloads").asText());
    // only the directories this run made: other builds on the machine share the temporary directory
    List<Path> left = new ArrayList<>(benchDirs());
    left.removeAll(before);
    assertEquals(List.of(), left, "temporary files left in " + System.getProperty("java.io.tmpdir"));
  }

  @Test
  void epochExamplesBelongsToTheDataSuite() {
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"bench", "mlp", "--epoch-examples", "5000"}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertEquals(2, code);
    assertTrue(err.toString().contains("--epoch-examples applies to the data suite only; drop it for mlp"), err.toString());
  }

  @Test
  void convertedFixtureWritesWhatTheMappedLoaderReads() throws IOException {
    Path dir = Files.createTempDirectory("converted-fixture");
    try {
      ConvertedFixture.write(dir.resolve("d"), 7, 5, 3);
      var set = dev.descent.data.io.MappedLoader.open(dir.resolve("d"), dev.descent.data.io.LoadOptions.defaults());
      assertEquals(7, set.size());
      assertEquals(5, set.featureCount());
      assertEquals(List.of("c0", "c1", "c2"), set.classNames());
      assertEquals(2, set.label(5));
      var x = dev.descent.tensor.Matrix.zeros(dev.descent.tensor.Precision.F32, 1, 5);
      set.gather(new int[] {4}, 0, 1, x, null);
      for (int j = 0; j < 5; j++) {
        // example 4 has class 1: features 1 and 4 carry the +2/√5
        double shift = j % 3 == 1 ? 2 / Math.sqrt(5) : 0;
        assertTrue(x.get(0, j) >= shift - 0.5 && x.get(0, j) < shift + 0.5, j + ": " + x.get(0, j));
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static List<Path> benchDirs() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("descent-bench-data")).sorted().toList();
    }
  }
}
