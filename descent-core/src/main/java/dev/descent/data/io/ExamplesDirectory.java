package dev.descent.data.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.DescentException;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Converts a data file (CSV, HDF5, MAT, IDX) in one streaming pass into a directory of examples
 * whose features can be memory-mapped (format version 1, described in docs/data-format.md):
 *
 * <pre>
 * features.npy   m × n, {@code <f4} (or {@code <f8}), C order, data at a multiple of 64 bytes
 * labels.npy     (m,), {@code <i4} class indices 0..K−1, or {@code <f8} regression targets
 * dataset.json   {"format": "descent-examples", "version": 1, "examples": m, "features": n, …}
 * </pre>
 *
 * The values, class names and class order are those the resident loaders give for the same
 * file and options. Memory does not grow with the rows. The directory is written beside
 * {@code out} as {@code out.tmp-<pid>} and renamed into place only when complete; any failure
 * deletes it, so {@code out} holds a whole conversion or nothing new.
 *
 * <pre>{@code
 * ExamplesDirectory.write(new Conversion(Path.of("train.csv"), Optional.empty(),
 *     LoadOptions.defaults(), false, Path.of("train-npy"), false), ConversionProgress.NONE);
 * }</pre>
 */
public final class ExamplesDirectory {
  public static final String FEATURES = "features.npy";
  public static final String LABELS = "labels.npy";
  public static final String DESCRIPTION = "dataset.json";
  public static final String FORMAT = "descent-examples";
  public static final int VERSION = 1;
  /** The formats convert reads (npy is already the target). */
  public static final List<String> SOURCES = List.of("csv", "hdf5", "mat", "idx");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ExamplesDirectory() {}

  public static ConversionResult write(Conversion conversion, ConversionProgress progress) {
    return write(conversion, progress, OutputChannels.FILES);
  }

  /** {@link #write(Conversion, ConversionProgress)} through {@code channels} (tests inject failures). */
  public static ConversionResult write(Conversion conversion, ConversionProgress progress, OutputChannels channels) {
    String format = sourceFormat(conversion);
    InputFile file = InputFile.open(conversion.source());
    Path out = conversion.out();
    OutputDirectory target = OutputDirectory.prepare(out, conversion.replace(), conversion.source());
    try (ExampleWriter writer = new ExampleWriter(target.temporary(), out.toString(), channels,
        conversion.float64(), conversion.options().regression())) {
      StreamedData data = switch (format) {
        case "csv" -> CsvConversion.run(file, conversion.options(), writer, progress);
        case "hdf5" -> Hdf5Conversion.run(file, conversion.options(), writer, progress);
        case "mat" -> MatConversion.run(file, conversion.options(), writer, progress);
        default -> IdxConversion.run(file, conversion.options(), writer, progress);
      };
      writer.close();
      long jsonBytes = describe(target.temporary(), channels, conversion, writer.rows(), data);
      long written = writer.bytes() + jsonBytes;
      target.commit();
      return new ConversionResult(writer.rows(), data.featureNames().size(), data.classNames(), data.imageShape(),
          data.bytesRead(), written, out);
    } catch (RuntimeException | Error e) {
      target.abandon(e);
      throw e;
    }
  }

  /** The format to read: {@code --format} or the extension; npy and unknown names refused. */
  private static String sourceFormat(Conversion conversion) {
    String format = conversion.format().isPresent()
        ? conversion.format().get().toLowerCase(Locale.ROOT) : DataLoaders.formatOf(conversion.source());
    DataLoaders.forFormat(format);   // refuses an unknown name with the accepted ones
    format = format.equals("h5") ? "hdf5" : format;
    if (!SOURCES.contains(format)) {
      throw new DescentException("is already NumPy; convert reads " + String.join(", ", SOURCES)
          + " (train on .npy files directly with --data FILE --labels LABELS.npy)",
          conversion.source().toString(), -1, -1, null);
    }
    return format;
  }

  /** Writes dataset.json; returns its size. */
  private static long describe(Path dir, OutputChannels channels, Conversion conversion, long rows, StreamedData data) {
    ObjectNode json = JSON.createObjectNode();
    json.put("format", FORMAT);
    json.put("version", VERSION);
    json.put("examples", rows);
    json.put("features", data.featureNames().size());
    data.featureNames().forEach(json.putArray("feature_names")::add);
    data.classNames().forEach(json.putArray("class_names")::add);
    json.put("regression", conversion.options().regression());
    json.put("dtype", conversion.float64() ? "float64" : "float32");
    json.put("source", conversion.source().toString());
    data.imageShape().ifPresent(s -> json.putArray("image_shape").add(s.height()).add(s.width()).add(s.channels()));
    try (SeekableByteChannel channel = channels.open(dir.resolve(DESCRIPTION))) {
      byte[] bytes = (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (channel instanceof java.nio.channels.FileChannel file) {
        file.force(true);
      }
      return bytes.length;
    } catch (IOException e) {
      throw ExampleWriter.failure(conversion.out().toString(), e);
    }
  }
}
