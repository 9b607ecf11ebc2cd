package dev.descent.cli;

import dev.descent.io.Temporaries;
import dev.descent.search.Journal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process that takes hold of something the way a running command does, says "ready" on
 * stdout, and keeps it until its stdin closes or it is signalled: the tests of what another
 * process sees (a journal's lock, a temporary file at a signal) wait for that line instead of
 * polling with a clock.
 *
 * <pre>
 * java -cp … dev.descent.cli.HoldInChild journal  PATH   # Journal.create(PATH), its lock held
 * java -cp … dev.descent.cli.HoldInChild temporary PATH  # a registered temporary file, as a write in progress
 * </pre>
 */
public final class HoldInChild {
  private HoldInChild() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path path = Path.of(args[1]);
    Object held = switch (args[0]) {
      case "journal" -> Journal.create(path);
      case "temporary" -> Temporaries.create(path);
      default -> throw new IllegalArgumentException("hold what? " + args[0]);
    };
    System.out.println("ready " + held.getClass().getSimpleName());
    System.out.flush();
    // hold until a signal stops the process (the test ends it in any case)
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Starts {@code HoldInChild what path} and returns once it holds it. */
  static Process start(String what, Path path) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), HoldInChild.class.getName(), what, path.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream())).readLine();
    if (line == null || !line.startsWith("ready")) {
      p.destroyForcibly();
      throw new IllegalStateException("the child did not take hold of " + path + ": " + line);
    }
    return p;
  }
}
