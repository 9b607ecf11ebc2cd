package dev.descent.data.io;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.descent.data.Dataset;
import dev.descent.tensor.Precision;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Loads comma-separated UTF-8 text: one example per row, every column a
 * number except the label column ({@code LoadOptions.labelColumn}, default the last). The first
 * row is a header when any of its feature cells is not a number. Labels are class names (text,
 * kept in order of first appearance), whole numbers (sorted), or numeric targets with {@code
 * LoadOptions.regression}. Every bad cell is reported with its line and column:
 *
 * <pre>
 * train.csv line 14: expected 31 columns, found 30
 * train.csv line 5 column 3: value NaN is not a finite number
 * </pre>
 *
 * <p>Plain numeric files (no quotes) are parsed on all cores by {@link ParallelCsvParser};
 * quoted fields go through FastCSV ({@link CsvTable}); both give the same data set. Features are
 * float32 when {@code LoadOptions.precision} is F32 and every value fits, else float64.
 */
public final class CsvLoader implements DataLoader {

  @Override
  public LoadedData read(Path path, LoadOptions options) {
    InputFile file = InputFile.open(path);
    refuseBinary(file);
    try {
      return new LoadedData(readAs(file, options), Optional.empty());
    } catch (ParallelCsvParser.BeyondFloat32 e) {
      return new LoadedData(readAs(file, options.withPrecision(Precision.F64)), Optional.empty());
    }
  }

  private static Dataset readAs(InputFile file, LoadOptions options) {
    Optional<Dataset> fast = ParallelCsvParser.read(file, options);
    return fast.isPresent() ? fast.get() : readQuoted(file, options);
  }

  /** FastCSV's path: quoted fields (commas and line breaks inside quotes), lone carriage returns. */
  static Dataset readQuoted(InputFile file, LoadOptions options) {
    CsvTable table = new CsvTable(file, options);
    forEachRow(file, in -> in, table::add);
    return table.finish();
  }

  /** Receives each non-empty row with the line it starts on. */
  interface RowHandler {
    void row(long line, CsvRecord row);
  }

  /** Reads the file row by row; {@code wrap} may decorate the raw byte stream (to count bytes). */
  static void forEachRow(InputFile file, UnaryOperator<InputStream> wrap, RowHandler handler) {
    // a strict decoder: bytes that are not UTF-8 are an error, not silently replaced by U+FFFD
    try (Reader reader = new InputStreamReader(wrap.apply(Files.newInputStream(file.path())),
        StandardCharsets.UTF_8.newDecoder());
        CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true)
            .ignoreDifferentFieldCount(true).ofCsvRecord(reader)) {
      for (CsvRecord row : csv) {
        handler.row(row.getStartingLineNumber(), row);
      }
    } catch (UncheckedIOException e) {
      throw failure(file, e.getCause());
    } catch (IOException e) {
      throw failure(file, e);
    } catch (CsvParseException e) {
      throw file.error("is not readable as CSV (" + (e.getCause() != null ? e.getCause().getMessage()
          : e.getMessage()) + ")", e);
    }
  }

  /**
   * The cells of the first row of a CSV file, trimmed and without a byte-order mark, as the
   * loaders read them (a header, or numbers); empty for an empty file.
   */
  public static java.util.List<String> firstRow(Path path) {
    InputFile file = InputFile.open(path);
    try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder());
        CsvReader<CsvRecord> csv = CsvReader.builder().skipEmptyLines(true).ignoreDifferentFieldCount(true).ofCsvRecord(reader)) {
      java.util.Iterator<CsvRecord> rows = csv.iterator();
      if (!rows.hasNext()) {
        return java.util.List.of();
      }
      CsvRecord row = rows.next();
      java.util.List<String> cells = new java.util.ArrayList<>();
      for (int j = 0; j < row.getFieldCount(); j++) {
        String cell = row.getField(j);
        cells.add((j == 0 && cell.startsWith("\uFEFF") ? cell.substring(1) : cell).trim());
      }
      return cells;
    } catch (UncheckedIOException e) {
      throw failure(file, e.getCause());
    } catch (IOException e) {
      throw failure(file, e);
    } catch (CsvParseException e) {
      throw file.error("is not readable as CSV (" + e.getMessage() + ")", e);
    }
  }

  private static RuntimeException failure(InputFile file, IOException e) {
    if (e instanceof CharacterCodingException) {
      return file.error("is not UTF-8 text; save the CSV as UTF-8", e);
    }
    return file.ioError(e);
  }

  /** A zero byte never occurs in text, and tells a binary file apart before any parsing. */
  static void refuseBinary(InputFile file) {
    byte[] head = file.head(8192);
    for (int i = 0; i < head.length; i++) {
      if (head[i] == 0) {
        throw file.error("is not a text file (a zero byte at offset " + i + "); expected CSV text");
      }
    }
  }
}
