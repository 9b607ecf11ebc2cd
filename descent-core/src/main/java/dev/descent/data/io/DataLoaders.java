package dev.descent.data.io;

import dev.descent.DescentException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the {@link DataLoader} for a file by its extension, or by a format name that
 * overrides it ({@code --format}): csv ({@code .csv}), hdf5 ({@code .h5}, {@code .hdf5}), mat
 * ({@code .mat}), npy ({@code .npy}), idx ({@code .idx}, MNIST's {@code -ubyte} names, either
 * one gzipped as {@code .gz}).
 *
 * <pre>{@code
 * LoadedData cats = DataLoaders.read(Path.of("train_catvnoncat.h5"), LoadOptions.defaults());
 * DataLoader csv = DataLoaders.forFile(Path.of("data.txt"), Optional.of("csv"));
 * }</pre>
 */
public final class DataLoaders {
  /** The format names, in the order the help lists them. */
  public static final List<String> FORMATS = List.of("csv", "hdf5", "mat", "npy", "idx");
  private static final String EXTENSIONS = ".csv, .h5, .hdf5, .mat, .npy, .idx, -ubyte (MNIST),"
      + " and .gz of an IDX file";

  private DataLoaders() {}

  /** The loader for a format name: csv, hdf5 (or h5), mat, npy, idx. */
  public static DataLoader forFormat(String format) {
    return switch (format.toLowerCase(Locale.ROOT)) {
      case "csv" -> new CsvLoader();
      case "hdf5", "h5" -> new Hdf5Loader();
      case "mat" -> new MatLoader();
      case "npy" -> new NpyLoader();
      case "idx" -> new IdxLoader();
      default -> throw new IllegalArgumentException("format '" + format + "': accepted formats are "
          + String.join(", ", FORMATS));
    };
  }

  /** The loader for {@code file}'s extension. */
  public static DataLoader forFile(Path file) {
    return forFormat(formatOf(file));
  }

  /** The loader for {@code formatOverride} when present, else for {@code file}'s extension. */
  public static DataLoader forFile(Path file, Optional<String> formatOverride) {
    return formatOverride.isPresent() ? forFormat(formatOverride.get()) : forFile(file);
  }

  /** Reads {@code file} with the loader its extension names. */
  public static LoadedData read(Path file, LoadOptions options) {
    return forFile(file).read(file, options);
  }

  /** The format name for a file name. */
  public static String formatOf(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean gzip = name.endsWith(".gz");
    String inner = gzip ? name.substring(0, name.length() - 3) : name;
    if (inner.endsWith(".idx") || inner.endsWith("-ubyte")) {
      return "idx";
    }
    if (!gzip) {
      if (name.endsWith(".csv")) {
        return "csv";
      } else if (name.endsWith(".h5") || name.endsWith(".hdf5")) {
        return "hdf5";
      } else if (name.endsWith(".mat")) {
        return "mat";
      } else if (name.endsWith(".npy")) {
        return "npy";
      }
    }
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "has no file extension" : "unknown file extension '"
        + name.substring(dot) + "'";
    throw new DescentException(extension + (gzip
        ? " (only IDX files are read gzipped)" : "") + "; accepted are " + EXTENSIONS
        + "; or name the format with --format " + String.join("|", FORMATS), file.toString(), -1, -1, null);
  }
}
