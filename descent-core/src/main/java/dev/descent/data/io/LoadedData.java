package dev.descent.data.io;

import dev.descent.data.Dataset;
import java.util.Optional;

/**
 * What a loader read: the examples, and the image shape when each row is a flattened image
 * (HDF5 and NumPy arrays of rank 3 or 4, IDX images).
 */
public record LoadedData(Dataset dataset, Optional<ImageShape> imageShape) {

  public LoadedData {
    if (imageShape.isPresent() && imageShape.get().size() != dataset.featureCount()) {
      throw new AssertionError("image shape " + imageShape.get() + " does not match "
          + dataset.featureCount() + " features");
    }
  }
}
