package dev.descent.cli.report;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Headless Chromium (Debian's package), when installed: the page as a real browser shows it. */
public final class Chromium {
  public static final String MISSING = "no Chromium installed (looked for /usr/bin/chromium, chromium, chromium-browser, "
      + "google-chrome on PATH); install it with 'apt-get install -y chromium' to run the browser test";

  record Run(int exitCode, String stdout, String stderr) {}

  private Chromium() {}

  public static Optional<Path> find() {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/chromium")));
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
          candidates.add(Path.of(dir, name));
        }
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** Runs the browser headless, offline and without a profile of its own, on {@code args}. */
  static Run run(Path chromium, Path scratch, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + scratch.resolve("profile")));
    command.addAll(List.of(args));
    Path out = scratch.resolve("stdout");
    Path err = scratch.resolve("stderr");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    // NOTE: a guard against a hung browser, not a measurement
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 180 s: " + command);
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
