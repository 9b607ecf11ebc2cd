package dev.descent.cli;

/** A bad option value found after parsing; exits with 2. The message names the option. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
