package dev.descent.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir
  Path dir;

  static AtomicFile.Content text(String s) {
    return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aNewFileGetsTheModeOfAnyNewFileNotPrivate() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain"));   // 0666 less the umask
    Path written = dir.resolve("written.csv");
    AtomicFile.write(written, text("a\n"));
    // under umask 022 both are rw-r--r--; a temporary file from Files.createTempFile would be rw-------
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
    assertEquals("a\n", Files.readString(written));
    assertEquals(List.of(), temporaries());
  }

  @Test
  void replacesTheTargetOfASymbolicLinkAndKeepsTheLink() throws IOException {
    Path real = Files.writeString(dir.resolve("real.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
    AtomicFile.write(link, text("new"));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.csv"), dir.resolve("made.csv"));
    AtomicFile.write(dangling, text("made"));
    assertTrue(Files.isSymbolicLink(dangling));
    assertEquals("made", Files.readString(dir.resolve("made.csv")));
  }

  @Test
  void writesThroughAFifo() throws Exception {
    Path fifo = dir.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    AtomicFile.write(fifo, text("through"));
    assertEquals("through", reader.get(30, TimeUnit.SECONDS));
    assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a FIFO");
  }

  @Test
  void writesThroughACharacterDevice() throws IOException {
    AtomicFile.write(Path.of("/dev/null"), text("discarded"));
    assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
  }

  @Test
  void refusesADirectory() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFile.write(sub, text("x")));
    assertEquals(sub + ": is a directory", e.getMessage());
    assertTrue(Files.isDirectory(sub));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
    Path target = Files.writeString(dir.resolve("model.descent"), "old");
    IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
      out.write(1);
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("old", Files.readString(target));
    assertEquals(List.of(), temporaries());
    assertEquals(Set.of(), Temporaries.pending());
  }

  @Test
  void removesTheTemporaryOfAKilledProcessAndLeavesOthers() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.writeString(dir.resolve(".model.descent." + gone.pid() + ".1.tmp"), "half");
    Path alive = Files.writeString(dir.resolve(".model.descent." + ProcessHandle.current().parent().orElseThrow().pid() + ".1.tmp"), "x");
    Path foreign = Files.writeString(dir.resolve(".model.descent.backup.tmp"), "not ours");
    AtomicFile.write(dir.resolve("model.descent"), text("whole"));
    assertTrue(Files.notExists(stale), "a dead process's temporary is removed");
    assertTrue(Files.exists(alive) && Files.exists(foreign), "a live process's temporary and other files stay");
  }

  private List<Path> temporaries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
