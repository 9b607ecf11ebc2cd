package dev.descent.data.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * Streams an IDX images file and its labels file (either gzip) side by side, a block of rows at
 * a time, with the checks and messages of {@link IdxLoader}.
 */
final class IdxConversion {
  private IdxConversion() {}

  static StreamedData run(InputFile images, LoadOptions options, ExampleWriter writer, ConversionProgress progress) {
    try (InputStream x = images.openDecompressed()) {
      int[] xShape = IdxFile.header(images, x, images.isGzip());
      if (xShape.length != 3) {
        throw images.error("is an IDX labels file; load the images file and give this one with --labels");
      }
      if (options.labelsFile().isEmpty()) {
        throw images.error("IDX images need their labels: give the labels file with --labels"
            + IdxLoader.sibling(images.path()));
      }
      InputFile labels = InputFile.open(options.labelsFile().get());
      StreamedData data = withLabels(images, x, xShape, labels, options, writer, progress);
      IdxFile.checkEnd(images, x, xShape, IdxFile.elements(xShape));
      return data;
    } catch (ZipException | EOFException e) {
      throw IdxFile.corrupt(images, e);
    } catch (IOException e) {
      throw images.ioError(e);
    }
  }

  private static StreamedData withLabels(InputFile images, InputStream x, int[] xShape, InputFile labels,
      LoadOptions options, ExampleWriter writer, ConversionProgress progress) {
    try (InputStream y = labels.openDecompressed()) {
      int[] yShape = IdxFile.header(labels, y, labels.isGzip());
      if (yShape.length != 1) {
        throw labels.error("is an IDX images file; --labels needs an IDX labels file (magic 0x00000801)");
      }
      NumericArray xs = new NumericArray("", xShape, IdxConversion::streamed, true);
      NumericArray ys = new NumericArray("", yShape, IdxConversion::streamed, true);
      StreamedData data = ArrayConversion.run(new ArrayConversion.Source(images, xs, bytes(images, x, xShape, xs.rowLength())),
          new ArrayConversion.Source(labels, ys, bytes(labels, y, yShape, 1)), options, Optional.empty(), writer, progress,
          images.size() + labels.size());
      IdxFile.checkEnd(labels, y, yShape, IdxFile.elements(yShape));
      return data;
    } catch (ZipException | EOFException e) {
      throw IdxFile.corrupt(labels, e);
    } catch (IOException e) {
      throw labels.ioError(e);
    }
  }

  private static double streamed(int k) {
    throw new AssertionError("an IDX file is read as a stream, not by element");
  }

  /** Unsigned bytes, {@code n} a row; a file that ends early is reported as IdxFile does. */
  private static ArrayConversion.RowBlocks bytes(InputFile file, InputStream in, int[] shape, int n) {
    return (first, rows, into) -> {
      try {
        byte[] block = in.readNBytes(rows * n);
        if (block.length < rows * n) {
          IdxFile.checkEnd(file, in, shape, first * n + block.length);   // throws: fewer bytes than promised
        }
        for (int k = 0; k < block.length; k++) {
          into[k] = block[k] & 0xff;
        }
      } catch (ZipException | EOFException e) {
        throw IdxFile.corrupt(file, e);
      } catch (IOException e) {
        throw file.ioError(e);
      }
    };
  }
}
