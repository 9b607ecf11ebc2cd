package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: under {@code LANG=C} a path such as {@code données/é.csv} was refused ("Malformed
 * input") and labels printed as {@code ?}: Java takes the encoding of file names and arguments
 * from the locale, and JDK 17 ignores {@code -Dsun.jnu.encoding}. The {@code descent} launcher
 * runs the JVM in C.UTF-8 when the locale is C or POSIX; this runs its locale lines and then a
 * child JVM as the launcher would, under {@code LANG=C LC_ALL=C}.
 */
class LocaleTest {
  @TempDir
  Path dir;

  @Test
  void utf8PathsAndLabelsWorkInTheCLocaleThroughTheLauncher() throws Exception {
    Path data = Files.createDirectories(dir.resolve("données")).resolve("é.csv");
    StringBuilder csv = new StringBuilder("a,b,boisson\n");
    for (int i = 0; i < 40; i++) {
      csv.append(i % 7).append(',').append(i % 3).append(',').append(i % 2 == 0 ? "café" : "thé").append('\n');
    }
    Files.writeString(data, csv, StandardCharsets.UTF_8);
    Path out = dir.resolve("sortie-ü");
    run("train", "--data", data.toString(), "--hidden", "3", "--epochs", "2", "--out", out.toString());
    String predictions = run("predict", "--model", out.resolve("model.descent").toString(), "--data", data.toString());
    assertTrue(predictions.startsWith("label,p_café,p_thé\n"), predictions);
    assertTrue(predictions.contains("\ncafé,") || predictions.contains("\nthé,"), predictions);
    run("predict", "--model", out.resolve("model.descent").toString(), "--data", data.toString(), "--output", dir.resolve("prédictions.csv").toString());
    assertEquals(predictions, Files.readString(dir.resolve("prédictions.csv"), StandardCharsets.UTF_8));
  }

  /** Runs descent as the launcher does (its locale lines, then java with -Dfile.encoding=UTF-8) under LANG=C LC_ALL=C; returns stdout. */
  private String run(String... args) throws IOException, InterruptedException {
    String launcher = Files.readString(Path.of("../descent"));
    String lines = launcher.substring(launcher.indexOf("# locale: begin"), launcher.indexOf("# locale: end"));
    List<String> command = new ArrayList<>(List.of("bash", "-c", lines + "\nexec \"$@\"", "descent",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1",
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "dev.descent.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("LC_"));
    env.put("LANG", "C");
    env.put("LC_ALL", "C");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), () -> {
      try {
        return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return e.toString();
      }
    });
    return new String(out, StandardCharsets.UTF_8);
  }
}
