package dev.descent.search;

/** The thread running a search was interrupted: the trials in flight are not recorded and run again on resume. */
public final class SearchInterrupted extends RuntimeException {
  public SearchInterrupted(String message, Throwable cause) {
    super(message, cause);
  }
}
