package dev.descent.data.io;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.descent.DescentException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Streams a CSV file row by row into an {@link ExampleWriter}, with the layout, checks and
 * messages of {@link CsvLoader} ({@link CsvRows}) and its classes ({@link ClassLabels} over the
 * distinct labels, which gives the same classes in the same order).
 */
final class CsvConversion implements CsvLoader.RowHandler {
  private static final int PROGRESS_ROWS = 8192;
  private final InputFile file;
  private final LoadOptions options;
  private final ExampleWriter writer;
  private final ConversionProgress progress;
  private final CsvRows layout;
  private final LabelCodes<String> codes = new LabelCodes<>();
  private final Counted counted = new Counted();
  private double[] row;

  private CsvConversion(InputFile file, LoadOptions options, ExampleWriter writer, ConversionProgress progress) {
    this.file = file;
    this.options = options;
    this.writer = writer;
    this.progress = progress;
    this.layout = new CsvRows(file, options);
  }

  static StreamedData run(InputFile file, LoadOptions options, ExampleWriter writer, ConversionProgress progress) {
    CsvLoader.refuseBinary(file);
    CsvConversion conversion = new CsvConversion(file, options, writer, progress);
    CsvLoader.forEachRow(file, conversion.counted::wrap, conversion);
    return conversion.finish();
  }

  @Override
  public void row(long line, CsvRecord record) {
    if (!layout.started()) {
      boolean header = layout.start(line, record);
      row = new double[layout.featureCount()];
      writer.start(row.length);
      if (header) {
        return;
      }
    }
    String label = layout.read(line, record, row, 0);
    writer.features(row, 0, row.length);
    if (options.regression()) {
      writer.target(layout.target(line, label));
    } else {
      writer.code(codes.code(label, line));
    }
    if (writer.rows() % PROGRESS_ROWS == 0) {
      progress.update(counted.bytes, file.size(), writer.rows());
    }
  }

  private StreamedData finish() {
    layout.checkExamples(writer.rows());
    List<String> classNames = List.of();
    if (options.regression()) {
      writer.finish(code -> code);
    } else {
      ClassLabels.Encoded encoded = ClassLabels.ofText(codes.labels().toArray(String[]::new), writer.rows(),
          options.classNames(), new ClassLabels.Locator() {
            @Override
            public DescentException at(int code, String message) {
              return layout.labelError(codes.firstSeen(code), message);
            }

            @Override
            public DescentException whole(String message) {
              return file.error(message);
            }
          });
      writer.finish(code -> encoded.indices()[code]);
      classNames = encoded.names();
    }
    progress.update(file.size(), file.size(), writer.rows());
    return new StreamedData(layout.featureNames(), classNames, Optional.empty(), file.size());
  }

  /** Counts the bytes the CSV reader has taken from the file, for the progress line. */
  private static final class Counted {
    long bytes;

    InputStream wrap(InputStream in) {
      return new FilterInputStream(in) {
        @Override
        public int read() throws IOException {
          int b = super.read();
          bytes += b < 0 ? 0 : 1;
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = super.read(buffer, offset, length);
          bytes += Math.max(n, 0);
          return n;
        }
      };
    }
  }
}
