package dev.descent.data.io;

import dev.descent.DescentException;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;

/**
 * Writes examples one at a time into a directory's {@code features.npy} (m × n, float32 or
 * float64) and {@code labels.npy} (int32 class codes, or float64 targets), through buffered
 * channels: memory does not grow with the rows. Class codes are written as they come and
 * remapped in place by {@link #finish} once the classes are known. A write failure (a full
 * disk) becomes a {@link DescentException} naming {@code --out}.
 */
final class ExampleWriter implements AutoCloseable {
  private final Path dir;
  private final String outName;
  private final OutputChannels channels;
  private final boolean float64;
  private final boolean regression;
  private SeekableByteChannel featuresChannel;
  private SeekableByteChannel labelsChannel;
  private NpyWriter features;
  private NpyWriter labels;
  private long rows;

  /** {@code outName} is the directory as the user named it, for messages. */
  ExampleWriter(Path dir, String outName, OutputChannels channels, boolean float64, boolean regression) {
    this.dir = dir;
    this.outName = outName;
    this.channels = channels;
    this.float64 = float64;
    this.regression = regression;
  }

  /** Opens the files for rows of {@code n} features. */
  void start(int n) {
    try {
      featuresChannel = channels.open(dir.resolve(ExamplesDirectory.FEATURES));
      features = new NpyWriter(featuresChannel, float64 ? "<f8" : "<f4", n);
      labelsChannel = channels.open(dir.resolve(ExamplesDirectory.LABELS));
      labels = new NpyWriter(labelsChannel, regression ? "<f8" : "<i4", -1);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Appends {@code n} features from {@code row[offset..]}; rounded to float32 unless float64. */
  void features(double[] row, int offset, int n) {
    try {
      for (int j = offset; j < offset + n; j++) {
        if (float64) {
          features.putDouble(row[j]);
        } else {
          features.putFloat((float) row[j]);
        }
      }
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** The class code of the example whose features came last. */
  void code(int code) {
    try {
      labels.putInt(code);
      rows++;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** The regression target of the example whose features came last. */
  void target(double v) {
    try {
      labels.putDouble(v);
      rows++;
    } catch (IOException e) {
      throw failure(e);
    }
  }

  long rows() {
    return rows;
  }

  /** Completes both files; class codes become {@code finalCode(code)}. */
  void finish(IntUnaryOperator finalCode) {
    try {
      if (!regression) {
        labels.rewriteInts(finalCode);
      }
      features.finish(rows);
      labels.finish(rows);
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** Bytes in both files. */
  long bytes() {
    return features.bytes() + labels.bytes();
  }

  @Override
  public void close() {
    try (SeekableByteChannel f = featuresChannel; SeekableByteChannel l = labelsChannel) {
      // both closed, the second even when the first fails
    } catch (IOException e) {
      throw failure(e);
    }
  }

  private DescentException failure(IOException e) {
    return failure(outName, e);
  }

  /** A failed write to the directory {@code out}, whose partial files are deleted. */
  static DescentException failure(String out, IOException e) {
    return new DescentException("--out " + out + ": cannot write the converted data ("
        + DescentException.reason(e) + "); nothing was written, free some space or choose another --out", e);
  }
}
