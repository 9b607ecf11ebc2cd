package dev.descent.run;

import java.util.List;

/**
 * Where to get examples: {@code source} is a file path or a built-in set's name.
 *
 * @param format a format name overriding the file extension, or null
 * @param labelColumn CSV label column by name or 1-based index, or null for the last
 * @param labelsFile a separate labels file (.npy, IDX), or null
 * @param classes class names in order, or for generated sets a single number K; empty for the default
 * @param examples size of a generated set
 * @param noise noise of a generated set; NaN for the set's own default
 * @param seed seed of a generated set
 */
public record DataRequest(String source, String format, String labelColumn, String labelsFile,
    List<String> classes, int examples, double noise, long seed) {
  public DataRequest {
    classes = List.copyOf(classes);
  }

  public static DataRequest builtIn(String name, int examples, double noise, long seed) {
    return new DataRequest(name, null, null, null, List.of(), examples, noise, seed);
  }
}
