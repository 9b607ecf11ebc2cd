package dev.descent;

/**
 * A problem with the user's data or files (not a bug, not a bad argument): it names the file
 * and, where known, the line and column. The CLI prints {@link #getMessage()} and exits with 1.
 */
public class DescentException extends RuntimeException {
  private final String file;
  private final long line;
  private final int column;

  public DescentException(String message) {
    this(message, null, -1, -1, null);
  }

  public DescentException(String message, Throwable cause) {
    this(message, null, -1, -1, cause);
  }

  /** {@code line} and {@code column} are 1-based, or −1 when unknown. */
  public DescentException(String message, String file, long line, int column, Throwable cause) {
    super(format(message, file, line, column), cause);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  private static String format(String message, String file, long line, int column) {
    if (file == null) {
      return message;
    }
    StringBuilder where = new StringBuilder(file);
    if (line > 0) {
      where.append(" line ").append(line);
    }
    if (column > 0) {
      where.append(" column ").append(column);
    }
    return where + ": " + message;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public int column() {
    return column;
  }

  /**
   * Why a file operation failed, in words: the reason the operating system gave ("no such file
   * or directory", "not a directory"), without the path that the message names already.
   */
  public static String reason(java.io.IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
