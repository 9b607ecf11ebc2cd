package dev.descent.data.io;

import dev.descent.DescentException;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Streams an HDF5 file's features and labels datasets (found as {@link Hdf5Loader} finds them)
 * in slices of rows, read with jhdf's {@code getData(offset, shape)}, so that a dataset larger
 * than memory converts.
 */
final class Hdf5Conversion {
  private Hdf5Conversion() {}

  static StreamedData run(InputFile file, LoadOptions options, ExampleWriter writer, ConversionProgress progress) {
    try (HdfFile hdf = new HdfFile(file.path())) {
      Map<String, Dataset> datasets = new LinkedHashMap<>();
      Hdf5Loader.collect(hdf, datasets);
      String featuresName = options.hdf5Features().orElseGet(() -> Hdf5Loader.autoDetect(file, datasets, "x"));
      String labelsName = options.hdf5Labels().orElseGet(() -> Hdf5Loader.autoDetect(file, datasets, "y"));
      Dataset x = Hdf5Loader.numericDataset(file, datasets, featuresName, hdf.getUserBlockSize());
      Dataset y = Hdf5Loader.numericDataset(file, datasets, labelsName, hdf.getUserBlockSize());
      Optional<List<String>> classList = Hdf5Loader.classList(file, datasets, hdf.getUserBlockSize());
      int[] labelShape = y.getDimensions();
      int labelAxis = labelShape.length == 2 && labelShape[0] == 1 ? 1 : 0;   // (1, m) holds m labels
      return ArrayConversion.run(source(file, featuresName, x, 0), source(file, labelsName, y, labelAxis),
          options, classList, writer, progress, file.size());
    } catch (DescentException e) {
      throw e;
    } catch (HdfException | IllegalArgumentException | IllegalStateException | UnsupportedOperationException
        | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
      // jhdf reports corrupt files with these, as in Hdf5Loader
      throw file.error("is not a readable HDF5 file (" + e.getMessage() + ")", e);
    }
  }

  private static ArrayConversion.Source source(InputFile file, String name, Dataset d, int axis) {
    NumericArray array = new NumericArray("dataset '" + name + "'", d.getDimensions(),
        k -> {
          throw new AssertionError("an HDF5 dataset is read in slices, not by element");
        }, Hdf5Loader.isPixels(d));
    int[] dims = d.getDimensions();
    return new ArrayConversion.Source(file, array, (first, rows, into) -> {
      long[] offset = new long[dims.length];
      int[] shape = dims.clone();
      offset[axis] = first;
      shape[axis] = rows;
      flatten(d.getData(offset, shape), into, 0);
    });
  }

  /** Copies jhdf's nested Java array into {@code into} in C order; returns the next free index. */
  private static int flatten(Object data, double[] into, int at) {
    if (data instanceof Object[] nested) {
      for (Object inner : nested) {
        at = flatten(inner, into, at);
      }
      return at;
    }
    int length = length(data);
    NumericArray.Values values = Hdf5Loader.values(data);
    for (int k = 0; k < length; k++) {
      into[at++] = values.at(k);
    }
    return at;
  }

  private static int length(Object leaf) {
    if (leaf instanceof double[] a) {
      return a.length;
    } else if (leaf instanceof float[] a) {
      return a.length;
    } else if (leaf instanceof long[] a) {
      return a.length;
    } else if (leaf instanceof int[] a) {
      return a.length;
    } else if (leaf instanceof short[] a) {
      return a.length;
    } else if (leaf instanceof byte[] a) {
      return a.length;
    }
    throw new AssertionError("jhdf returned " + leaf.getClass() + " for a primitive dataset");
  }
}
