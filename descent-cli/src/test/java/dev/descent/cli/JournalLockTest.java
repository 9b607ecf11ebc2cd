package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.io.FileLocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: two searches on one {@code --out} both ran (356 journal lines for 300 trials) because
 * reading the journal through a second handle dropped the lock. A journal opened in another
 * process (as a running search opens it) keeps its lock, and a search, new or resumed, is refused
 * naming that process.
 */
class JournalLockTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(120)   // a guard against a hang, not a measurement
  void aSecondSearchOnTheSameJournalIsRefusedNamingTheFirstsProcess() throws Exception {
    Path out = Files.createDirectories(dir.resolve("search"));
    Path journal = out.resolve("search.jsonl");
    String[] args = {"search", "--param", "lr=log:1e-3:1e-1", "--trials", "5", "--epochs", "3", "--examples", "200",
        "--parallel", "1", "--out", out.toString()};
    // another process opens the journal as a search does and holds it; it says when it does
    Process first = HoldInChild.start("journal", journal);
    try {
      assertEquals(OptionalLong.of(first.pid()), FileLocks.holder(journal), "the other process holds the journal's lock");
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
      assertTrue(first.isAlive(), "the holder runs on");
    } finally {
      first.destroyForcibly();
      first.waitFor();
    }
  }
}
