package dev.descent.run;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.data.generate.BuiltInData;
import dev.descent.data.generate.GeneratorOptions;
import dev.descent.data.io.LoadedData;
import dev.descent.data.io.MappedExamples;
import dev.descent.data.io.MappedLoader;
import dev.descent.data.io.MappedNpy;
import dev.descent.model.Model;
import dev.descent.tensor.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Resolves {@code --data}: a built-in set's name (moons, circles, blobs, spiral, flower,
 * football) or a file, read by the loader its extension (or {@code --format}) selects.
 */
public final class DataSource {
  private DataSource() {}

  public static boolean isBuiltIn(String source) {
    return BuiltInData.names().contains(source);
  }

  public static Dataset load(DataRequest request) {
    return read(request).dataset();
  }

  /** {@link #load} with the image shape a file declares (HDF5 and NumPy image arrays, IDX); none for built-in sets. */
  public static LoadedData read(DataRequest request) {
    return read(request, Precision.F64);
  }

  /**
   * {@link #read} for training in {@code precision}: a float32 run gets float32 features from a
   * CSV, so that a large file is never held in float64 as well.
   */
  public static LoadedData read(DataRequest request, Precision precision) {
    if (isBuiltIn(request.source())) {
      return new LoadedData(generate(request), Optional.empty());
    }
    Path file = Path.of(request.source());
    if (!Files.exists(file)) {
      throw new DescentException(request.source() + ": no such file, and not a built-in data set ("
          + String.join(", ", BuiltInData.names()) + ")");
    }
    if (Files.isDirectory(file)) {
      MappedExamples converted = MappedLoader.open(file, FileData.options(request));
      return new LoadedData(converted.toDataset(), converted.imageShape());
    }
    return FileData.read(file, request, precision);
  }

  /** Whether {@code --data} is streamed from a mapped file or held in the heap ({@code --stream}). */
  public enum Residency {
    /** Stream a converted directory or a float .npy when its features would fill a quarter of the heap. */
    AUTO,
    /** Stream, or refuse a source that cannot be mapped. */
    ALWAYS,
    /** Hold every example in the heap. */
    NEVER
  }

  /**
   * The examples of {@code request} as a mapped file to stream from, or empty when they are to be
   * held in the heap (see {@link Residency}). Only a directory written by {@code descent convert}
   * and a float32/float64 {@code .npy} can be streamed.
   */
  public static Optional<MappedExamples> streamed(DataRequest request, Residency residency) {
    if (residency == Residency.NEVER) {
      return Optional.empty();
    }
    Path file = isBuiltIn(request.source()) ? null : Path.of(request.source());
    boolean mappable = file != null && Files.exists(file) && (Files.isDirectory(file)
        || (isNpy(file, request) && MappedNpy.isMappable(file)));
    if (!mappable) {
      if (residency == Residency.ALWAYS) {
        throw new IllegalArgumentException("--stream always: " + request.source() + " cannot be streamed; only a"
            + " float32/float64 .npy or a directory written by 'descent convert' can (convert it with: descent convert "
            + request.source() + " --to npy --out DIR, then --data DIR)");
      }
      return Optional.empty();
    }
    MappedExamples mapped = MappedLoader.open(file, FileData.options(request));
    long bytes = 4L * mapped.size() * mapped.featureCount();
    boolean large = bytes > Runtime.getRuntime().maxMemory() / 4;
    return residency == Residency.ALWAYS || large ? Optional.of(mapped) : Optional.empty();
  }

  private static boolean isNpy(Path file, DataRequest request) {
    String format = request.format() != null ? request.format().toLowerCase(java.util.Locale.ROOT)
        : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy") ? "npy" : "";
    return format.equals("npy");
  }

