package dev.descent.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code descent bench}: the JSON shape of each suite on tiny settings, the table, bad options. No timing is asserted. */
class BenchCommandTest {
  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Outcome(code, out.toString(), err.toString());
  }

  private static JsonNode json(String... args) throws Exception {
    Outcome o = run(args);
    assertEquals(0, o.code(), o.err());
    return new ObjectMapper().readTree(o.out());
  }

  private static List<String> names(JsonNode root) {
    List<String> names = new ArrayList<>();
    root.get("results").forEach(r -> names.add(r.get("name").asText()));
    return names;
  }

  /** The command line finds bench through ServiceLoader, and its help lists it where it always was, after resume. */
  @Test
  void theCommandLineFindsBenchOnTheClassPath() {
    Outcome o = run("--help");
    assertEquals(0, o.code(), o.err());
    int resume = o.out().indexOf("\n  resume ");
    int bench = o.out().indexOf("\n  bench ");
    int convert = o.out().indexOf("\n  convert ");
    assertTrue(resume > 0 && resume < bench && bench < convert, o.out());
  }

  /** Every report names the machine, the JVM, OpenBLAS and its threads, and the peak memory. */
  private static void assertConditions(JsonNode root, int threads) {
    assertEquals(Runtime.getRuntime().availableProcessors(), root.at("/machine/cores").asInt());
    assertFalse(root.at("/machine/cpu").asText().isBlank());
    assertTrue(root.at("/jvm/version").asText().contains(System.getProperty("java.vm.version")), root.at("/jvm").toString());
    assertTrue(root.at("/blas/description").asText().contains("0.3."), root.at("/blas").toString());
    assertEquals(threads, root.at("/blas/threads").asInt());
    if ("Linux".equals(System.getProperty("os.name")) && "amd64".equals(System.getProperty("os.arch"))) {
      // the kernel OpenBLAS runs, by its own name, and named in the description with who chose it
      String kernel = root.at("/blas/kernel").asText();
      assertTrue(kernel.matches("[A-Za-z0-9_]+"), root.at("/blas").toString());
      assertTrue(root.at("/blas/description").asText().contains("kernel " + kernel + " ("), root.at("/blas").toString());
    }
    assertEquals(threads, root.at("/settings/threads").asInt());
    assertTrue(root.get("peak_rss_mib").asDouble() > 10, root.get("peak_rss_mib").toString());
  }

  private static void assertPositive(JsonNode result, String field) {
    double v = result.get(field).asDouble();
    assertTrue(result.get(field).isNumber() && v > 0 && Double.isFinite(v), field + " of " + result);
  }

  @Test
  void courseReportsSecondsAndAccuracyOfEachWorkload() throws Exception {
    JsonNode root = json("bench", "course", "--quick", "--json", "--threads", "1");
    assertEquals("course", root.get("suite").asText());
    assertEquals(List.of("optimization-gd", "optimization-adam", "init-he"), names(root));
    for (JsonNode r : root.get("results")) {
      assertEquals("s", r.get("unit").asText());
      assertPositive(r, "value");
      double accuracy = r.get("train_accuracy").asDouble();
      assertTrue(accuracy >= 0 && accuracy <= 1, r.toString());
      assertEquals(1, r.get("runs").asInt());
      assertTrue(r.get("alloc_bytes_per_step").isNumber(), r.toString());
    }
    assertEquals(500, root.at("/results/0/epochs").asInt());
    assertEquals(2500, root.at("/results/0/steps").asInt());
    assertEquals(1500, root.at("/results/2/epochs").asInt());
    assertEquals(300, root.at("/results/2/batch_size").asInt());
    assertTrue(root.get("settings").get("quick").asBoolean());
    assertConditions(root, 1);
  }

  @Test
  void mlpReportsSamplesPerSecondAtEachBatchSize() throws Exception {
    JsonNode root = json("bench", "mlp", "--examples", "1024", "--repeats", "1", "--threads", "1", "--json");
    assertEquals(List.of("mlp-b32", "mlp-b128", "mlp-b1024"), names(root));
    int[] batches = {32, 128, 1024};
    for (int i = 0; i < 3; i++) {
      JsonNode r = root.get("results").get(i);
      assertEquals("samples/s", r.get("unit").asText());
      assertPositive(r, "value");
      assertEquals(batches[i], r.get("batch").asInt());
      assertEquals(1024, r.get("examples").asInt());
      assertEquals(1024 * (784 + 10) * 4 / (double) (1 << 20), r.get("data_mib").asDouble(), 1e-12);
      assertEquals(1000.0 * batches[i] / r.get("value").asDouble(), r.get("ms_per_step").asDouble(), 1e-9);
      assertPositive(r, "products_ms");
      assertEquals(MlpWorkload.productFlopsPerExample() * batches[i] / r.get("products_ms").asDouble() / 1e6,
          r.get("products_gflops").asDouble(), 1e-9 * r.get("products_gflops").asDouble());
      assertTrue(r.get("last_epoch_cost").asDouble() < r.get("first_epoch_cost").asDouble(), "the cost falls: " + r);
    }
    assertEquals(1024, root.at("/settings/examples").asInt());
    assertConditions(root, 1);
  }

  @Test
  void gemmReportsGflopsOfCorrectProducts() throws Exception {
    JsonNode root = json("bench", "gemm", "--sizes", "16,32", "--repeats", "2", "--json", "--threads", "2");
    assertEquals(List.of("sgemm-16", "sgemm-32", "dgemm-16", "dgemm-32"), names(root));
    for (JsonNode r : root.get("results")) {
      assertEquals("GFLOPS", r.get("unit").asText());
      assertPositive(r, "value");
      assertTrue(r.get("correct").asBoolean(), r.toString());
      assertEquals(2, r.get("repeats").asInt());
      double best = 2.0 * Math.pow(r.get("n").asInt(), 3) / r.get("best_s").asDouble() / 1e9;
      assertEquals(best, r.get("value").asDouble(), 1e-9 * best);
    }
    assertEquals("float64", root.at("/results/3/dtype").asText());
    assertConditions(root, 2);
  }

  @Test
  void gradcheckPassesAndRejectsTheCorruptedGradient() throws Exception {
    JsonNode root = json("bench", "gradcheck", "--repeats", "1", "--json", "--threads", "1");
    assertEquals(List.of("gradcheck-full", "gradcheck-directional"), names(root));
    JsonNode full = root.get("results").get(0);
    assertEquals(2611, full.get("params").asInt());
    assertEquals(5222, full.get("cost_evaluations").asInt());
    assertEquals("OK", full.get("verdict").asText());
    assertTrue(full.get("difference").asDouble() < 1e-7, full.toString());
    assertEquals("BUG", full.get("negative_control_verdict").asText());
    JsonNode directional = root.get("results").get(1);
    assertEquals(16, directional.get("cost_evaluations").asInt());
    assertEquals("OK", directional.get("verdict").asText());
    assertEquals("BUG", directional.get("negative_control_verdict").asText());
    for (JsonNode r : root.get("results")) {
      assertEquals("s", r.get("unit").asText());
      assertPositive(r, "value");
    }
    assertConditions(root, 1);
  }

  @Test
  void searchReportsBothThreadCountsAndTheSameTrials() throws Exception {
    JsonNode root = json("bench", "search", "--quick", "--json", "--threads", "2");
    assertEquals(List.of("search-1t", "search-2t"), names(root));
    for (JsonNode r : root.get("results")) {
      assertEquals("s", r.get("unit").asText());
      assertPositive(r, "value");
      assertEquals(16, r.get("trials").asInt());
      assertEquals(200, r.get("epochs").asInt());
      assertEquals(16 / r.get("value").asDouble(), r.get("trials_per_second").asDouble(), 1e-6 * r.get("trials_per_second").asDouble());
      assertTrue(r.get("same_trials").asBoolean(), "threads must not change a trial's result: " + r);
    }
    double speedup = root.at("/results/0/value").asDouble() / root.at("/results/1/value").asDouble();
    assertEquals(speedup, root.at("/results/1/speedup_over_1_thread").asDouble(), 1e-9 * speedup);
    assertConditions(root, 2);
  }

  @Test
  void tableNamesTheConditionsAndEveryResult() {
    Outcome o = run("bench", "gemm", "--sizes", "8", "--repeats", "1", "--threads", "1");
    assertEquals(0, o.code(), o.err());
    String[] lines = o.out().split("\n");
    assertTrue(lines[0].startsWith("descent bench gemm: square C = A·B through OpenBlasGemm"), lines[0]);
    assertTrue(lines[1].startsWith("machine  ") && lines[1].contains(" cores, "), lines[1]);
    assertTrue(lines[2].startsWith("java     "), lines[2]);
    assertTrue(lines[3].startsWith("blas     OpenBLAS") && lines[3].contains(", kernel ")
        && lines[3].contains("1 thread"), lines[3]);
    assertTrue(o.out().contains("\n  sgemm-8 "), o.out());
    assertTrue(o.out().contains("\n  dgemm-8 "), o.out());
    assertTrue(lines[lines.length - 1].matches("peak resident memory  \\d+\\.\\d MiB"), lines[lines.length - 1]);
  }

  @Test
  void unknownSuiteIsAUsageError() {
    Outcome o = run("bench", "fast");
    assertEquals(Main.USAGE_ERROR, o.code());
    assertEquals("descent: suite 'fast' is unknown; expected one of course, mlp, gemm, gradcheck, search, data, serve, startup\n", o.err().replace("\r", ""));
  }

  @Test
  void threadsBelowOneAreRejected() {
    Outcome o = run("bench", "gemm", "--threads", "0");
    assertEquals(Main.USAGE_ERROR, o.code());
    assertEquals("descent: --threads 0: must be at least 1 (default: the number of cores)\n", o.err().replace("\r", ""));
  }

  @Test
  void optionsOfAnotherSuiteAreRejected() {
    Outcome examples = run("bench", "course", "--examples", "2048");
    assertEquals(Main.USAGE_ERROR, examples.code());
    assertEquals("descent: --examples applies to the mlp and spark suites only; drop it for course\n", examples.err().replace("\r", ""));
    Outcome sizes = run("bench", "mlp", "--sizes", "64");
    assertEquals(Main.USAGE_ERROR, sizes.code());
    assertEquals("descent: --sizes applies to the gemm suite only; drop it for mlp\n", sizes.err().replace("\r", ""));
  }

  @Test
  void mlpNeedsAtLeastItsLargestBatch() {
    Outcome o = run("bench", "mlp", "--examples", "1000", "--threads", "1");
    assertEquals(Main.USAGE_ERROR, o.code());
    assertEquals("descent: --examples 1000: the mlp suite needs at least 1024 (its largest batch)\n", o.err().replace("\r", ""));
  }

  @Test
  void repeatsBelowOneAreRejected() {
    Outcome o = run("bench", "course", "--repeats", "0");
    assertEquals(Main.USAGE_ERROR, o.code());
    assertEquals("descent: --repeats 0: must be at least 1\n", o.err().replace("\r", ""));
  }
}
