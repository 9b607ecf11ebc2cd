package dev.descent.data.io;

/** Told every few thousand rows how far a conversion is: bytes of the input read out of {@code totalBytes}. */
@FunctionalInterface
public interface ConversionProgress {
  ConversionProgress NONE = (bytesRead, totalBytes, rows) -> { };

  void update(long bytesRead, long totalBytes, long rows);
}
