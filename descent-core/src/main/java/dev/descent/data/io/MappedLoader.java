package dev.descent.data.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.descent.DescentException;
import dev.descent.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens examples to stream from a memory-mapped file: a directory written by {@code descent
 * convert} ({@code features.npy}, {@code labels.npy}, {@code dataset.json}; see
 * docs/data-format.md), or a float32/float64 {@code .npy} with its labels in a second file
 * ({@code LoadOptions.labelsFile}) or in its last column. Labels are read into the heap (4 bytes
 * an example), with the same class names and order as the resident loaders give; features are
 * not read at all.
 *
 * <pre>{@code
 * MappedExamples all = MappedLoader.open(Path.of("mnist8m"), LoadOptions.defaults());
 * }</pre>
 */
public final class MappedLoader {
  public static final String FEATURES = "features.npy";
  public static final String LABELS = "labels.npy";
  public static final String DESCRIPTION = "dataset.json";
  public static final String FORMAT = "descent-examples";

  private MappedLoader() {}

  /** True for a directory {@code descent convert} wrote (it holds dataset.json). */
  public static boolean isConvertedDirectory(Path path) {
    return Files.isDirectory(path) && Files.isRegularFile(path.resolve(DESCRIPTION));
  }

  public static MappedExamples open(Path source, LoadOptions options) {
    if (Files.isDirectory(source)) {
      return directory(source);
    }
    MappedNpy features = MappedNpy.open(source);
    String name = source.getFileName().toString();
    if (options.labelsFile().isPresent()) {
      InputFile labelsFile = InputFile.open(options.labelsFile().get());
      NumericArray labels = NpyFile.read(labelsFile);
      double[] y = labels.vector(labelsFile);
      if (y.length != features.rows()) {
        throw labelsFile.error("has " + y.length + " labels but " + features.name() + " has "
            + features.rows() + " examples");
      }
      return withLabels(name, features, features.rowLength(), y, labelsFile, options);
    }
    if (features.imageShape().isPresent() || features.rowLength() < 2) {
      throw new DescentException("holds " + features.rowLength() + " value(s) per example and no labels file was"
          + " given; give the labels with --labels FILE, or store them as the array's last column",
          features.name(), -1, -1, null);
    }
    int n = features.rowLength() - 1;
    double[] y = lastColumn(features);
    return withLabels(name, features, n, y, InputFile.open(source), options);
  }

  private static double[] lastColumn(MappedNpy features) {
    int n = features.rowLength();
    double[] row = new double[n];
    float[] floats = new float[n];
    double[] y = new double[features.rows()];
    for (int i = 0; i < y.length; i++) {
      features.read(i, n, row, 0, floats);
      y[i] = row[n - 1];
    }
    return y;
  }

  private static MappedExamples withLabels(String name, MappedNpy features, int featureCount, double[] y,
      InputFile labelsFile, LoadOptions options) {
    ClassLabels.Locator where = NumericArray.locator(labelsFile, "");
    List<String> featureNames = Dataset.numberedFeatures(featureCount);
    if (options.regression()) {
      for (int i = 0; i < y.length; i++) {
        NumericArray.target(where, i, y[i]);
      }
      return new MappedExamples(name, features, featureCount, null, y, List.of(), featureNames);
    }
    ClassLabels.Encoded labels = ClassLabels.ofNumbers(y, options.classNames(), where);
    return new MappedExamples(name, features, featureCount, labels.indices(), null, labels.names(), featureNames);
  }

  /** A converted directory: its description checked against its two arrays. */
  private static MappedExamples directory(Path dir) {
    Path description = dir.resolve(DESCRIPTION);
    if (!Files.isRegularFile(description)) {
      throw new DescentException("is a directory without " + DESCRIPTION + "; train from a directory written by"
          + " descent convert FILE --to npy --out DIR, or give a data file", dir.toString(), -1, -1, null);
    }
    JsonNode meta;
    try {
      meta = new ObjectMapper().readTree(description.toFile());
    } catch (IOException e) {
      throw new DescentException("is not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")",
          description.toString(), -1, -1, e);
    }
    if (meta == null || !FORMAT.equals(meta.path("format").asText()) || meta.path("version").asInt() != 1) {
      throw new DescentException("is not a description of converted examples (expected \"format\": \"" + FORMAT
          + "\", \"version\": 1)", description.toString(), -1, -1, null);
    }
    for (String part : new String[] {FEATURES, LABELS}) {
      if (!Files.isRegularFile(dir.resolve(part))) {
        throw new DescentException("has no " + part + "; the conversion is incomplete: convert the data again"
            + " (descent convert FILE --to npy --out " + dir + " --force)", dir.toString(), -1, -1, null);
      }
    }
    MappedNpy features = MappedNpy.open(dir.resolve(FEATURES));
    long examples = meta.path("examples").asLong(-1);
    if (examples != features.rows() || meta.path("features").asLong(-1) != features.rowLength()) {
      throw new DescentException("describes " + examples + " × " + meta.path("features").asText("?")
          + " examples but " + FEATURES + " holds " + features.rows() + " × " + features.rowLength()
          + "; convert the data again", description.toString(), -1, -1, null);
    }
    InputFile labelsFile = InputFile.open(dir.resolve(LABELS));
    NumericArray labels = NpyFile.read(labelsFile);
    double[] y = labels.vector(labelsFile);
    if (y.length != features.rows()) {
      throw labelsFile.error("has " + y.length + " labels but " + FEATURES + " has " + features.rows()
          + " examples; convert the data again");
    }
    List<String> featureNames = strings(meta.path("feature_names"));
    if (featureNames.size() != features.rowLength()) {
      featureNames = Dataset.numberedFeatures(features.rowLength());
    }
    String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    if (meta.path("regression").asBoolean(false)) {
      return new MappedExamples(name, features, features.rowLength(), null, finite(y, labelsFile), List.of(),
          featureNames);
    }
    List<String> classes = strings(meta.path("class_names"));
    ClassLabels.Encoded encoded = ClassLabels.ofIndices(y, classes, NumericArray.locator(labelsFile, ""));
    return new MappedExamples(name, features, features.rowLength(), encoded.indices(), null, classes, featureNames);
  }

  private static double[] finite(double[] y, InputFile labelsFile) {
    ClassLabels.Locator where = NumericArray.locator(labelsFile, "");
    for (int i = 0; i < y.length; i++) {
      NumericArray.target(where, i, y[i]);
    }
    return y;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
