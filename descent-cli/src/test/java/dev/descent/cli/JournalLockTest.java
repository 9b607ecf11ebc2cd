package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.io.FileLocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: two searches on one {@code --out} both ran (356 journal lines for 300 trials) because
 * reading the journal through a second handle dropped the lock. A search in another process
 * holds the lock for its whole run, and a second search, new or resumed, is refused naming it.
 */
class JournalLockTest {
  @TempDir
  Path dir;

  @Test
  void aSecondSearchOnTheSameJournalIsRefusedNamingTheFirstsProcess() throws Exception {
    Path out = dir.resolve("search");
    Path journal = out.resolve("search.jsonl");
    String[] args = {"search", "--param", "lr=log:1e-3:1e-1", "--trials", "500", "--epochs", "30", "--examples", "200",
        "--parallel", "1", "--out", out.toString()};
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-XX:TieredStopAtLevel=1", "dev.descent.cli.Main"));
    command.addAll(List.of(args));
    Process first = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
    try {
      OptionalLong holder = OptionalLong.empty();
      for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); holder.isEmpty() && System.nanoTime() < end; ) {
        assertTrue(first.isAlive(), () -> "the first search ended early: " + read(dir.resolve("first.log")));
        Thread.sleep(50);
        holder = Files.exists(journal) ? FileLocks.holder(journal) : OptionalLong.empty();
      }
      assertEquals(OptionalLong.of(first.pid()), holder, "the first search holds the journal's lock");
      // wait for a trial or two, so that the journal is not empty: the second is refused for the lock, not for that
      for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); Files.size(journal) == 0 && System.nanoTime() < end; ) {
        Thread.sleep(50);
      }
      String expected = journal + ": journal is open in another search (process " + first.pid() + "); one search writes a journal at a time:"
          + " wait for it to end, or give this one another --journal or --out";
      Cli.Result again = Cli.run(args);
      assertEquals(1, again.code(), again.err());
      assertEquals(expected, again.error());
      List<String> resumed = new ArrayList<>(List.of(args));
      resumed.add("--resume");
      Cli.Result resume = Cli.run(resumed.toArray(String[]::new));
      assertEquals(1, resume.code(), resume.err());
      assertEquals(expected, resume.error());
      assertTrue(first.isAlive(), "the first search runs on");
    } finally {
      first.destroyForcibly();
      first.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
