package dev.descent.cli;

import dev.descent.DescentException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where files go, and how results are printed. */
public final class OutputOptions {
  @Option(names = "--out", paramLabel = "DIR", defaultValue = "descent-out",
      description = "Directory for the model, plots and reports (default: ${DEFAULT-VALUE}).")
  Path out;

  @Mixin
  JsonOption jsonOption;

  @Mixin
  DebugOption debugOption;

  /** The output directory, created if needed; a clear error when it cannot be. */
  Path directory() {
    return directory(out);
  }

  /** {@code out}, created if needed; a clear error when it cannot be. */
  static Path directory(Path out) {
    try {
      Files.createDirectories(out);
    } catch (java.io.IOException e) {
      throw new DescentException("--out " + out + ": cannot create the output directory: " + why(e));
    }
    if (!Files.isWritable(out)) {
      throw new DescentException("--out " + out + ": the directory is not writable");
    }
    return out;
  }

  /** Why a file operation failed, in words: the reason the OS gave, not the exception's class name. */
  public static String why(java.io.IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return e.getMessage() + " exists and is not a directory";
    }
    return dev.descent.DescentException.reason(e);
  }
}
