package dev.descent.data.io;

import dev.descent.tensor.Precision;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * How to read a data file; each field is one CLI option, and a format ignores the fields that do
 * not concern it.
 *
 * <ul>
 *   <li>{@code labelColumn} (CSV, {@code --label-column}): a header name or a 1-based column
 *       number (as in error messages); default the last column.
 *   <li>{@code classNames} ({@code --classes}): the classes in index order; every label must be
 *       one of them. Default: inferred, strings in order of first appearance, numbers sorted.
 *   <li>{@code regression} ({@code --regression}): keep numeric targets instead of classes.
 *   <li>{@code labelsFile} (NumPy, IDX, {@code --labels}): the labels in a second file of the
 *       same format; default the last column (NumPy) or required (IDX).
 *   <li>{@code hdf5Features}, {@code hdf5Labels}: dataset paths; default the one {@code *_set_x}
 *       / {@code *_set_y} pair (the course's files).
 *   <li>{@code matFeatures}, {@code matLabels}: MATLAB variable names; default {@code X}, {@code y}.
 *   <li>{@code precision} (CSV, from {@code --precision}): the features' precision; default F64.
 *       F32 reads them straight into float32 (no float64 copy of a large file), except when a
 *       value is beyond float32's range (±3.4e38): then float64, since standardization may still
 *       bring it into range. Targets are always float64.
 * </ul>
 *
 * <pre>{@code
 * LoadOptions o = LoadOptions.defaults().withLabelColumn("species").withClassNames(List.of("setosa", "versicolor", "virginica"));
 * }</pre>
 */
public record LoadOptions(Optional<String> labelColumn, List<String> classNames, boolean regression,
    Optional<Path> labelsFile, Optional<String> hdf5Features, Optional<String> hdf5Labels,
    String matFeatures, String matLabels, Precision precision) {

  public LoadOptions {
    labelColumn.ifPresent(LoadOptions::checkLabelColumn);
    classNames = List.copyOf(classNames);
    if (classNames.size() == 1) {
      throw new IllegalArgumentException("classes " + classNames + ": give at least 2 class names");
    }
    if (new HashSet<>(classNames).size() != classNames.size()) {
      throw new IllegalArgumentException("classes " + classNames + ": a class name appears twice");
    }
    classNames.forEach(c -> requireName("class name", c));
    if (regression && !classNames.isEmpty()) {
      throw new IllegalArgumentException("classes " + classNames
          + ": class names and regression exclude each other; drop one");
    }
    hdf5Features.ifPresent(n -> requireName("HDF5 features dataset", n));
    hdf5Labels.ifPresent(n -> requireName("HDF5 labels dataset", n));
    requireName("MAT features variable", matFeatures);
    requireName("MAT labels variable", matLabels);
    if (precision == null) {
      throw new IllegalArgumentException("precision: must be given (F32 or F64)");
    }
  }

  public static LoadOptions defaults() {
    return new LoadOptions(Optional.empty(), List.of(), false, Optional.empty(), Optional.empty(),
        Optional.empty(), "X", "y", Precision.F64);
  }

  public LoadOptions withLabelColumn(String column) {
    return new LoadOptions(Optional.of(column), classNames, regression, labelsFile, hdf5Features,
        hdf5Labels, matFeatures, matLabels, precision);
  }

  public LoadOptions withClassNames(List<String> names) {
    return new LoadOptions(labelColumn, names, regression, labelsFile, hdf5Features, hdf5Labels,
        matFeatures, matLabels, precision);
  }

  public LoadOptions withRegression(boolean newRegression) {
    return new LoadOptions(labelColumn, classNames, newRegression, labelsFile, hdf5Features,
        hdf5Labels, matFeatures, matLabels, precision);
  }

  public LoadOptions withLabelsFile(Path file) {
    return new LoadOptions(labelColumn, classNames, regression, Optional.of(file), hdf5Features,
        hdf5Labels, matFeatures, matLabels, precision);
  }

  /** The HDF5 datasets to read; a null name keeps auto-detection for that one. */
  public LoadOptions withHdf5(String features, String labels) {
    return new LoadOptions(labelColumn, classNames, regression, labelsFile, Optional.ofNullable(features),
        Optional.ofNullable(labels), matFeatures, matLabels, precision);
  }

  public LoadOptions withMat(String features, String labels) {
    return new LoadOptions(labelColumn, classNames, regression, labelsFile, hdf5Features,
        hdf5Labels, features, labels, precision);
  }

  /** Features in {@code newPrecision} (CSV); the other formats read float64 and ignore it. */
  public LoadOptions withPrecision(Precision newPrecision) {
    return new LoadOptions(labelColumn, classNames, regression, labelsFile, hdf5Features, hdf5Labels,
        matFeatures, matLabels, newPrecision);
  }

  /** The 1-based label column when {@code labelColumn} is a number, else empty (a name). */
  Optional<Integer> labelColumnNumber() {
    if (labelColumn.isEmpty() || !labelColumn.get().chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    String digits = labelColumn.get();
    return Optional.of(digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits));
  }

  private static void checkLabelColumn(String column) {
    requireName("label column", column);
    if (column.chars().allMatch(c -> c == '0')) {
      throw new IllegalArgumentException("label column " + column + ": columns are numbered from 1");
    }
  }

  private static void requireName(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " '" + value + "': must not be blank");
    }
  }
}
