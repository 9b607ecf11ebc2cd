package dev.descent.data.io;

import dev.descent.data.Dataset;
import dev.descent.tensor.Matrix;
import dev.descent.tensor.Precision;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a numeric CSV on all cores, straight from its bytes: the file is cut into {@link
 * CsvChunk}s at line ends; pass 1 counts each chunk's rows in parallel, so the arrays are
 * allocated once at their exact size (float32 or float64 features, as {@link
 * LoadOptions#precision} asks); pass 2 parses each chunk into its rows in parallel (numbers with
 * fastdoubleparser, labels interned per chunk then merged in chunk order). The result and every
 * error equal {@link CsvTable}'s; of several errors, a file that is not UTF-8 is reported first,
 * then the first in file order. Files with a quote or a carriage return that does not end a line
 * are left to FastCSV: {@link #read} is empty for them.
 *
 * <pre>{@code
 * ParallelCsvParser.read(InputFile.open(Path.of("big.csv")), LoadOptions.defaults().withPrecision(Precision.F32));
 * }</pre>
 */
final class ParallelCsvParser {
  private ParallelCsvParser() {}

  /** A float32 run found a value beyond float32's range: the file is read again in float64. */
  static final class BeyondFloat32 extends RuntimeException {
    BeyondFloat32() {
      super("a value beyond float32's range", null, false, false);
    }
  }

  static float toFloat(double v) {
    float f = (float) v;
    if (Float.isInfinite(f)) {
      throw new BeyondFloat32();
    }
    return f;
  }

  /** The data set, or empty when the file needs FastCSV (quotes, or lone carriage returns). */
  static Optional<Dataset> read(InputFile file, LoadOptions options) {
    int threads = Runtime.getRuntime().availableProcessors();
    // several chunks a core balance the passes; a small file is one chunk
    return read(file, options, (int) Math.max(1, Math.min(4L * threads, file.size() / CsvChunk.BLOCK)));
  }

  /** {@link #read} in about {@code chunks} chunks (tests cut small files into several). */
  static Optional<Dataset> read(InputFile file, LoadOptions options, int chunks) {
    int threads = Runtime.getRuntime().availableProcessors();
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, "csv-parser");
      t.setDaemon(true);
      return t;
    });
    try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
      List<CsvChunk> pieces = CsvChunk.split(channel, channel.size(), chunks);
      List<Callable<Void>> scans = new ArrayList<>();
      for (CsvChunk chunk : pieces) {
        scans.add(() -> {
          chunk.scan(channel);
          return null;
        });
      }
      invokeInOrder(file, pool, scans);
      for (CsvChunk c : pieces) {
        if (c.notUtf8) {
          throw file.error("is not UTF-8 text; save the CSV as UTF-8");
        }
      }
      for (CsvChunk c : pieces) {
        if (c.needsCsvReader) {
          return Optional.empty();
        }
      }
      return Optional.of(parse(file, options, channel, pieces, pool));
    } catch (IOException e) {
      throw file.ioError(e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Dataset parse(InputFile file, LoadOptions options, FileChannel channel,
      List<CsvChunk> chunks, ExecutorService pool) throws IOException {
    long[] firstLines = new long[chunks.size()];
    long rows = 0;
    for (int c = 0; c < chunks.size(); c++) {
      firstLines[c] = c == 0 ? 1 : firstLines[c - 1] + chunks.get(c - 1).lines;
      rows += chunks.get(c).rows;
    }
    int first = 0;
    while (first < chunks.size() && chunks.get(first).rows == 0) {
      first++;
    }
    if (first == chunks.size()) {
      throw file.error("is empty; expected one example per row: features, then a label");
    }
    CsvLayout layout = firstRow(file, options, channel, chunks.get(first), firstLines[first]);
    rows -= layout.header() ? 1 : 0;
    if (rows == 0) {
      throw file.error("has a header row but no examples");
    }
    int n = layout.features();
    if (rows * n > Integer.MAX_VALUE - 8) {
      throw file.error("has more than " + (Integer.MAX_VALUE - 8) + " values; too large for one matrix");
    }
    int m = (int) rows;
    boolean f32 = options.precision() == Precision.F32;
    float[] features32 = f32 ? new float[m * n] : null;
    double[] features64 = f32 ? null : new double[m * n];
    double[] targets = options.regression() ? new double[m] : null;
    int[] labelIds = options.regression() ? null : new int[m];
    List<CsvChunkParser> parsers = new ArrayList<>();
    List<Callable<Void>> tasks = new ArrayList<>();
    int[] rowStarts = new int[chunks.size() + 1];
    for (int c = 0; c < chunks.size(); c++) {
      CsvChunk chunk = chunks.get(c);
      CsvChunkParser parser = new CsvChunkParser(file, layout, options.regression(), features32, features64,
          targets, labelIds);
      parsers.add(parser);
      boolean skipHeader = layout.header() && c == first;
      long line = firstLines[c];
      int firstRow = rowStarts[c];
      tasks.add(() -> {
        parser.parse(channel, chunk, line, firstRow, skipHeader);
        return null;
      });
      rowStarts[c + 1] = firstRow + chunk.rows - (skipHeader ? 1 : 0);
    }
    invokeInOrder(file, pool, tasks);
    Matrix x = f32 ? Matrix.wrap(m, n, features32) : Matrix.wrap(m, n, features64);
    if (options.regression()) {
      return layout.dataset(file, options, x, targets, null, r -> -1);
    }
    Map<Integer, Long> lineOfFirstRow = new HashMap<>();
    ClassLabels.Distinct labels = merge(parsers, rowStarts, labelIds, lineOfFirstRow);
    return layout.dataset(file, options, x, null, labels, lineOfFirstRow::get);
  }

  /** The layout from the first non-empty line of {@code chunk}. */
  private static CsvLayout firstRow(InputFile file, LoadOptions options, FileChannel channel, CsvChunk chunk,
      long firstLine) throws IOException {
    LineReader reader = new LineReader(channel, chunk.start, chunk.end, CsvChunk.BLOCK);
    long line = firstLine - 1;
    while (reader.next()) {
      line++;
      if (reader.to() > reader.from()) {
        String text = new String(reader.bytes(), reader.from(), reader.to() - reader.from(), StandardCharsets.UTF_8);
        List<String> cells = new ArrayList<>();
        for (String cell : text.split(",", -1)) {
          cells.add(cells.isEmpty() && cell.startsWith("\uFEFF") ? cell.substring(1).trim() : cell.trim());
        }
        return CsvLayout.of(file, options, line, cells);
      }
    }
    throw new AssertionError("pass 1 counted a row in a chunk that has none");
  }

  /**
   * The chunks' labels as one list in order of first appearance (chunk by chunk, each in its own
   * order), and the label ids rewritten from each chunk's to the file's.
   */
  private static ClassLabels.Distinct merge(List<CsvChunkParser> parsers, int[] rowStarts, int[] ids,
      Map<Integer, Long> lineOfFirstRow) {
    Map<String, Integer> global = new HashMap<>();
    List<String> values = new ArrayList<>();
    List<Integer> firstRows = new ArrayList<>();
    for (int c = 0; c < parsers.size(); c++) {
      LabelInterner local = parsers.get(c).labels;
      int[] toGlobal = new int[local.size()];
      for (int id = 0; id < local.size(); id++) {
        String value = local.value(id);
        Integer g = global.putIfAbsent(value, values.size());
        if (g == null) {
          g = values.size();
          values.add(value);
          firstRows.add(local.firstRow(id));
          lineOfFirstRow.put(local.firstRow(id), local.firstLine(id));
        }
        toGlobal[id] = g;
      }
      for (int row = rowStarts[c]; row < rowStarts[c + 1]; row++) {
        ids[row] = toGlobal[ids[row]];
      }
    }
    int[] first = new int[firstRows.size()];
    for (int d = 0; d < first.length; d++) {
      first[d] = firstRows.get(d);
    }
    return new ClassLabels.Distinct(values, first, ids);
  }

  /** Runs the tasks on the pool; the first failure in task order is thrown. */
  private static void invokeInOrder(InputFile file, ExecutorService pool, List<Callable<Void>> tasks)
      throws IOException {
    List<Future<Void>> futures;
    try {
      futures = pool.invokeAll(tasks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw file.error("reading was interrupted", e);
    }
    for (Future<Void> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw file.error("reading was interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw io;
        }
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new AssertionError("a CSV task threw " + cause, cause);
      }
    }
  }
}
