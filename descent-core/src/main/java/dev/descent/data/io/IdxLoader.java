package dev.descent.data.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads MNIST-style IDX images (m × rows × cols unsigned bytes, flattened and divided by 255,
 * {@link ImageShape} rows × cols × 1) with their labels from the IDX labels file given as
 * {@code LoadOptions.labelsFile}. Either file may be gzip.
 *
 * <pre>{@code
 * new IdxLoader().read(Path.of("train-images-idx3-ubyte.gz"),
 *     LoadOptions.defaults().withLabelsFile(Path.of("train-labels-idx1-ubyte.gz")));   // 60000 × 784
 * }</pre>
 */
public final class IdxLoader implements DataLoader {

  @Override
  public LoadedData read(Path file, LoadOptions options) {
    InputFile images = InputFile.open(file);
    NumericArray x = IdxFile.read(images);
    if (x.rank() != 3) {
      throw images.error("is an IDX labels file; load the images file and give this one with --labels");
    }
    if (options.labelsFile().isEmpty()) {
      throw images.error("IDX images need their labels: give the labels file with --labels"
          + sibling(file));
    }
    InputFile labels = InputFile.open(options.labelsFile().get());
    NumericArray y = IdxFile.read(labels);
    if (y.rank() != 1) {
      throw labels.error("is an IDX images file; --labels needs an IDX labels file (magic 0x00000801)");
    }
    return NumericArray.pair(images, x, labels, y, options);
  }

  /** MNIST's naming: train-images-idx3-ubyte pairs with train-labels-idx1-ubyte. */
  static String sibling(Path images) {
    String name = images.getFileName().toString();
    String guess = name.replace("images", "labels").replace("idx3", "idx1");
    Path candidate = images.resolveSibling(guess);
    return !guess.equals(name) && Files.exists(candidate) ? " (e.g. --labels " + candidate + ")" : "";
  }
}
