package dev.descent.bench;

import dev.descent.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long {@code descent} takes from the shell for people who call it from scripts: the wall
 * time of whole processes, started as a user starts them — through the {@code ./descent}
 * launcher when the jar sits in a checkout (its staleness check and class-data sharing
 * included), else {@code java -jar}. Workloads: {@code startup-version} ({@code --version}),
 * {@code startup-train} ({@code train --data moons --epochs 1}, plots and model written) and
 * {@code startup-predict} (one CSV row). One untimed run of each first (it records the
 * class-data archive after a build), then the median of the repeats. Targets on a quiet 2-core
 * machine: 0.15 s, 0.5 s and 0.3 s.
 */
final class StartupSuite implements Suite {
  private static final double[] TARGETS = {0.15, 0.5, 0.3};

  @Override
  public String name() {
    return "startup";
  }

  @Override
  public String describe(BenchSettings settings) {
    return "wall time of whole descent processes (" + launcherText() + "): --version, train --data moons --epochs 1, predict"
        + " of one row; median of " + settings.repeatsOr(5) + " run(s) after one untimed run each";
  }

  @Override
  public List<BenchResult> run(BenchSettings settings, PrintWriter log) {
    Path dir;
    try {
      dir = Files.createTempDirectory("descent-bench-startup");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path model = dir.resolve("run").resolve("model.descent");
      Path row = dir.resolve("row.csv");
      Files.writeString(row, "x1,x2\n0.5,-0.25\n");
      List<List<String>> commands = List.of(
          List.of("--version"),
          List.of("train", "--data", "moons", "--epochs", "1", "--out", dir.resolve("run").toString()),
          List.of("predict", "--model", model.toString(), "--data", row.toString(), "--output", dir.resolve("p.csv").toString()));
      String[] names = {"startup-version", "startup-train", "startup-predict"};
      List<BenchResult> results = new ArrayList<>();
      int repeats = settings.repeatsOr(5);
      for (int w = 0; w < commands.size(); w++) {
        run(commands.get(w));   // untimed: builds the archive, writes the model predict needs
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
          seconds[r] = run(commands.get(w));
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[repeats / 2];
        log.printf("bench startup: %s %.3f s (median of %d; min %.3f, target %.2f s)%n", names[w], median, repeats,
            sorted[0], TARGETS[w]);
        log.flush();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("command", "descent " + String.join(" ", commands.get(w)));
        d.put("launcher", launcherText());
        d.put("runs", repeats);
        d.put("min_s", sorted[0]);
        d.put("max_s", sorted[repeats - 1]);
        d.put("target_s", TARGETS[w]);
        results.add(new BenchResult(names[w], median, "s", d));
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      DataSuite.delete(dir);
    }
  }

  /** Seconds from start to exit of {@code descent args}; a failure is an error naming the command. */
  private static double run(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(launcher());
    command.addAll(args);
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("bench startup: " + String.join(" ", command) + " ran over 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (p.exitValue() != 0) {
      throw new IllegalStateException("bench startup: " + String.join(" ", command) + " exited with " + p.exitValue());
    }
    return seconds;
  }

  /** The ./descent launcher of the checkout this jar was built in, or java -jar on the jar itself. */
  static List<String> launcher() {
    Path jar = jar();
    Path script = jar == null || jar.getParent() == null || jar.getParent().getParent() == null ? null
        : jar.getParent().getParent().getParent().resolve("descent");
    if (script != null && Files.isExecutable(script)) {
      return List.of(script.toString());
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return jar != null && jar.toString().endsWith(".jar")
        ? List.of(java, "-XX:+UseSerialGC", "-jar", jar.toString())
        : List.of(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.descent.cli.Main");
  }

  private static String launcherText() {
    return String.join(" ", launcher());
  }

  private static Path jar() {
    try {
      // the command line's jar (or classes), which this module's sits beside
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return null;
    }
  }
}
