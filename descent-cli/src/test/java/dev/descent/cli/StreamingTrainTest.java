package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.data.generate.ConvertedFixture;
import dev.descent.io.ProcStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --data DIR} on a converted directory: in process, and in a child JVM whose heap is smaller than the file. */
class StreamingTrainTest {
  @TempDir
  Path dir;

  /** A converted directory of m examples of n float32 features in 2 classes (see ConvertedFixture). */
  static Path converted(Path dir, int m, int n) throws IOException {
    return ConvertedFixture.write(dir.resolve("converted"), m, n, 2);
  }

  @Test
  void aConvertedDirectoryTrainsStreamedAndInMemoryToTheSameAccuracy() throws IOException {
    Path data = converted(dir, 2000, 6);
    JsonNode streamed = Cli.run("train", "--data", data.toString(), "--stream", "always", "--shuffle", "uniform",
        "--hidden", "4", "--epochs", "5", "--batch-size", "32", "--out", dir.resolve("a").toString(), "--json").ok().json();
    JsonNode resident = Cli.run("train", "--data", data.toString(), "--stream", "never",
        "--hidden", "4", "--epochs", "5", "--batch-size", "32", "--out", dir.resolve("b").toString(), "--json").ok().json();
    assertEquals(resident.get("dev").get("accuracy").asDouble(), streamed.get("dev").get("accuracy").asDouble(), 1e-12);
    assertEquals(resident.get("train").get("cost").asDouble(), streamed.get("train").get("cost").asDouble(), 1e-6);
    assertTrue(streamed.get("dev").get("accuracy").asDouble() > 0.9, streamed.toString());
    assertTrue(Files.isRegularFile(dir.resolve("a").resolve("model.descent")));
    assertEquals(List.of("c0", "c1"), List.of(streamed.get("dev").get("classes").get(0).get("name").asText(),
        streamed.get("dev").get("classes").get(1).get("name").asText()));
  }

  /** evaluate reads a converted directory in batches: every example once, the training's three sets together. */
  @Test
  void evaluateOnAConvertedDirectoryCountsEveryExample() throws IOException {
    Path data = converted(dir, 1000, 5);
    Path out = dir.resolve("run");
    JsonNode run = Cli.run("train", "--data", data.toString(), "--stream", "always", "--hidden", "3", "--epochs", "3",
        "--out", out.toString(), "--json").ok().json();
    JsonNode all = Cli.run("evaluate", "--model", out.resolve("model.descent").toString(), "--data", data.toString(),
        "--json").ok().json();
    assertEquals(1000, all.get("examples").asInt());
    double correct = 0;
    for (String set : new String[] {"train", "dev", "test"}) {
      long examples = 0;
      for (JsonNode c : run.get(set).get("classes")) {
        examples += c.get("support").asLong();
      }
      correct += run.get(set).get("accuracy").asDouble() * examples;
    }
    assertEquals(correct / 1000, all.get("test").get("accuracy").asDouble(), 1e-12);
  }

  /** A checkpoint of a streamed run resumes streamed, in the same order: the same model as one uninterrupted run. */
  @Test
  void aStreamedRunResumesFromItsCheckpointBitForBit() throws IOException {
    Path data = converted(dir, 1500, 4);
    String[] common = {"train", "--data", data.toString(), "--stream", "always", "--hidden", "5", "--batch-size", "50"};
    Path whole = dir.resolve("whole");
    Path cut = dir.resolve("cut");
    JsonNode straight = Cli.run(concat(common, "--epochs", "6", "--out", whole.toString(), "--json")).ok().json();
    Cli.run(concat(common, "--epochs", "3", "--checkpoint-every", "3", "--out", cut.toString(), "--json")).ok();
    JsonNode resumed = Cli.run("resume", cut.resolve("checkpoint.descent").toString(), "--epochs", "6", "--json").ok().json();
    assertEquals(straight.get("dev").get("cost").asDouble(), resumed.get("dev").get("cost").asDouble(), 0);
    assertEquals(straight.get("train").get("accuracy").asDouble(), resumed.get("train").get("accuracy").asDouble(), 0);
  }

  private static String[] concat(String[] first, String... rest) {
    String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }

  /** A mapped file cut short under a running process: the JVM's InternalError becomes one line and exit 1. */
  @Test
  void aMappedFileThatLostItsPagesIsOneLine() {
    InternalError fault = new InternalError("a fault occurred in a recent unsafe memory access operation in compiled Java code");
    assertEquals(Main.RUNTIME_ERROR, Main.exitCode(fault));
    assertEquals("a memory-mapped data file became shorter while it was being read (truncated or replaced while in use?);"
        + " convert or copy the data again and rerun", Main.message(fault));
  }

  @Test
  void shuffleBlocksIsRefusedForDataHeldInMemory() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--shuffle", "blocks", "--epochs", "1");
    assertEquals(2, r.code());
    assertEquals("--shuffle blocks: only streamed data are ordered by blocks; moons is held in memory and shuffled"
        + " uniformly (give --stream always to stream a float .npy or converted directory)", r.error());
  }

  @Test
  void streamAlwaysRefusesASourceThatCannotBeMapped() {
    Cli.Result r = Cli.run("train", "--data", "moons", "--stream", "always", "--epochs", "1");
    assertEquals(2, r.code());
    assertEquals("--stream always: moons cannot be streamed; only a float32/float64 .npy or a directory written by"
        + " 'descent convert' can (convert it with: descent convert moons --to npy --out DIR, then --data DIR)", r.error());
  }

  /**
   * The bound: a child JVM with a 256 MiB heap trains one epoch on a 1 GiB file, and its
   * anonymous memory (heap, JIT, OpenBLAS buffers: everything but the mapped file) stays ≤ 400 MiB.
   */
  @Test
  void aFileFourTimesTheHeapTrainsInBoundedAnonymousMemory() throws Exception {
    int n = 64;
    int m = (int) ((1L << 30) / (4L * n)) + 1000;   // just over 1 GiB of features
    Path data = converted(dir, m, n);
    assertTrue(Files.size(data.resolve("features.npy")) > 1L << 30);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
        "dev.descent.cli.Main", "train", "--data", data.toString(), "--hidden", "8", "--epochs", "1",
        "--batch-size", "1024", "--split", "98,1,1", "--out", dir.resolve("out").toString(), "--json"));
    Path log = dir.resolve("child.txt");
    Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(log.toFile())
        .redirectError(dir.resolve("child-err.txt").toFile()).start();
    long peakAnon = 0;
    while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
      peakAnon = Math.max(peakAnon, ProcStatus.of(p.pid()).map(ProcStatus::rssAnonKib).orElse(0L));
    }
    String err = Files.readString(dir.resolve("child-err.txt"));
    assertEquals(0, p.exitValue(), "exit code; stderr:\n" + err);
    JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(log.toFile());
    assertTrue(json.get("dev").get("accuracy").asDouble() > 0.9, json.toString());
    assertTrue(peakAnon > 0, "RssAnon was read");
    assertTrue(peakAnon <= 400 * 1024, "peak RssAnon " + peakAnon / 1024 + " MiB; stderr:\n" + err);
  }
}
