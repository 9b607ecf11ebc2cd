package dev.descent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.descent.tensor.Blas;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24: where OpenBLAS does not run, Descent trains on its pure-Java products with one notice
 * line. Forced with {@code -Ddescent.blas=java}, and for real with a class path that lacks the
 * OpenBLAS natives (as on a platform bytedeco builds none for): the same training as OpenBLAS's
 * in this JVM, to float tolerance.
 */
class JavaProductsTest {
  /** float32 products summed in another order; 15 epochs of Adam carry the rounding along. */
  private static final double TOLERANCE = 1e-4;

  @TempDir
  Path dir;

  @Test
  void forcedJavaProductsTrainAsOpenBlasDoesWithOneNotice() throws Exception {
    assumeTrue(Blas.available(), "compares with OpenBLAS, which does not run here: " + Blas.describe());
    Child child = run(System.getProperty("java.class.path"), "-Ddescent.blas=java");
    assertEquals("descent: descent.blas=java; matrix products run in plain Java (LoopGemm), slower for large layers",
        child.err.strip());
    assertSameTraining(child);
    assertEquals("no OpenBLAS, products in plain Java (descent.blas=java)", child.out.get(2));
    assertFalse(child.out.get(3).contains("openblas"), "OpenBLAS was loaded: " + child.out.get(3));
  }

  @Test
  void withoutOpenBlasNativesTheProductsRunInJavaWithOneNotice() throws Exception {
    assumeTrue(Blas.available(), "compares with OpenBLAS, which does not run here: " + Blas.describe());
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).getFileName().toString().matches("openblas-.*-(linux|macosx|windows)-.*\\.jar"))
        .collect(Collectors.joining(File.pathSeparator));
    assertTrue(classPath.length() < System.getProperty("java.class.path").length(), "no OpenBLAS natives jar to leave out");
    Child child = run(classPath);
    List<String> notice = child.err.strip().lines().toList();
    assertEquals(1, notice.size(), child.err);
    assertTrue(notice.get(0).startsWith("descent: OpenBLAS did not load on "), notice.get(0));
    assertTrue(notice.get(0).endsWith("bundles its natives where bytedeco publishes them); matrix products run in plain Java "
        + "(LoopGemm), slower for large layers"), notice.get(0));
    assertSameTraining(child);
    assertTrue(child.out.get(2).startsWith("no OpenBLAS, products in plain Java (OpenBLAS did not load on "), child.out.get(2));
  }

  @Test
  void anUnknownBackendIsRefusedNamingTheAcceptedOnes() throws Exception {
    List<String> command = javaCommand(System.getProperty("java.class.path"), "-Ddescent.blas=cuda");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue(), output);
    assertTrue(output.contains("java.lang.IllegalArgumentException: -Ddescent.blas=cuda: must be openblas (the default) or "
        + "java (products in plain Java loops)"), output);
  }

  private static void assertSameTraining(Child child) {
    List<double[]> expected = SpiralRun.train();
    String[] names = {"cost per epoch", "parameters"};
    for (int line = 0; line < 2; line++) {
      double[] actual = Arrays.stream(child.out.get(line).split(",")).mapToDouble(Double::parseDouble).toArray();
      assertEquals(expected.get(line).length, actual.length, names[line]);
      double worst = 0;
      for (int k = 0; k < actual.length; k++) {
        worst = Math.max(worst, Math.abs(actual[k] - expected.get(line)[k]) / Math.max(1, Math.abs(expected.get(line)[k])));
      }
      assertTrue(worst <= TOLERANCE, names[line] + ": largest difference " + worst);
    }
  }

  private record Child(List<String> out, String err) {}

  private Child run(String classPath, String... javaOptions) throws IOException, InterruptedException {
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(javaCommand(classPath, javaOptions)).redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String errors = Files.readString(err);
    assertEquals(0, p.exitValue(), out + errors);
    return new Child(out.lines().toList(), errors);
  }

  private static List<String> javaCommand(String classPath, String... javaOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(javaOptions));
    command.addAll(List.of("-cp", classPath, SpiralRun.class.getName()));
    return command;
  }
}