  private static Dataset generate(DataRequest request) {
    GeneratorOptions options = GeneratorOptions.seed(request.seed());
    if (request.examples() > 0) {
      options = options.withExamples(request.examples());
    }
    if (!Double.isNaN(request.noise())) {
      options = options.withNoise(request.noise());
    }
    if (request.classes().size() == 1) {
      try {
        options = options.withClasses(Integer.parseInt(request.classes().get(0)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--classes " + request.classes().get(0)
            + ": for a built-in data set give the number of classes, e.g. --classes 4");
      }
    } else if (!request.classes().isEmpty()) {
      throw new IllegalArgumentException("--classes " + String.join(",", request.classes())
          + ": for a built-in data set give the number of classes, e.g. --classes 4");
    }
    return BuiltInData.generate(request.source(), options);
  }

  /** Examples to predict for a model: a label column, if present, is ignored. */
  public static Dataset loadForModel(String source, Model model) {
    return loadForModel(source, model, note -> {});
  }

  /**
   * {@link #loadForModel}, with the columns of a file with a header matched to the model's
   * features by name ({@link ColumnNames}); {@code notes} hears of a reordering.
   */
  public static Dataset loadForModel(String source, Model model, Consumer<String> notes) {
    if (isBuiltIn(source)) {
      return load(builtInFor(source, model));
    }
    Path file = Path.of(source);
    if (!Files.exists(file)) {
      throw new DescentException(source + ": no such file");
    }
    return ColumnNames.match(source, FileData.unlabelled(file, DataRequest.file(source).withClasses(model.classNames()), model),
        model, notes);
  }

  /**
   * A directory written by {@code descent convert}, mapped, for evaluating {@code model} on it
   * in batches; empty for any other source. Its classes must be the model's, in order.
   */
  public static Optional<MappedExamples> convertedForModel(String source, Model model) {
    Path dir = isBuiltIn(source) ? null : Path.of(source);
    if (dir == null || !MappedLoader.isConvertedDirectory(dir)) {
      return Optional.empty();
    }
    MappedExamples set = MappedLoader.open(dir, FileData.options(DataRequest.file(source)));
    if (set.featureCount() != model.network().inputs()) {
      throw new DescentException(source + ": has " + set.featureCount() + " features but the model expects "
          + model.network().inputs());
    }
    if (!set.classNames().equals(model.classNames())) {
      throw new DescentException(source + ": its classes " + set.classNames() + " are not the model's "
          + model.classNames() + " (in order); convert the data with --classes " + String.join(",", model.classNames()));
    }
    return Optional.of(set);
  }

  /** Labelled examples for a model, with its class names (labels outside them are an error). */
  public static Dataset loadLabelledForModel(String source, Model model) {
    return loadLabelledForModel(source, model, note -> {});
  }

  /** {@link #loadLabelledForModel}, with columns matched by name as {@link #loadForModel(String, Model, Consumer)} does. */
  public static Dataset loadLabelledForModel(String source, Model model, Consumer<String> notes) {
    Dataset d = isBuiltIn(source) ? load(builtInFor(source, model))
        : ColumnNames.match(source, FileData.load(requireFile(source), DataRequest.file(source).withClasses(model.classNames())),
            model, notes);
    if (d.featureCount() != model.network().inputs()) {
      throw new DescentException(source + ": has " + d.featureCount() + " features but the model expects "
          + model.network().inputs());
    }
    return d;
  }

  /**
   * A built-in set as {@code train} draws it by default (300 examples, data seed 3), with as many
   * classes as the model predicts, so that blobs or spiral with {@code --classes K} match.
   */
  private static DataRequest builtInFor(String source, Model model) {
    List<String> classes = model.classNames().isEmpty() ? List.of() : List.of(Integer.toString(model.classNames().size()));
    return new DataRequest(source, null, null, null, classes, 300, Double.NaN, 3, false, null, null);
  }

  private static Path requireFile(String source) {
    Path file = Path.of(source);
    if (!Files.exists(file)) {
      throw new DescentException(source + ": no such file");
    }
    return file;
  }
}
