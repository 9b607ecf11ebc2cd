package dev.descent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory and stack: refused at the door when the size is known, one line when the JVM runs out anyway. */
class ResourceLimitsTest {
  @TempDir
  Path dir;

  @Test
  void aNetworkWhoseParametersOutgrowTheHeapIsRefusedBeforeAllocating() {
    Cli.Result r = Cli.run("train", "--hidden", "20000,20000", "--epochs", "1", "--out", dir.toString());
    assertEquals(2, r.code());
    String heap = Long.toString(Runtime.getRuntime().maxMemory() >> 20);
    assertEquals("--hidden 20000,20000: the network has 400100001 parameters, about 6105 MB with their gradients and"
        + " the optimizer's moments; the heap is " + heap + " MB; raise it with JAVA_OPTS=-Xmx9g or choose smaller layers",
        r.error());
  }

  @Test
  void runningOutOfMemoryOrStackIsOneLineNamingTheFix() {
    String heap = Long.toString(Runtime.getRuntime().maxMemory() >> 20);
    assertTrue(Main.message(new OutOfMemoryError("Java heap space")).startsWith(
        "out of memory: this run needs more than the heap's " + heap + " MB; raise it with JAVA_OPTS=-Xmx"));
    assertEquals("the input is nested too deeply to process (a stack overflow); check it for cycles or extreme nesting"
        + " (--debug shows where)", Main.message(new StackOverflowError()));
    assertEquals(Main.RUNTIME_ERROR, Main.exitCode(new OutOfMemoryError()));
  }

  /** A real OutOfMemoryError in a process with a 40 MB heap: one line on stderr, exit 1, no stack trace. */
  @Test
  void aProcessThatRunsOutOfHeapSaysSoInOneLine() throws Exception {
    Path err = dir.resolve("err.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx40m",
        "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
        "dev.descent.cli.Main", "train", "--examples", "2000000", "--epochs", "1", "--out", dir.resolve("out").toString())
        .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends");
    List<String> lines = Files.readAllLines(err);
    assertEquals(1, p.exitValue(), String.join("\n", lines));
    assertEquals(1, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).startsWith("descent: out of memory: this run needs more than the heap's "), lines.get(0));
    assertFalse(lines.get(0).contains("Exception"), lines.get(0));
  }

  /** ESC from a data file is escaped, not sent to the terminal, and a header of 100 000 names is cut. */
  @Test
  void errorLinesEscapeControlBytesAndStayShort() throws Exception {
    Path escape = Files.writeString(dir.resolve("esc.csv"), "re\u001B[31md,y\n1,0\n2,1\n");
    Cli.Result r = Cli.run("train", "--data", escape.toString(), "--label", "label", "--epochs", "1", "--out", dir.toString());
    assertEquals(1, r.code());
    assertEquals(escape + " line 1: label column 'label' is not in the header; the columns are re\\u001B[31md, y", r.error());
    StringBuilder header = new StringBuilder();
    for (int j = 0; j < 100_000; j++) {
      header.append("feature").append(j).append(',');
    }
    Path wide = Files.writeString(dir.resolve("wide.csv"), header + "y\n");
    Cli.Result w = Cli.run("train", "--data", wide.toString(), "--label", "label", "--epochs", "1", "--out", dir.toString());
    assertTrue(w.error().length() < Main.MAX_MESSAGE + 100, "a line of " + w.error().length() + " characters");
    assertTrue(w.error().endsWith(" more characters)"), w.error().substring(w.error().length() - 60));
  }
}
