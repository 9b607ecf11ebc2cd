package dev.descent.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Whether stderr is a terminal, asked of the C library ({@code isatty(2)}). Progress goes to
 * stderr, so that is the stream to ask about: {@code System.console()} looks at stdin and stdout
 * on JDK 17 (and may be non-null when redirected on JDK 22+), so {@code train 2> log} drew
 * carriage-return frames into the log and {@code train | tee} showed no progress at all.
 */
final class Terminal {
  private Terminal() {}

  /** The one C call (the interface must be public for JNA's proxy). */
  public interface CLibrary extends Library {
    int isatty(int fd);
  }

  private static final class Holder {
    static final boolean STDERR = ask();

    private static boolean ask() {
      try {
        return Native.load("c", CLibrary.class).isatty(2) == 1;
      } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
        // NOTE: no libc to ask (not Linux/macOS): the JDK's own guess, which asks about stdout
        return System.console() != null;
      }
    }
  }

  static boolean stderrIsTerminal() {
    return Holder.STDERR;
  }
}
