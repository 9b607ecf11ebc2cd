package dev.descent.run;

import dev.descent.DescentException;
import dev.descent.data.Dataset;
import dev.descent.model.Model;
import dev.descent.tensor.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lines a data file's feature columns up with a model's by name, when both have names: the file
 * a header row, the model the names of its training file's header. Columns in another order are
 * reordered (and {@code notes} is told); a model feature the file lacks, or a file column the
 * model does not know, is refused. Without names on either side (a headerless file, a model
 * trained on one, built-in sets: the names {@code x1, x2…}) columns are taken by position.
 *
 * <pre>{@code
 * // model trained on a,b; file headed b,a,y
 * ColumnNames.match(file, data, model, System.err::println);   // the columns as a,b
 * // "test.csv: columns b, a matched to the model's features a, b by name (reordered)"
 * }</pre>
 */
final class ColumnNames {
  private ColumnNames() {}

  static Dataset match(String source, Dataset data, Model model, Consumer<String> notes) {
    List<String> wanted = model.featureNames();
    List<String> found = data.featureNames();
    if (!named(wanted) || !named(found) || found.equals(wanted)) {
      return data;
    }
    List<String> missing = new ArrayList<>();
    for (String name : wanted) {
      if (!found.contains(name)) {
        missing.add(name);
      }
    }
    List<String> unknown = new ArrayList<>();
    for (String name : found) {
      if (!wanted.contains(name)) {
        unknown.add(name);
      }
    }
    for (String name : wanted) {
      if (found.indexOf(name) != found.lastIndexOf(name)) {
        throw new DescentException(source + ": column '" + name + "' appears twice in the header; the model reads it once");
      }
    }
    if (!missing.isEmpty() || !unknown.isEmpty()) {
      throw new DescentException(source + ": its columns do not match the model's features by name ("
          + (missing.isEmpty() ? "" : "missing " + quoted(missing)) + (missing.isEmpty() || unknown.isEmpty() ? "" : "; ")
          + (unknown.isEmpty() ? "" : "not in the model " + quoted(unknown)) + "); the model reads " + quoted(wanted)
          + "; rename the header's columns to match");
    }
    int[] from = new int[wanted.size()];
    for (int j = 0; j < from.length; j++) {
      from[j] = found.indexOf(wanted.get(j));
    }
    Matrix x = data.features();
    Matrix reordered = Matrix.zeros(x.precision(), x.rows(), from.length);
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < from.length; j++) {
        reordered.set(i, j, x.get(i, from[j]));
      }
    }
    notes.accept(source + ": columns " + String.join(", ", found) + " matched to the model's features "
        + String.join(", ", wanted) + " by name (reordered)");
    return new Dataset(data.name(), reordered, data.targets(), data.classNames(), wanted);
  }

  /** Whether {@code names} are a header's, not the positions {@code x1, x2…} given where there is none. */
  static boolean named(List<String> names) {
    return !names.isEmpty() && !names.equals(Dataset.numberedFeatures(names.size()));
  }

  private static String quoted(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size() && i < 8; i++) {
      text.append(i == 0 ? "" : ", ").append('\'').append(names.get(i)).append('\'');
    }
    return names.size() > 8 ? text + " and " + (names.size() - 8) + " more" : text.toString();
  }
}
