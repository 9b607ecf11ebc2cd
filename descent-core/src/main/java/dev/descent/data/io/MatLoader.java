package dev.descent.data.io;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads the variables {@code LoadOptions.matFeatures} and {@code matLabels} (default {@code X}
 * and {@code y}, examples as rows) of a MATLAB v5 file; see {@link MatFile}.
 *
 * <pre>{@code
 * Dataset dev = new MatLoader().load(Path.of("data.mat"), LoadOptions.defaults().withMat("Xval", "yval"));
 * }</pre>
 */
public final class MatLoader implements DataLoader {

  @Override
  public LoadedData read(Path file, LoadOptions options) {
    MatFile mat = MatFile.read(file);
    return new LoadedData(mat.dataset(options.matFeatures(), options.matLabels(), options),
        Optional.empty());
  }
}
